import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { activationTokens, auditLog, phoneNumbers, users } from '@/db/schema';
import { runAction } from '@/lib/runner/run-action';
import { ACTIVATION_TTL_MS, hashActivationToken } from '@/lib/auth/activation';
import { finishSetup } from '@/lib/review/finish';
import { buySeats } from '@/lib/licences/actions';
import { addUser } from '@/lib/team/actions';
import { APP_ONLY } from '@/lib/team/schema';
import { testDbKind, useTestDatabase } from '../helpers/db';
import { addDeskPhone, addMemberWithExtension, extensionOf, userInput } from '../helpers/team';
import {
  activationLinkIn,
  addPendingSeatOrder,
  companyById,
  giveDirectNumber,
  ordersOf,
  outboxOf,
  readyCompany,
  reviewStatus,
  setEmergencyAddress,
  tokensOf,
} from '../helpers/review';

useTestDatabase();

const BASE = 'https://switchboard.example';
const T0 = new Date('2026-03-02T09:30:00Z');
const as = (userId: string) => ({ userId, locale: 'en' as const, input: {} });

/** A ready company (FR, French by default) with two more people and a pending seat order. */
async function teamCompany() {
  const { company, admin, main } = await readyCompany({ officeSeats: 2 });
  const { user: ines, extension } = await addMemberWithExtension(company.id, '102', {
    firstName: 'Inès',
    lastName: 'Bernard',
    licence: 'office',
  });
  const direct = await giveDirectNumber(company.id, ines.id);
  await addDeskPhone(company.id, { userId: ines.id, model: 'Yealink T54W' });
  const { user: paul } = await addMemberWithExtension(company.id, '103', {
    firstName: 'Paul',
    lastName: 'Durand',
    licence: 'free',
    locale: 'en',
  });
  const order = await addPendingSeatOrder(company.id, 2);
  return { company, admin, main, ines, inesExtension: extension, direct, paul, order };
}

describe('Finish setup', () => {
  it('is refused while a blocker is left, listing every blocker, and writes nothing', async () => {
    const { company, admin } = await readyCompany({ officeSeats: 2 });
    await setEmergencyAddress(company.id, null);
    await addMemberWithExtension(company.id, '102', { firstName: 'Inès', lastName: 'Bernard', licence: 'office' });
    await addPendingSeatOrder(company.id, 1);

    const result = await runAction(finishSetup, { ...as(admin.id), baseUrl: BASE, now: () => T0 });
    expect(result).toEqual({
      formError:
        'Setup cannot be finished yet (2 items to fix): No emergency address is on file. · ' +
        '1 Office user has no direct number: Inès Bernard.',
    });
    expect(await outboxOf(company.id)).toEqual([]);
    expect((await ordersOf(company.id)).map((o) => o.status)).toEqual(['pending']);
    expect((await companyById(company.id)).setupCompletedAt).toBeNull();
    expect(await reviewStatus(company.id)).not.toBe('verified');
  });

  it('completes pending orders, records the completion, verifies Review and queues one welcome e-mail per user', async () => {
    const { company, admin, ines, direct, paul, order } = await teamCompany();

    const result = await runAction(finishSetup, { ...as(admin.id), baseUrl: BASE, now: () => T0 });
    expect(result).toEqual({ ok: true, data: { completedAt: T0.toISOString(), ordersCompleted: 1, emailsQueued: 3 } });

    const saved = await companyById(company.id);
    expect(saved.setupCompletedAt).toEqual(T0);
    expect(saved.setupCompletedBy).toBe(admin.id);
    expect(await reviewStatus(company.id)).toBe('verified');
    expect(await ordersOf(company.id)).toEqual([expect.objectContaining({ id: order.id, status: 'completed', completedAt: T0 })]);

    const mail = await outboxOf(company.id);
    expect(mail.map((m) => [m.toEmail, m.kind, m.dedupeKey, m.status])).toEqual(
      [admin, ines, paul]
        .map((u) => [u.email, 'welcome', `welcome:${u.id}`, 'pending'])
        .sort((a, b) => a[0].localeCompare(b[0])),
    );

    // Inès: French (the company's language), her extension, number in national format, phone, link.
    const toInes = mail.find((m) => m.userId === ines.id)!;
    const national = `01 44 00 ${direct.e164.slice(-4, -2)} ${direct.e164.slice(-2)}`;
    expect(toInes.subject).toBe('Votre ligne téléphonique chez Acme SAS');
    expect(toInes.bodyText).toContain('Bonjour Inès,');
    expect(toInes.bodyText).toContain('Poste : 102');
    expect(toInes.bodyText).toContain(`Numéro direct : ${national}`);
    expect(toInes.bodyText).toContain('Téléphone : Yealink T54W');
    expect(toInes.bodyText).toContain('9 mars 2026');
    const link = activationLinkIn(toInes.bodyText);
    expect(link?.[0]).toMatch(new RegExp(`^${BASE}/activate/[A-Za-z0-9_-]{43}$`));
    const token = link![1];
    // Only the hash is stored, valid 7 days from the injected clock.
    const [stored] = await tokensOf(ines.id);
    expect(stored).toMatchObject({ tokenHash: hashActivationToken(token), usedAt: null });
    expect(stored.expiresAt.getTime()).toBe(T0.getTime() + ACTIVATION_TTL_MS);
    const plain = await db().select().from(activationTokens).where(eq(activationTokens.tokenHash, token));
    expect(plain).toEqual([]);

    // Paul: his own language, Free: no number, no phone.
    const toPaul = mail.find((m) => m.userId === paul.id)!;
    expect(toPaul.subject).toBe('Your phone line at Acme SAS');
    expect(toPaul.bodyText).toContain('Extension: 103');
    expect(toPaul.bodyText).toContain('Direct number: none');
    expect(toPaul.bodyText).toContain('Phone: none (Free licence)');
    expect(activationLinkIn(toPaul.bodyText)).not.toBeNull();

    // The admin already has a password: a summary and the sign-in address, no activation link.
    const toAdmin = mail.find((m) => m.userId === admin.id)!;
    expect(activationLinkIn(toAdmin.bodyText)).toBeNull();
    expect(toAdmin.bodyText).toContain(`${BASE}/sign-in`);
    expect(await tokensOf(admin.id)).toEqual([]);

    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, company.id), eq(auditLog.action, 'setup.finished')));
    expect(entries).toEqual([
      expect.objectContaining({
        card: 'review',
        actorId: admin.id,
        after: { setupCompletedAt: T0.toISOString(), ordersCompleted: 1, welcomeEmails: 3 },
      }),
    ]);
  });

  it('finishing twice sends no e-mail twice and completes no order twice', async () => {
    const { company, admin, ines } = await teamCompany();
    await runAction(finishSetup, { ...as(admin.id), baseUrl: BASE, now: () => T0 });
    const mailBefore = await outboxOf(company.id);
    const tokensBefore = await tokensOf(ines.id);

    const later = new Date(T0.getTime() + 60_000);
    expect(await runAction(finishSetup, { ...as(admin.id), baseUrl: BASE, now: () => later })).toEqual({
      ok: true,
      data: { completedAt: later.toISOString(), ordersCompleted: 0, emailsQueued: 0 },
    });
    expect(await outboxOf(company.id)).toEqual(mailBefore);
    expect(await tokensOf(ines.id)).toEqual(tokensBefore);
    expect((await ordersOf(company.id)).map((o) => o.completedAt)).toEqual([T0]);
  });

  it('a change after completion puts Review back in progress; finishing again sends only what is new', async () => {
    const { company, admin } = await teamCompany();
    await runAction(finishSetup, { ...as(admin.id), baseUrl: BASE, now: () => T0 });
    expect(await reviewStatus(company.id)).toBe('verified');

    // Buying seats (Licences card) and adding a hire (Team card), as the UI does.
    const bought = await runAction(buySeats, {
      userId: admin.id,
      locale: 'en',
      input: { quantity: 1, idempotencyKey: randomUUID() },
    });
    expect(bought.ok).toBe(true);
    expect(await reviewStatus(company.id)).toBe('in_progress');
    const added = await runAction(addUser, {
      userId: admin.id,
      locale: 'en',
      input: userInput({ firstName: 'Zoé', lastName: 'Petit', licence: 'office', phone: APP_ONLY, extension: '104' }),
    });
    expect(added.ok).toBe(true);
    const zoeId = (added.data as { id: string }).id;

    // Without a direct number (the add may have given her one: take it away), Finish says so.
    const zoeExtension = await extensionOf(zoeId);
    await db().update(phoneNumbers).set({ extensionId: null }).where(eq(phoneNumbers.extensionId, zoeExtension.id));
    expect((await runAction(finishSetup, { ...as(admin.id), baseUrl: BASE, now: () => T0 })).formError).toContain('Zoé Petit');
    await giveDirectNumber(company.id, zoeId);

    const later = new Date('2026-04-01T08:00:00Z');
    expect(await runAction(finishSetup, { ...as(admin.id), baseUrl: BASE, now: () => later })).toEqual({
      ok: true,
      data: { completedAt: later.toISOString(), ordersCompleted: 1, emailsQueued: 1 },
    });
    const mail = await outboxOf(company.id);
    expect(mail).toHaveLength(4);
    expect(mail.filter((m) => m.userId === zoeId)).toHaveLength(1);
    expect((await ordersOf(company.id)).map((o) => [o.status, o.completedAt])).toEqual([
      ['completed', T0],
      ['completed', later],
    ]);
    expect(await reviewStatus(company.id)).toBe('verified');
    expect((await companyById(company.id)).setupCompletedAt).toEqual(later);
  });

  it('before the first Finish, changes leave Review alone', async () => {
    const { company, admin } = await readyCompany({ officeSeats: 3 });
    const added = await runAction(addUser, {
      userId: admin.id,
      locale: 'en',
      input: userInput({ extension: '105' }),
    });
    expect(added.ok).toBe(true);
    expect(await reviewStatus(company.id)).toBe('not_started');
  });

  it('concurrent finishes: one set of e-mails, each order completed once', async () => {
    const { company, admin, order } = await teamCompany();
    const { user: second } = await addMemberWithExtension(company.id, '190', { role: 'admin', licence: 'free' });
    const clocks = [0, 1, 2, 3].map((i) => new Date(T0.getTime() + i * 1000));
    const results = await Promise.all(
      clocks.map((now, i) => runAction(finishSetup, { ...as(i % 2 ? second.id : admin.id), baseUrl: BASE, now: () => now })),
    );
    expect(results.every((r) => r.ok), `on ${testDbKind}: ${JSON.stringify(results)}`).toBe(true);
    const data = results.map((r) => r.data!);
    expect(data.reduce((n, d) => n + d.emailsQueued, 0)).toBe(4);
    expect(data.reduce((n, d) => n + d.ordersCompleted, 0)).toBe(1);

    const mail = await outboxOf(company.id);
    expect(mail).toHaveLength(4);
    expect(new Set(mail.map((m) => m.dedupeKey)).size).toBe(4);
    const winner = data.find((d) => d.ordersCompleted === 1)!;
    const [completed] = await ordersOf(company.id);
    expect(completed).toMatchObject({ id: order.id, status: 'completed' });
    expect(completed.completedAt!.toISOString()).toBe(winner.completedAt);
    // One activation token per user without a password, never two.
    const members = await db().select().from(users).where(eq(users.companyId, company.id));
    for (const m of members) {
      expect(await tokensOf(m.id)).toHaveLength(m.passwordHash ? 0 : 1);
    }
  });

  it('the default-bound action also works (APP_URL or localhost links)', async () => {
    const { company, admin } = await readyCompany();
    const result = await runAction(finishSetup, as(admin.id));
    expect(result.ok).toBe(true);
    const [mail] = await outboxOf(company.id);
    expect(mail.bodyText).toMatch(/https?:\/\/[^/\s]+\/sign-in/);
  });
});
