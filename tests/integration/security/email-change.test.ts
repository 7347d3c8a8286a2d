import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { companies, outbox } from '@/db/schema';
import { activateAccount, lookUpActivation } from '@/lib/auth/activation';
import { updateUserAndWelcome } from '@/lib/mail/address-change';
import { queueWelcomeEmails } from '@/lib/mail/welcome';
import { runAction } from '@/lib/runner/run-action';
import { addUser } from '@/lib/team/actions';
import { signUpCompany } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';
import { userInput } from '../../helpers/team';

useTestDatabase();

const T0 = new Date('2026-03-02T09:00:00Z');
const BASE = 'https://phone.example.com';
const tokenIn = (body: string) => /\/activate\/([\w-]+)/.exec(body)?.[1];

async function mailsTo(userId: string) {
  return db().select().from(outbox).where(eq(outbox.userId, userId)).orderBy(desc(outbox.createdAt));
}

describe('activation links follow the address', () => {
  it('correcting an e-mail kills the old link and queues a fresh welcome to the new address, in the outbox', async () => {
    const { company, admin } = await signUpCompany();
    const as = { userId: admin.id, locale: 'en' as const, baseUrl: BASE, now: () => T0 };
    const typo = userInput({ email: 'bea@exmaple.com', extension: '102' });
    const added = await runAction(addUser, { ...as, input: typo });
    if (!added.ok) throw new Error(JSON.stringify(added));
    const userId = added.data.id;
    // Finish setup's welcome, to the mistyped address.
    const [row] = await db().select().from(companies).where(eq(companies.id, company.id));
    await db().transaction((tx) => queueWelcomeEmails(tx, row!, { baseUrl: BASE, now: T0 }));
    const [first] = await mailsTo(userId);
    expect(first!.toEmail).toBe('bea@exmaple.com');
    const oldToken = tokenIn(first!.bodyText)!;
    expect((await lookUpActivation(oldToken, T0)).state).toBe('valid');

    const later = new Date(T0.getTime() + 60_000);
    const saved = await runAction(updateUserAndWelcome, {
      ...as,
      now: () => later,
      input: { ...typo, id: userId, email: 'bea@example.com' },
    });
    expect(saved.ok).toBe(true);

    // The link at the wrong address no longer sets a password.
    expect(await activateAccount(oldToken, 'hash', later)).toMatchObject({ ok: false });
    const mails = await mailsTo(userId);
    expect(mails).toHaveLength(2);
    const fresh = mails.find((m) => m.toEmail === 'bea@example.com')!;
    expect(fresh).toMatchObject({ kind: 'welcome', status: 'pending' });
    // The old one, if not sent yet, is not sent at all.
    expect(mails.find((m) => m.toEmail === 'bea@exmaple.com')!.status).toBe('failed');
    const newToken = tokenIn(fresh.bodyText)!;
    expect(newToken).not.toBe(oldToken);
    expect(fresh.bodyText).toContain(`${BASE}/activate/`);
    expect(await activateAccount(newToken, 'hash', later)).toMatchObject({ ok: true, email: 'bea@example.com' });
  });

  it('a user never welcomed gets nothing yet: Finish will write to the corrected address', async () => {
    const { admin } = await signUpCompany();
    const as = { userId: admin.id, locale: 'en' as const, baseUrl: BASE, now: () => T0 };
    const input = userInput({ extension: '103' });
    const added = await runAction(addUser, { ...as, input });
    if (!added.ok) throw new Error(JSON.stringify(added));
    await runAction(updateUserAndWelcome, { ...as, input: { ...input, id: added.data.id, email: 'other@example.com' } });
    expect(await mailsTo(added.data.id)).toEqual([]);
    const same = await runAction(updateUserAndWelcome, {
      ...as,
      input: { ...input, id: added.data.id, email: 'other@example.com', firstName: 'Beatrix' },
    });
    expect(same.ok).toBe(true);
    expect(await db().select().from(outbox).where(and(eq(outbox.userId, added.data.id)))).toEqual([]);
  });
});
