import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { phoneNumbers, users } from '@/db/schema';
import { createRingGroup } from '@/lib/extensions/actions';
import { computeBill, loadBillingRows } from '@/lib/prices/billing';
import { companyPrices } from '@/lib/prices/price-list';
import { removeUser } from '@/lib/team/actions';
import { removeUserImpact } from '@/lib/team/consequences';
import { signUpCompany } from '../helpers/factories';
import { useTestDatabase } from '../helpers/db';
import { act, extensionRow, extensionsSnapshot, membersOf, ringGroupInput } from '../helpers/extensions';
import { addMemberWithExtension, auditEntries, userRow } from '../helpers/team';

useTestDatabase();

let serial = 0;
/** An owned FR local number of the company, ringing `extensionId`. */
async function ownNumber(companyId: string, extensionId: string | null, isMain = false) {
  serial += 1;
  const e164 = `+3319${String(Date.now() % 100_000).padStart(5, '0')}${String(serial).padStart(2, '0')}`;
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

async function numbersSnapshot(ids: string[]) {
  return db().select().from(phoneNumbers).where(inArray(phoneNumbers.id, ids)).orderBy(asc(phoneNumbers.e164));
}

/**
 * Alice (102, Office) is in Sales (500, no answer: her voicemail) and is Support's (501)
 * no-answer extension; three numbers ring her, one of them the main number.
 */
async function scene() {
  const { company, admin } = await signUpCompany();
  const alice = await addMemberWithExtension(company.id, '102', { firstName: 'Alice', lastName: 'Martin', licence: 'office' });
  const bob = await addMemberWithExtension(company.id, '103', { firstName: 'Bob', lastName: 'Durand' });
  const sales = (await act(createRingGroup, admin.id, ringGroupInput([alice.user.id, bob.user.id]))).data!.id;
  const support = (
    await act(
      createRingGroup,
      admin.id,
      ringGroupInput([bob.user.id], { name: 'Support', extension: '501', noAnswer: { kind: 'extension', extensionId: alice.extension.id } }),
    )
  ).data!.id;
  const main = await ownNumber(company.id, alice.extension.id, true);
  const second = await ownNumber(company.id, alice.extension.id);
  const third = await ownNumber(company.id, alice.extension.id);
  return { company, admin, alice, bob, sales, support, main, second, third, ids: [main.id, second.id, third.id] };
}

async function everything(companyId: string, ids: string[]) {
  return { ext: await extensionsSnapshot(companyId), numbers: await numbersSnapshot(ids), users: await db().select().from(users).where(eq(users.companyId, companyId)) };
}

describe('removeUserImpact', () => {
  it('lists the ring groups, the broken no-answer targets and the numbers with their cost, and writes nothing', async () => {
    const s = await scene();
    const before = await everything(s.company.id, s.ids);
    const result = await act(removeUserImpact, s.admin.id, { id: s.alice.user.id });
    expect(result.ok).toBe(true);
    const impact = result.data!;
    expect(impact.name).toBe('Alice Martin');
    expect(impact.extension).toEqual({ id: s.alice.extension.id, number: '102' });
    expect(impact.memberOf).toEqual([{ id: s.sales, name: 'Sales', number: '500', label: 'Sales (500)' }]);
    expect(impact.noAnswer).toEqual([
      { id: s.sales, name: 'Sales', number: '500', label: 'Sales (500)', kind: 'voicemail', members: [{ id: s.bob.user.id, name: 'Bob Durand', extension: '103' }] },
      { id: s.support, name: 'Support', number: '501', label: 'Support (501)', kind: 'extension', members: [{ id: s.bob.user.id, name: 'Bob Durand', extension: '103' }] },
    ]);
    expect(impact.numbers.map((n) => [n.id, n.isMain])).toEqual(
      [s.main, s.second, s.third].sort((a, b) => (a.e164 < b.e164 ? -1 : 1)).map((n) => [n.id, n.isMain]),
    );
    expect(impact.currency).toBe('EUR');
    // Cancelling is not calling removeUser: the impact itself changed nothing.
    expect(await everything(s.company.id, s.ids)).toEqual(before);

    // The cost shown for "keep unassigned" is what the bill charges once they are kept unassigned.
    expect((await act(removeUser, s.admin.id, { id: s.alice.user.id })).ok).toBe(true);
    const rows = await loadBillingRows(db(), s.company.id);
    const bill = computeBill({ ...rows, prices: (await companyPrices(db(), s.company.id)).monthlyMinor });
    for (const n of impact.numbers) expect(n.keepMonthlyMinor).toBe(bill.numbers.get(n.id)!.monthlyMinor);
    expect(impact.numbers.filter((n) => n.keepMonthlyMinor === 995).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a member and another company’s user', async () => {
    const s = await scene();
    const other = await signUpCompany();
    expect((await act(removeUserImpact, other.admin.id, { id: s.alice.user.id })).ok).not.toBe(true);
    expect((await act(removeUserImpact, s.bob.user.id, { id: s.alice.user.id })).ok).not.toBe(true);
  });
});

describe('removeUser with decisions', () => {
  it('applies every choice together and writes each side effect on the card it changes, with names', async () => {
    const s = await scene();
    const result = await act(removeUser, s.admin.id, {
      id: s.alice.user.id,
      // As the dialog posts them: JSON fields of the form.
      numbers: JSON.stringify([
        { numberId: s.main.id, choice: 'move', extensionId: s.sales },
        { numberId: s.second.id, choice: 'keep' },
        { numberId: s.third.id, choice: 'release' },
      ]),
      noAnswer: JSON.stringify([
        { ringGroupId: s.sales, target: { kind: 'voicemail', userId: s.bob.user.id } },
        { ringGroupId: s.support, target: null },
      ]),
    });
    expect(result).toEqual({ ok: true, data: { id: s.alice.user.id } });
    expect(await userRow(s.alice.user.id)).toBeUndefined();

    const [main, second, third] = await Promise.all([s.main, s.second, s.third].map(async (n) => (await numbersSnapshot([n.id]))[0]!));
    expect(main).toMatchObject({ status: 'owned', companyId: s.company.id, extensionId: s.sales, isMain: true });
    expect(second).toMatchObject({ status: 'owned', companyId: s.company.id, extensionId: null });
    expect(third).toMatchObject({ status: 'available', companyId: null, extensionId: null });

    expect(await extensionRow(s.sales)).toMatchObject({ noAnswerKind: 'voicemail', noAnswerUserId: s.bob.user.id, noAnswerExtensionId: null });
    expect(await extensionRow(s.support)).toMatchObject({ noAnswerKind: null, noAnswerUserId: null, noAnswerExtensionId: null });
    expect((await membersOf(s.sales)).map((m) => m.userId)).toEqual([s.bob.user.id]);

    const entries = (await auditEntries(s.company.id)).filter((e) => e.actorId === s.admin.id).slice(-6);
    const shape = entries.map((e) => ({ card: e.card, action: e.action, target: e.target, before: e.before, after: e.after }));
    const national = (e164: string) => expect.stringContaining(e164.slice(-2));
    expect(shape).toEqual([
      {
        card: 'extensions',
        action: 'ring_group.updated',
        target: 'Sales (500)',
        before: { members: ['Alice Martin', 'Bob Durand'], noAnswer: 'Alice Martin' },
        after: { members: ['Bob Durand'], noAnswer: 'Bob Durand' },
      },
      { card: 'extensions', action: 'ring_group.updated', target: 'Support (501)', before: { noAnswer: 'Alice Martin (102)' }, after: { noAnswer: null } },
      ...[s.main, s.second, s.third]
        .sort((a, b) => (a.e164 < b.e164 ? -1 : 1))
        .map((n) =>
          n.id === s.third.id
            ? { card: 'numbers', action: 'number.released', target: national(n.e164), before: { extension: '102 · Alice Martin' }, after: null }
            : {
                card: 'numbers',
                action: 'number.mapped',
                target: national(n.e164),
                before: { extension: '102 · Alice Martin' },
                after: { extension: n.id === s.main.id ? '500 · Sales' : null },
              },
        ),
      expect.objectContaining({ card: 'team', action: 'user.removed', target: 'Alice Martin' }),
    ]);
  });

  it('without decisions keeps the numbers unassigned and clears the targets, each in its card’s history', async () => {
    const s = await scene();
    expect((await act(removeUser, s.admin.id, { id: s.alice.user.id })).ok).toBe(true);
    for (const n of await numbersSnapshot(s.ids)) expect(n).toMatchObject({ status: 'owned', extensionId: null, companyId: s.company.id });
    expect(await extensionRow(s.sales)).toMatchObject({ noAnswerKind: null, noAnswerUserId: null });
    expect(await extensionRow(s.support)).toMatchObject({ noAnswerKind: null, noAnswerExtensionId: null });
    expect((await auditEntries(s.company.id, 'number.mapped')).filter((e) => e.before && (e.before as { extension: string }).extension === '102 · Alice Martin')).toHaveLength(3);
    const groups = (await auditEntries(s.company.id, 'ring_group.updated')).map((e) => [e.card, e.target, e.after]);
    expect(groups).toEqual([
      ['extensions', 'Sales (500)', { members: ['Bob Durand'], noAnswer: null }],
      ['extensions', 'Support (501)', { noAnswer: null }],
    ]);
  });

  const refusals: { name: string; field: string; decide: (s: Awaited<ReturnType<typeof scene>>, foreign: string) => Record<string, unknown> }[] = [
    { name: 'moving a number to another company’s extension', field: 'numbers', decide: (s, foreign) => ({ numbers: [{ numberId: s.second.id, choice: 'move', extensionId: foreign }] }) },
    { name: 'moving a number to the extension being removed', field: 'numbers', decide: (s) => ({ numbers: [{ numberId: s.second.id, choice: 'move', extensionId: s.alice.extension.id }] }) },
    { name: 'releasing the main number', field: 'numbers', decide: (s) => ({ numbers: [{ numberId: s.main.id, choice: 'release' }] }) },
    { name: 'deciding about a number that does not ring them', field: 'numbers', decide: (s) => ({ numbers: [{ numberId: s.ids[0]!.replace(/.$/, (c) => (c === '0' ? '1' : '0')), choice: 'keep' }] }) },
    { name: 'the voicemail of the removed user', field: 'noAnswer', decide: (s) => ({ noAnswer: [{ ringGroupId: s.sales, target: { kind: 'voicemail', userId: s.alice.user.id } }] }) },
    { name: 'the extension being removed as target', field: 'noAnswer', decide: (s) => ({ noAnswer: [{ ringGroupId: s.support, target: { kind: 'extension', extensionId: s.alice.extension.id } }] }) },
    { name: 'a ring group that does not point to them', field: 'noAnswer', decide: (s, foreign) => ({ noAnswer: [{ ringGroupId: foreign, target: null }] }) },
  ];
  it.each(refusals)('refuses $name with a field message and writes nothing, the other choices included', async ({ field, decide }) => {
    const s = await scene();
    const other = await signUpCompany();
    const foreign = (await addMemberWithExtension(other.company.id, '102')).extension.id;
    const before = await everything(s.company.id, s.ids);
    const result = await act(
      removeUser,
      s.admin.id,
      {
        id: s.alice.user.id,
        numbers: [{ numberId: s.third.id, choice: 'release' }],
        noAnswer: [{ ringGroupId: s.sales, target: { kind: 'voicemail', userId: s.bob.user.id } }],
        ...decide(s, foreign),
      },
      'fr',
    );
    expect(result.ok).not.toBe(true);
    expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
    expect(result.fieldErrors?.[field]).toMatch(/[a-zé]/);
    expect(await everything(s.company.id, s.ids)).toEqual(before);
    expect(await db().select().from(phoneNumbers).where(and(eq(phoneNumbers.id, s.third.id), eq(phoneNumbers.status, 'owned')))).toHaveLength(1);
  });
});
