import { asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { phoneNumbers } from '@/db/schema';
import { createConference, createRingGroup, deleteConference, deleteRingGroup } from '@/lib/extensions/actions';
import { deleteExtensionImpact } from '@/lib/extensions/consequences';
import { signUpCompany } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';
import { act, addPeople, extensionRow, extensionsSnapshot, ringGroupInput } from '../../helpers/extensions';
import { addMemberWithExtension, auditEntries } from '../../helpers/team';

useTestDatabase();

let serial = 0;
async function ownNumber(companyId: string, extensionId: string) {
  serial += 1;
  const [row] = await db()
    .insert(phoneNumbers)
    .values({
      e164: `+3318${String(Date.now() % 100_000).padStart(5, '0')}${String(serial).padStart(2, '0')}`,
      country: 'FR',
      type: 'local',
      areaCode: '1',
      regionName: 'Île-de-France',
      status: 'owned',
      companyId,
      extensionId,
      acquiredAt: new Date(Date.UTC(2026, 0, serial)),
    })
    .returning();
  return row!;
}

/** Sales (500) rings Jean and has a number; Support (501) sends unanswered calls to Sales. */
async function scene() {
  const { company, admin } = await signUpCompany();
  const [jean] = await addPeople(company.id, 1);
  const sales = (await act(createRingGroup, admin.id, ringGroupInput([jean!.user.id]))).data!.id;
  const support = (
    await act(createRingGroup, admin.id, ringGroupInput([jean!.user.id], { name: 'Support', extension: '501', noAnswer: { kind: 'extension', extensionId: sales } }))
  ).data!.id;
  const number = await ownNumber(company.id, sales);
  return { company, admin, jean: jean!, sales, support, number };
}

const numberOf = async (id: string) => (await db().select().from(phoneNumbers).where(eq(phoneNumbers.id, id)))[0];
const state = async (companyId: string, ids: string[]) => ({
  ext: await extensionsSnapshot(companyId),
  numbers: await db().select().from(phoneNumbers).where(inArray(phoneNumbers.id, ids)).orderBy(asc(phoneNumbers.e164)),
});

describe('deleting a ring group with the admin’s decisions', () => {
  it('the impact lists the groups pointing to it and its numbers, and writes nothing', async () => {
    const s = await scene();
    const before = await state(s.company.id, [s.number.id]);
    const result = await act(deleteExtensionImpact, s.admin.id, { id: s.sales });
    expect(result.data).toMatchObject({
      memberOf: [],
      noAnswer: [{ id: s.support, label: 'Support (501)', kind: 'extension', members: [{ id: s.jean.user.id }] }],
      numbers: [{ id: s.number.id, isMain: false, keepMonthlyMinor: expect.any(Number) }],
      currency: 'EUR',
    });
    expect(await state(s.company.id, [s.number.id])).toEqual(before);
    const other = await signUpCompany();
    expect((await act(deleteExtensionImpact, other.admin.id, { id: s.sales })).ok).not.toBe(true);
  });

  it('without decisions it is still refused, as before', async () => {
    const s = await scene();
    const before = await state(s.company.id, [s.number.id]);
    expect((await act(deleteRingGroup, s.admin.id, { id: s.sales })).ok).not.toBe(true);
    expect(await state(s.company.id, [s.number.id])).toEqual(before);
  });

  it('moves the number, retargets the group and deletes, all together, each in its card’s history', async () => {
    const s = await scene();
    const result = await act(deleteRingGroup, s.admin.id, {
      id: s.sales,
      numbers: JSON.stringify([{ numberId: s.number.id, choice: 'move', extensionId: s.jean.extension.id }]),
      noAnswer: JSON.stringify([{ ringGroupId: s.support, target: { kind: 'voicemail', userId: s.jean.user.id } }]),
    });
    expect(result).toEqual({ ok: true, data: { id: s.sales } });
    expect(await extensionRow(s.sales)).toBeUndefined();
    expect(await numberOf(s.number.id)).toMatchObject({ extensionId: s.jean.extension.id, status: 'owned' });
    expect(await extensionRow(s.support)).toMatchObject({ noAnswerKind: 'voicemail', noAnswerUserId: s.jean.user.id });
    const mapped = await auditEntries(s.company.id, 'number.mapped');
    expect(mapped.at(-1)).toMatchObject({ card: 'numbers', before: { extension: '500 · Sales' }, after: { extension: '102 · Person 1' } });
    const updated = await auditEntries(s.company.id, 'ring_group.updated');
    expect(updated.at(-1)).toMatchObject({
      card: 'extensions',
      target: 'Support (501)',
      before: { noAnswer: 'Sales (500)' },
      after: { noAnswer: 'Person 1' },
    });
    expect((await auditEntries(s.company.id, 'ring_group.deleted')).at(-1)).toMatchObject({ card: 'extensions', target: 'Sales (500)' });
  });

  it('refuses a move to another company’s extension and writes nothing, the other decisions included', async () => {
    const s = await scene();
    const other = await signUpCompany();
    const foreign = (await addMemberWithExtension(other.company.id, '102')).extension.id;
    const before = await state(s.company.id, [s.number.id]);
    const result = await act(
      deleteRingGroup,
      s.admin.id,
      {
        id: s.sales,
        numbers: [{ numberId: s.number.id, choice: 'move', extensionId: foreign }],
        noAnswer: [{ ringGroupId: s.support, target: null }],
      },
      'fr',
    );
    expect(result.fieldErrors?.numbers).toBe('Choisissez un autre poste de votre entreprise pour ce numéro.');
    expect(await state(s.company.id, [s.number.id])).toEqual(before);
  });
});

describe('deleting a bridge', () => {
  it('keeps its number unassigned by default, in the Phone numbers history; releases it when chosen', async () => {
    const { company, admin } = await signUpCompany();
    const a = (await act(createConference, admin.id, { name: 'Board', extension: '800' })).data!.id;
    const b = (await act(createConference, admin.id, { name: 'Daily', extension: '801' })).data!.id;
    const na = await ownNumber(company.id, a);
    const nb = await ownNumber(company.id, b);
    expect((await act(deleteConference, admin.id, { id: a })).ok).toBe(true);
    expect(await numberOf(na.id)).toMatchObject({ extensionId: null, status: 'owned' });
    expect((await auditEntries(company.id, 'number.mapped')).at(-1)).toMatchObject({
      card: 'numbers',
      before: { extension: '800 · Board' },
      after: { extension: null },
    });
    expect((await act(deleteConference, admin.id, { id: b, numbers: [{ numberId: nb.id, choice: 'release' }] })).ok).toBe(true);
    expect(await numberOf(nb.id)).toMatchObject({ status: 'available', companyId: null });
    expect((await auditEntries(company.id, 'number.released')).at(-1)).toMatchObject({ card: 'numbers', before: { extension: '801 · Daily' } });
  });
});
