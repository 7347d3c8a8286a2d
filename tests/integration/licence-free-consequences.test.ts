import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { devices, phoneNumbers, users } from '@/db/schema';
import { createRingGroup } from '@/lib/extensions/actions';
import { computeBill, loadBillingRows } from '@/lib/prices/billing';
import { companyPrices } from '@/lib/prices/price-list';
import { freeLicenceImpact, setLicence } from '@/lib/team/licence';
import { signUpCompany } from '../helpers/factories';
import { useTestDatabase } from '../helpers/db';
import { act, ringGroupInput } from '../helpers/extensions';
import { addDeskPhone, addMemberWithExtension, auditEntries, teamSnapshot, userRow } from '../helpers/team';

useTestDatabase();

// Issue 10 item 3, "switching them to Free": the dialog lists the numbers that ring the user,
// the admin decides per number, and the switch applies everything in one transaction.

let serial = 0;
/** An owned FR local number of the company, ringing `extensionId`. */
async function ownNumber(companyId: string, extensionId: string | null, isMain = false) {
  serial += 1;
  const e164 = `+3318${String(Date.now() % 100_000).padStart(5, '0')}${String(serial).padStart(2, '0')}`;
  if (isMain) await db().update(phoneNumbers).set({ isMain: false }).where(eq(phoneNumbers.companyId, companyId));
  const [row] = await db()
    .insert(phoneNumbers)
    .values({
      e164,
      country: 'FR',
      type: 'local',
      areaCode: '1',
      regionName: 'Île-de-France',
      status: 'owned',
      companyId,
      extensionId,
      isMain,
      acquiredAt: new Date(Date.UTC(2026, 0, serial)),
    })
    .returning();
  return row!;
}

/** Eve (102, Office, desk phone) is rung by the main number and by her direct number; Sales (500) exists. */
async function scene() {
  const { company, admin } = await signUpCompany();
  const phone = await addDeskPhone(company.id);
  const eve = await addMemberWithExtension(company.id, '102', { firstName: 'Eve', lastName: 'Laurent', licence: 'office' });
  await db().update(phoneNumbers).set({ isMain: false }).where(eq(phoneNumbers.companyId, company.id));
  await db().update(devices).set({ userId: eve.user.id }).where(eq(devices.id, phone!.id));
  const sales = (await act(createRingGroup, admin.id, ringGroupInput([admin.id]))).data!.id;
  const main = await ownNumber(company.id, eve.extension.id, true);
  const direct = await ownNumber(company.id, eve.extension.id);
  return { company, admin, eve, sales, main, direct, ids: [main.id, direct.id] };
}

async function numbers(ids: string[]) {
  return db().select().from(phoneNumbers).where(inArray(phoneNumbers.id, ids)).orderBy(asc(phoneNumbers.e164));
}

async function everything(companyId: string, ids: string[]) {
  return { team: await teamSnapshot(companyId), numbers: await numbers(ids) };
}

describe('freeLicenceImpact', () => {
  it('lists the numbers that ring them with what keeping each costs, the move targets and the desk phone, and writes nothing', async () => {
    const s = await scene();
    const before = await everything(s.company.id, s.ids);
    const result = await act(freeLicenceImpact, s.admin.id, { id: s.eve.user.id });
    expect(result.ok).toBe(true);
    const impact = result.data!;
    expect(impact.name).toBe('Eve Laurent');
    expect(impact.deviceModel).toBe('Yealink T54W');
    expect(impact.currency).toBe('EUR');
    expect(impact.numbers.map((n) => [n.id, n.isMain])).toEqual([
      [s.main.id, true],
      [s.direct.id, false],
    ]);
    // Her own extension is not a place to move them to; Sales and the admin are.
    expect(impact.targets.map((x) => x.label)).toEqual(['101 · Ada Admin', '500 · Sales']);
    // Cancelling is not calling setLicence: the read changed nothing.
    expect(await everything(s.company.id, s.ids)).toEqual(before);

    // The "keep unassigned" cost is what the bill charges once she is Free and they ring nobody.
    expect((await act(setLicence, s.admin.id, { id: s.eve.user.id, licence: 'free' })).ok).toBe(true);
    const bill = computeBill({ ...(await loadBillingRows(db(), s.company.id)), prices: (await companyPrices(db(), s.company.id)).monthlyMinor });
    for (const n of impact.numbers) expect(n.keepMonthlyMinor).toBe(bill.numbers.get(n.id)!.monthlyMinor);
    expect(impact.numbers.map((n) => n.keepMonthlyMinor)).toEqual([995, 995]);
  });

  it('lists nothing for a Free user, and refuses another company’s user and a member', async () => {
    const s = await scene();
    const free = await addMemberWithExtension(s.company.id, '103', { firstName: 'Hugo', lastName: 'Petit' });
    await ownNumber(s.company.id, free.extension.id);
    expect((await act(freeLicenceImpact, s.admin.id, { id: free.user.id })).data?.numbers).toEqual([]);
    const other = await signUpCompany();
    expect((await act(freeLicenceImpact, other.admin.id, { id: s.eve.user.id })).ok).not.toBe(true);
    expect((await act(freeLicenceImpact, s.eve.user.id, { id: s.eve.user.id })).ok).not.toBe(true);
  });
});

describe('setLicence to Free with decisions', () => {
  it('applies every choice with the switch, each number change in the Phone numbers history', async () => {
    const s = await scene();
    const result = await act(setLicence, s.admin.id, {
      id: s.eve.user.id,
      licence: 'free',
      numbers: JSON.stringify([
        { numberId: s.main.id, choice: 'move', extensionId: s.sales },
        { numberId: s.direct.id, choice: 'release' },
      ]),
    });
    expect(result).toEqual({ ok: true, data: { removedDevice: 'Yealink T54W' } });
    expect(await userRow(s.eve.user.id)).toMatchObject({ licence: 'free' });
    const [main, direct] = [(await numbers([s.main.id]))[0]!, (await numbers([s.direct.id]))[0]!];
    expect(main).toMatchObject({ status: 'owned', companyId: s.company.id, extensionId: s.sales, isMain: true });
    expect(direct).toMatchObject({ status: 'available', companyId: null, extensionId: null });

    const entries = (await auditEntries(s.company.id)).filter((e) => e.actorId === s.admin.id).slice(-3);
    expect(entries.map((e) => ({ card: e.card, action: e.action, target: e.target, before: e.before, after: e.after }))).toEqual([
      {
        card: 'numbers',
        action: 'number.mapped',
        target: expect.stringContaining(s.main.e164.slice(-2)),
        before: { extension: '102 · Eve Laurent' },
        after: { extension: '500 · Sales' },
      },
      {
        card: 'numbers',
        action: 'number.released',
        target: expect.stringContaining(s.direct.e164.slice(-2)),
        before: { extension: '102 · Eve Laurent' },
        after: null,
      },
      expect.objectContaining({ card: 'licences', action: 'licence.changed', target: 'Eve Laurent' }),
    ]);
  });

  it('without decisions keeps the numbers in the company, unassigned', async () => {
    const s = await scene();
    expect((await act(setLicence, s.admin.id, { id: s.eve.user.id, licence: 'free' })).ok).toBe(true);
    for (const n of await numbers(s.ids)) expect(n).toMatchObject({ status: 'owned', companyId: s.company.id, extensionId: null });
  });

  const refusals: { name: string; decide: (s: Awaited<ReturnType<typeof scene>>, foreign: string) => unknown[] }[] = [
    { name: 'releasing the main number', decide: (s) => [{ numberId: s.main.id, choice: 'release' }] },
    { name: 'moving a number to another company’s extension', decide: (s, foreign) => [{ numberId: s.direct.id, choice: 'move', extensionId: foreign }] },
    { name: 'moving a number to her own extension', decide: (s) => [{ numberId: s.direct.id, choice: 'move', extensionId: s.eve.extension.id }] },
    { name: 'a number that does not ring her', decide: (s, foreign) => [{ numberId: foreign, choice: 'keep' }] },
    { name: 'an unknown choice', decide: (s) => [{ numberId: s.direct.id, choice: 'sell' }] },
  ];
  it.each(refusals)('refuses $name with a message on numbers and writes nothing, the licence included', async ({ decide }) => {
    const s = await scene();
    const other = await signUpCompany();
    const foreign = (await addMemberWithExtension(other.company.id, '102')).extension.id;
    const before = await everything(s.company.id, s.ids);
    const result = await act(
      setLicence,
      s.admin.id,
      { id: s.eve.user.id, licence: 'free', numbers: [{ numberId: s.main.id, choice: 'move', extensionId: s.sales }, ...decide(s, foreign)] },
      'fr',
    );
    expect(result.ok).not.toBe(true);
    expect(Object.keys(result.fieldErrors ?? {}).some((k) => k.startsWith('numbers'))).toBe(true);
    expect(Object.values(result.fieldErrors ?? {})[0]).toMatch(/[a-zé]/);
    expect(await everything(s.company.id, s.ids)).toEqual(before);
  });

  it('refuses number decisions on a switch to Office, writing nothing', async () => {
    const s = await scene();
    const free = await addMemberWithExtension(s.company.id, '103', { firstName: 'Hugo', lastName: 'Petit' });
    const before = await everything(s.company.id, s.ids);
    const result = await act(setLicence, s.admin.id, { id: free.user.id, licence: 'office', numbers: [{ numberId: s.direct.id, choice: 'keep' }] });
    expect(result.ok).not.toBe(true);
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(['numbers']);
    expect(await everything(s.company.id, s.ids)).toEqual(before);
    expect(await db().select().from(users).where(and(eq(users.id, free.user.id), eq(users.licence, 'free')))).toHaveLength(1);
  });
});
