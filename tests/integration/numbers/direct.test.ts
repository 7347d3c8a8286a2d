import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { companies, extensions, phoneNumbers, users } from '@/db/schema';
import { createConference, createRingGroup, deleteConference, deleteRingGroup } from '@/lib/extensions/actions';
import { getExtensionsCardData } from '@/lib/extensions/queries';
import { setLicence } from '@/lib/team/licence';
import { assignMissingNumbers, holdNumbers, mapNumber, purchaseNumbers } from '@/lib/numbers/actions';
import { assignDirectNumber } from '@/lib/numbers/direct';
import { backfillAllDirectNumbers, systemWriter } from '@/lib/runner/system';
import { formatNational } from '@/lib/format/phone';
import { commitUserImport } from '@/lib/team/import-commit';
import { addUser, removeUser, updateUser } from '@/lib/team/actions';
import { APP_ONLY } from '@/lib/team/schema';
import { useTestDatabase } from '../../helpers/db';
import { addMemberWithExtension, extensionOf, userInput } from '../../helpers/team';
import { act, company, key, numberRow, numbersAudit, ownedBy, setEmergencyAddress, someNumbers } from './helpers';

useTestDatabase();

const office = { licence: 'office' as const, phone: APP_ONLY };

/** The number that rings this extension, if any. */
async function directOf(extensionId: string) {
  return db()
    .select()
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.extensionId, extensionId), eq(phoneNumbers.status, 'owned')));
}

/** The next local number automatic assignment would take in a country (no preference). */
async function nextTakeable(country: string) {
  const [row] = await db()
    .select()
    .from(phoneNumbers)
    .where(sql`${phoneNumbers.country} = ${country} and ${phoneNumbers.type} = 'local' and (${phoneNumbers.status} = 'available' or (${phoneNumbers.status} = 'held' and ${phoneNumbers.heldUntil} <= now()))`)
    .orderBy(phoneNumbers.e164)
    .limit(1);
  return row;
}

describe('Office users get a direct number when they are created', () => {
  it('addUser: a local number of the company country, owned, mapped, audited; the first becomes main', async () => {
    const { company: c, admin } = await company();
    const added = await act(addUser, admin.id, userInput({ ...office, extension: '130', firstName: 'Inès', lastName: 'Roux' }));
    expect(added.ok).toBe(true);
    const ext = await extensionOf(added.data!.id);
    const [n] = await directOf(ext.id);
    expect(n).toMatchObject({ country: 'FR', type: 'local', status: 'owned', companyId: c.id, heldUntil: null, orderId: null, isMain: true });
    expect(n.acquiredAt).toBeInstanceOf(Date);
    const [entry] = await numbersAudit(c.id, 'number.assigned');
    expect(entry).toMatchObject({ actorId: admin.id, target: formatNational(n.e164), after: { extension: '130 · Inès Roux' } });

    // A Free user gets none; a second Office user gets another number, not main.
    const free = await act(addUser, admin.id, userInput({ extension: '131' }));
    expect(await directOf((await extensionOf(free.data!.id)).id)).toEqual([]);
    const second = await act(addUser, admin.id, userInput({ ...office, extension: '132' }));
    const [m] = await directOf((await extensionOf(second.data!.id)).id);
    expect(m).toMatchObject({ isMain: false, companyId: c.id });
  });

  it('nearest to the emergency address: FR département, US state, GB city; any number otherwise', async () => {
    const fr = await company({ officeSeats: 4 });
    await setEmergencyAddress(fr.company.id, { city: 'Lyon', postalCode: '69003' });
    const a = await act(addUser, fr.admin.id, userInput({ ...office, extension: '130' }));
    expect((await directOf((await extensionOf(a.data!.id)).id))[0].areaCode).toBe('4');
    await setEmergencyAddress(fr.company.id, { city: 'Ajaccio', postalCode: '20000' });
    const b = await act(addUser, fr.admin.id, userInput({ ...office, extension: '131' }));
    expect((await directOf((await extensionOf(b.data!.id)).id))[0].areaCode).toBe('4');
    await setEmergencyAddress(fr.company.id, { city: 'Pointe-à-Pitre', postalCode: '97110' });
    const c = await act(addUser, fr.admin.id, userInput({ ...office, extension: '132' }));
    expect((await directOf((await extensionOf(c.data!.id)).id))[0].areaCode).toBe('5');

    const us = await company({ country: 'US' });
    await setEmergencyAddress(us.company.id, { city: 'Austin', postalCode: '78701', region: 'TX' });
    const d = await act(addUser, us.admin.id, userInput({ ...office, extension: '130' }));
    const [usNumber] = await directOf((await extensionOf(d.data!.id)).id);
    expect(['210', '214', '512', '713']).toContain(usNumber.areaCode);
    expect(usNumber.country).toBe('US');

    const gb = await company({ country: 'GB' });
    await setEmergencyAddress(gb.company.id, { city: 'Manchester', postalCode: 'M1 1AE' });
    const e = await act(addUser, gb.admin.id, userInput({ ...office, extension: '130' }));
    expect((await directOf((await extensionOf(e.data!.id)).id))[0].areaCode).toBe('161');

    // A state the inventory has no area code for: any number of the country.
    const ak = await company({ country: 'US' });
    await setEmergencyAddress(ak.company.id, { city: 'Boise', postalCode: '83702', region: 'ID' });
    const f = await act(addUser, ak.admin.id, userInput({ ...office, extension: '130' }));
    expect((await directOf((await extensionOf(f.data!.id)).id))[0].country).toBe('US');
  });

  it('two companies adding Office users at the same moment get different numbers', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await company();
      const b = await company();
      const results = await Promise.all([
        act(addUser, a.admin.id, userInput({ ...office, extension: '130' })),
        act(addUser, b.admin.id, userInput({ ...office, extension: '130' })),
        act(createConference, a.admin.id, { name: 'A', extension: '800' }),
        act(createConference, b.admin.id, { name: 'B', extension: '800' }),
      ]);
      expect(results.every((r) => r.ok), JSON.stringify(results)).toBe(true);
      const numbers = [...(await ownedBy(a.company.id)), ...(await ownedBy(b.company.id))];
      expect(numbers).toHaveLength(4);
      expect(new Set(numbers.map((n) => n.e164)).size).toBe(4);
    }
  });

  it('in the same transaction: a failure after the assignment rolls both back', async () => {
    const { company: c, admin } = await company();
    const next = await nextTakeable('FR');
    // The desk phone is checked after the number is taken: an unknown phone fails the add.
    const failed = await act(addUser, admin.id, userInput({ licence: 'office', phone: randomUUID(), extension: '130' }));
    expect(failed.fieldErrors?.phone).toBe('This desk phone is no longer available. Choose another one.');
    expect(await numberRow(next.id)).toMatchObject({ status: 'available', companyId: null, extensionId: null });
    expect(await ownedBy(c.id)).toEqual([]);
    expect(await db().select().from(users).where(eq(users.companyId, c.id))).toHaveLength(1);

    // The same, calling the function inside a transaction that fails afterwards.
    const [ext] = await db().select().from(extensions).where(eq(extensions.companyId, c.id));
    const [row] = await db().select().from(companies).where(eq(companies.id, c.id));
    const error = await db()
      .transaction(async (tx) => {
        const assigned = await assignDirectNumber(await systemWriter(tx, row.id), ext.id);
        expect(assigned.e164).toBe(next.e164);
        throw new Error('boom');
      })
      .catch((e: Error) => e.message);
    expect(error).toBe('boom');
    expect(await numberRow(next.id)).toMatchObject({ status: 'available', companyId: null });
  });

  it('refuses clearly when the country has no local number left, and creates nothing', async () => {
    const hoarder = await company({ country: 'BE' });
    const { company: c, admin } = await company({ country: 'BE' });
    // Another company owns every Belgian local number.
    await db()
      .update(phoneNumbers)
      .set({ status: 'owned', companyId: hoarder.company.id, acquiredAt: new Date() })
      .where(and(eq(phoneNumbers.country, 'BE'), eq(phoneNumbers.type, 'local')));
    // 2xx: every Belgian 1xx is reserved (issue 14).
    const refused = await act(addUser, admin.id, userInput({ ...office, extension: '230' }));
    expect(refused.formError).toBe('No local number is left in the inventory for a direct number (0 of 1 found). Contact support.');
    expect(await db().select().from(users).where(eq(users.companyId, c.id))).toHaveLength(1);
    // A Free user needs no number.
    expect((await act(addUser, admin.id, userInput({ extension: '231' }))).ok).toBe(true);
  });

  it('the CSV import gives every Office row a number, in bulk', async () => {
    const { company: c, admin } = await company({ officeSeats: 10 });
    const rows = Array.from({ length: 8 }, (_, i) => `P${i};N${i};imp-${i}-${randomUUID()}@example.com;${i < 5 ? 'Office' : 'Free'};`);
    const csv = ['Prénom;Nom;E-mail;Type de licence;Poste', ...rows].join('\n');
    const result = await act(commitUserImport, admin.id, { file: new File([csv], 'users.csv'), mode: 'all_or_nothing' });
    expect(result).toMatchObject({ ok: true, data: { imported: 8 } });
    const imported = await db()
      .select({ licence: users.licence, ext: extensions.id })
      .from(users)
      .innerJoin(extensions, eq(extensions.userId, users.id))
      .where(and(eq(users.companyId, c.id), sql`${users.email} like 'imp-%'`));
    for (const u of imported) expect(await directOf(u.ext)).toHaveLength(u.licence === 'office' ? 1 : 0);
    expect(await numbersAudit(c.id, 'number.assigned')).toHaveLength(5);
    expect((await ownedBy(c.id)).filter((n) => n.isMain)).toHaveLength(1);
  });
});

describe('licence changes and removals', () => {
  it('Office -> Free keeps the number in the company, unassigned; Free -> Office gets one', async () => {
    const { company: c, admin } = await company();
    const added = await act(addUser, admin.id, userInput({ ...office, extension: '130' }));
    const ext = await extensionOf(added.data!.id);
    const [n] = await directOf(ext.id);

    expect((await act(setLicence, admin.id, { id: added.data!.id, licence: 'free' })).ok).toBe(true);
    expect(await numberRow(n.id)).toMatchObject({ status: 'owned', companyId: c.id, extensionId: null });
    expect((await numbersAudit(c.id, 'number.mapped')).at(-1)).toMatchObject({ before: { extension: expect.stringMatching(/^130 · /) }, after: { extension: null } });

    expect((await act(setLicence, admin.id, { id: added.data!.id, licence: 'office' })).ok).toBe(true);
    expect(await directOf(ext.id)).toHaveLength(1);
  });

  it('updateUser: Free -> Office gets a number; other edits do not touch numbers', async () => {
    const { company: c, admin } = await company();
    const added = await act(addUser, admin.id, userInput({ extension: '130', email: `u-${randomUUID()}@example.com` }));
    const id = added.data!.id;
    const [user] = await db().select().from(users).where(eq(users.id, id));
    const base = { id, firstName: user.firstName, lastName: user.lastName, email: user.email, extension: '130' };
    expect((await act(updateUser, admin.id, { ...base, ...office })).ok).toBe(true);
    const ext = await extensionOf(id);
    const [n] = await directOf(ext.id);
    expect(n.companyId).toBe(c.id);
    expect((await act(updateUser, admin.id, { ...base, ...office, firstName: 'Renamed' })).ok).toBe(true);
    expect((await directOf(ext.id)).map((x) => x.id)).toEqual([n.id]);
    // A number mapped on purpose to a Free user's extension stays when the user is edited.
    expect((await act(updateUser, admin.id, { ...base, licence: 'free', phone: '' })).ok).toBe(true);
    expect(await directOf(ext.id)).toEqual([]);
    await act(mapNumber, admin.id, { id: n.id, extensionId: ext.id });
    expect((await act(updateUser, admin.id, { ...base, licence: 'free', phone: '', lastName: 'Other' })).ok).toBe(true);
    expect((await numberRow(n.id)).extensionId).toBe(ext.id);
  });

  it('removing a user keeps the number in the company, unassigned', async () => {
    const { company: c, admin } = await company();
    const added = await act(addUser, admin.id, userInput({ ...office, extension: '130' }));
    const [n] = await directOf((await extensionOf(added.data!.id)).id);
    expect((await act(removeUser, admin.id, { id: added.data!.id })).ok).toBe(true);
    expect(await numberRow(n.id)).toMatchObject({ status: 'owned', companyId: c.id, extensionId: null });
  });
});

describe('conference bridges and ring groups', () => {
  it('a bridge gets a direct number; a ring group none', async () => {
    const { company: c, admin } = await company();
    const bridge = await act(createConference, admin.id, { name: 'Board', extension: '800' });
    expect(bridge.ok).toBe(true);
    expect(await directOf(bridge.data!.id)).toHaveLength(1);
    const group = await act(createRingGroup, admin.id, {
      name: 'Sales',
      extension: '500',
      strategy: 'simultaneous',
      members: [{ userId: admin.id, ringSeconds: 20 }],
      noAnswer: { kind: 'voicemail', userId: admin.id },
    });
    expect(group.ok).toBe(true);
    expect(await directOf(group.data!.id)).toEqual([]);
    // The Extensions card shows each extension's direct number, in national format.
    const data = await getExtensionsCardData(c.id);
    const bridgeRow = data.rows.find((r) => r.id === bridge.data!.id)!;
    expect(bridgeRow.directNumber).toBe(formatNational((await directOf(bridge.data!.id))[0].e164));
    expect(data.rows.find((r) => r.id === group.data!.id)!.directNumber).toBeNull();
  });

  it('a ring group a number rings cannot be deleted: the message says which number', async () => {
    const { company: c, admin } = await company();
    const group = await act(createRingGroup, admin.id, {
      name: 'Support',
      extension: '500',
      strategy: 'simultaneous',
      members: [{ userId: admin.id, ringSeconds: 20 }],
      noAnswer: { kind: 'voicemail', userId: admin.id },
    });
    const [n] = await someNumbers('FR', 1, c.id);
    await act(holdNumbers, admin.id, { ids: [n.id] });
    await act(purchaseNumbers, admin.id, { idempotencyKey: key(), ids: [n.id] });
    await act(mapNumber, admin.id, { id: n.id, extensionId: group.data!.id });
    const refused = await act(deleteRingGroup, admin.id, { id: group.data!.id });
    expect(refused.formError).toBe(`The phone numbers ${n.national} ring this extension. Map them to another extension first.`);
    await act(mapNumber, admin.id, { id: n.id, extensionId: '' });
    expect((await act(deleteRingGroup, admin.id, { id: group.data!.id })).ok).toBe(true);
  });

  it("deleting a bridge keeps its number in the company, unassigned", async () => {
    const { company: c, admin } = await company();
    const bridge = await act(createConference, admin.id, { name: 'Weekly', extension: '801' });
    const [n] = await directOf(bridge.data!.id);
    expect((await act(deleteConference, admin.id, { id: bridge.data!.id })).ok).toBe(true);
    expect(await numberRow(n.id)).toMatchObject({ status: 'owned', companyId: c.id, extensionId: null });
  });
});

describe('backfill', () => {
  it('gives Office users and bridges created before numbers existed their number, once', async () => {
    const { company: c, admin } = await company({ officeSeats: 3 });
    // The admin (signed up without a number), an Office user and a bridge inserted directly.
    const { extension: officeExt } = await addMemberWithExtension(c.id, '130', { licence: 'office' });
    const { extension: freeExt } = await addMemberWithExtension(c.id, '131', { licence: 'free' });
    const [bridge] = await db().insert(extensions).values({ companyId: c.id, type: 'conference', number: '802', name: 'B' }).returning();
    const adminExt = await extensionOf(admin.id);

    const result = await act(assignMissingNumbers, admin.id, {});
    expect(result).toEqual({ ok: true, data: { assigned: 3 } });
    for (const id of [adminExt.id, officeExt.id, bridge.id]) expect(await directOf(id)).toHaveLength(1);
    expect(await directOf(freeExt.id)).toEqual([]);
    // Nothing left to do: nothing more taken.
    expect(await act(assignMissingNumbers, admin.id, {})).toEqual({ ok: true, data: { assigned: 0 } });

    // The start-up backfill covers every company, as the system.
    const other = await company();
    const report = await db().transaction((tx) => backfillAllDirectNumbers(tx));
    expect(report.assigned).toBeGreaterThanOrEqual(1);
    expect(await directOf((await extensionOf(other.admin.id)).id)).toHaveLength(1);
    expect((await numbersAudit(other.company.id, 'number.assigned'))[0]).toMatchObject({ actorId: null, actorName: 'Switchboard' });
  });
});
