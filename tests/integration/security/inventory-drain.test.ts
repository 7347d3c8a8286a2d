import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { first } from '@/db/rows';
import { companies, phoneNumbers, users } from '@/db/schema';
import { buySeats } from '@/lib/licences/actions';
import { holdNumbers } from '@/lib/numbers/actions';
import { NUMBER_LIMITS } from '@/lib/numbers/limits';
import { finishSetup } from '@/lib/review/finish';
import { runAction } from '@/lib/runner/run-action';
import { addUser } from '@/lib/team/actions';
import { commitUserImport, previewUserImport } from '@/lib/team/import-commit';
import { APP_ONLY } from '@/lib/team/schema';
import { useTestDatabase } from '../../helpers/db';
import { signUpCompany } from '../../helpers/factories';
import { verifyCards } from '../../helpers/review';
import { userInput } from '../../helpers/team';
import { fileOf } from '../import/helpers';
import { someNumbers } from '../numbers/helpers';

/*
 * Issue 12, item 4, as it was found: six Belgian sign-ups, each buying many seats and importing
 * many Office users, took every Belgian local number, and every other Belgian company's Add
 * Office user then failed. The test database holds 40 numbers per area: about 400 Belgian local
 * numbers, fewer than six such imports ask for, more than six companies at the cap.
 */

useTestDatabase();

const CAP = NUMBER_LIMITS.beforeFirstFinish;
const CAP_MESSAGE = `Until your first setup is finished, a company can hold or own up to ${CAP} phone numbers. Finish setup to add more.`;
const as = (userId: string, input: unknown) => ({ userId, locale: 'en' as const, input });

const beAvailable = async () =>
  Number(
    first(
      await db()
        .select({ n: count() })
        .from(phoneNumbers)
        .where(sql`${phoneNumbers.country} = 'BE' and ${phoneNumbers.type} = 'local' and ${phoneNumbers.status} = 'available'`),
    ).n,
  );

const taken = async (companyId: string) =>
  Number(first(await db().select({ n: count() }).from(phoneNumbers).where(eq(phoneNumbers.companyId, companyId))).n);
const people = async (companyId: string) =>
  Number(first(await db().select({ n: count() }).from(users).where(eq(users.companyId, companyId))).n);

const officeCsv = (n: number, tag: string) =>
  ['First name;Last name;E-mail;Licence;Extension', ...Array.from({ length: n }, (_, i) => `Ana;Peeters${i};${tag}-${i}@drain.test;Office;`)].join('\r\n') + '\r\n';

describe('draining the Belgian inventory (issue 12)', () => {
  it('six sign-ups importing Office users stop at the cap; a seventh company still gets its numbers and finishes', async () => {
    const start = await beAvailable();
    // Without the cap, six of these imports would take every Belgian number.
    const wanted = Math.ceil(start / 6) + 10;
    expect(6 * CAP).toBeLessThan(start);
    expect(6 * wanted).toBeGreaterThan(start);

    const drainers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { company, admin } = await signUpCompany({ country: 'BE', companyName: `Drain ${i}`, officeSeats: 10 });
      drainers.push(company.id);
      const bought = await runAction(buySeats, as(admin.id, { quantity: wanted, idempotencyKey: randomUUID() }));
      expect(bought.ok).toBe(true);
      const csv = officeCsv(wanted, `drain${i}-${randomUUID()}`);

      // The preview already says which rows the cap leaves out, before anything is written.
      const preview = await runAction(previewUserImport, as(admin.id, { file: fileOf(csv), mode: 'all_or_nothing' }));
      const capped = preview.data!.rows.filter((r) => r.errors.some((e) => e.key === 'errors.importNumberCap'));
      expect(capped).toHaveLength(wanted - (CAP - 1));
      expect(capped[0]!.errors[0]).toMatchObject({ params: { cap: CAP, free: CAP - 1 } });

      // All or nothing: refused with the cap's message, nothing written.
      const refused = await runAction(commitUserImport, as(admin.id, { file: fileOf(csv), mode: 'all_or_nothing' }));
      expect(refused).toEqual({ formError: CAP_MESSAGE });
      expect(await people(company.id)).toBe(1);
      expect(await taken(company.id)).toBe(1);

      // Valid rows only: the users the cap allows, and not one more.
      const partial = await runAction(commitUserImport, as(admin.id, { file: fileOf(csv), mode: 'valid_only' }));
      expect(partial.data).toEqual({ imported: CAP - 1, skipped: wanted - (CAP - 1) });
      expect(await taken(company.id)).toBe(CAP);

      // At the cap: another Office user and another hold are refused, and write nothing.
      const more = await runAction(addUser, as(admin.id, userInput({ licence: 'office', phone: APP_ONLY, extension: '499' })));
      expect(more).toEqual({ formError: CAP_MESSAGE });
      const [free] = await someNumbers('BE', 1, company.id);
      const held = await runAction(holdNumbers, as(admin.id, { ids: [free!.id] }));
      expect(held).toEqual({ formError: CAP_MESSAGE });
      expect(await people(company.id)).toBe(CAP);
      expect(await taken(company.id)).toBe(CAP);
    }
    const drained = start - (await beAvailable());
    expect(drained).toBeLessThanOrEqual(6 * CAP);

    // A seventh Belgian company: its admin's number, an Office user's direct number, Finish.
    const { company, admin } = await signUpCompany({ country: 'BE', companyName: 'Boulangerie Liégeoise', officeSeats: 2 });
    const added = await runAction(addUser, as(admin.id, userInput({ licence: 'office', phone: APP_ONLY, extension: '210' })));
    expect(added.ok).toBe(true);
    const owned = await db()
      .select()
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.companyId, company.id), eq(phoneNumbers.status, 'owned')));
    expect(owned).toHaveLength(2);
    expect(owned.every((n) => n.country === 'BE' && n.extensionId !== null)).toBe(true);
    await db()
      .update(companies)
      .set({ emergencyStreet: 'Rue Neuve 1', emergencyCity: 'Bruxelles', emergencyPostalCode: '1000', emergencyCountry: 'BE' })
      .where(eq(companies.id, company.id));
    await verifyCards(company.id);
    const finished = await runAction(finishSetup, { ...as(admin.id, {}), baseUrl: 'https://switchboard.example' });
    expect(finished.ok, JSON.stringify(finished)).toBe(true);
  });
});
