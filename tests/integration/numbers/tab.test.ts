import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { phoneNumbers, setupProgress } from '@/db/schema';
import type { ActionDef } from '@/lib/actions/define';
import { createConference, createRingGroup } from '@/lib/extensions/actions';
import {
  assignMissingNumbers,
  completeNumbersCard,
  holdNumbers,
  mapNumber,
  purchaseNumbers,
  releaseHeldNumbers,
  releaseNumber,
  setMainNumber,
} from '@/lib/numbers/actions';
import { formatNational } from '@/lib/format/phone';
import { getNumbersCardData } from '@/lib/numbers/queries';
import { addUser } from '@/lib/team/actions';
import { APP_ONLY } from '@/lib/team/schema';
import { addMember } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';
import { extensionOf, userInput } from '../../helpers/team';
import { act, company, key, minutes, numberRow, numbersAudit, ordersOf, ownedBy, someNumbers, testClock } from './helpers';
import type { z } from 'zod';

useTestDatabase();
afterEach(() => vi.restoreAllMocks());

/** A company with a user, a ring group, a bridge, and two bought numbers (not yet mapped). */
async function setUp() {
  const c = await company({ officeSeats: 3 });
  const user = await act(addUser, c.admin.id, userInput({ licence: 'office', phone: APP_ONLY, extension: '130', firstName: 'Léa', lastName: 'Moreau' }));
  const userExt = await extensionOf(user.data!.id);
  const group = await act(createRingGroup, c.admin.id, {
    name: 'Ventes',
    extension: '500',
    strategy: 'simultaneous',
    members: [{ userId: c.admin.id, ringSeconds: 20 }],
    noAnswer: { kind: 'voicemail', userId: c.admin.id },
  });
  const bridge = await act(createConference, c.admin.id, { name: 'Board', extension: '800' });
  const bought = await someNumbers('FR', 2, c.company.id);
  await act(holdNumbers, c.admin.id, { ids: bought.map((n) => n.id) });
  expect((await act(purchaseNumbers, c.admin.id, { idempotencyKey: key(), ids: bought.map((n) => n.id) })).ok).toBe(true);
  return { ...c, userExt, groupId: group.data!.id, bridgeId: bridge.data!.id, bought };
}

describe('remap', () => {
  it('to a user, a ring group, a conference bridge, then unassigned; audited with labels', async () => {
    const s = await setUp();
    const [n] = s.bought;
    for (const [target, label] of [
      [s.userExt.id, '130 · Léa Moreau'],
      [s.groupId, '500 · Ventes'],
      [s.bridgeId, '800 · Board'],
    ] as const) {
      expect(await act(mapNumber, s.admin.id, { id: n.id, extensionId: target })).toMatchObject({ ok: true });
      expect((await numberRow(n.id)).extensionId).toBe(target);
      expect((await numbersAudit(s.company.id, 'number.mapped')).at(-1)).toMatchObject({ target: n.national, after: { extension: label } });
    }
    expect(await act(mapNumber, s.admin.id, { id: n.id, extensionId: '' })).toMatchObject({ ok: true, data: { extensionId: null } });
    expect((await numberRow(n.id)).extensionId).toBeNull();
    expect((await numbersAudit(s.company.id, 'number.mapped')).at(-1)).toMatchObject({ before: { extension: '800 · Board' }, after: { extension: null } });

    // The tab lists it unassigned, with its price; the user's and bridge's direct numbers are included.
    const data = await getNumbersCardData(s.company.id);
    expect(data.total).toBe(4);
    const row = data.rows.find((r) => r.id === n.id)!;
    expect(row).toMatchObject({ national: n.national, type: 'local', extension: null });
    const included = data.rows.filter((r) => r.monthlyMinor === null);
    // Allowance: admin (Office) + Léa (Office) + the bridge = 3; four local numbers owned.
    expect(included).toHaveLength(3);
    expect(data.rows.filter((r) => r.monthlyMinor === 995)).toHaveLength(1);
  });

  it('to an extension of another company: refused', async () => {
    const s = await setUp();
    const other = await company();
    const otherExt = await extensionOf(other.admin.id);
    const refused = await act(mapNumber, s.admin.id, { id: s.bought[0].id, extensionId: otherExt.id });
    expect(refused.fieldErrors?.extensionId).toBe('This extension no longer exists in your company. Choose another one.');
    expect((await numberRow(s.bought[0].id)).extensionId).toBeNull();
  });
});

describe('main number', () => {
  it('exactly one: the first number becomes main, it moves, it is never released', async () => {
    const s = await setUp();
    const mains = async () => (await ownedBy(s.company.id)).filter((n) => n.isMain);
    // Léa's direct number came first.
    const [first] = await mains();
    expect(first.extensionId).toBe(s.userExt.id);

    const [, second] = s.bought;
    expect((await act(setMainNumber, s.admin.id, { id: second.id })).ok).toBe(true);
    expect((await mains()).map((n) => n.id)).toEqual([second.id]);
    expect((await numbersAudit(s.company.id, 'number.mainChanged')).at(-1)).toMatchObject({
      before: { main: formatNational(first.e164) },
      after: { main: second.national },
    });
    // Again on the main number: nothing changes.
    expect((await act(setMainNumber, s.admin.id, { id: second.id })).ok).toBe(true);
    expect(await mains()).toHaveLength(1);

    const refused = await act(releaseNumber, s.admin.id, { id: second.id });
    expect(refused.formError).toBe(`${second.national} is your main number. Make another number the main number before releasing it.`);
    expect((await numberRow(second.id)).status).toBe('owned');

    // Another number goes back to the inventory, unmapped, for anyone.
    expect((await act(releaseNumber, s.admin.id, { id: first.id })).ok).toBe(true);
    expect(await numberRow(first.id)).toMatchObject({ status: 'available', companyId: null, extensionId: null, isMain: false, orderId: null });
    expect(await numbersAudit(s.company.id, 'number.released')).toHaveLength(1);
    expect(await mains()).toHaveLength(1);
  });
});

describe('scoping and roles', () => {
  it("another company's number is refused by every action, and nothing changes", async () => {
    const s = await setUp();
    const intruder = await company();
    const n = s.bought[0];
    const before = await numberRow(n.id);
    const cases: [ActionDef<z.ZodType, unknown>, unknown, string][] = [
      [mapNumber as never, { id: n.id, extensionId: '' }, 'This item no longer exists in your company.'],
      [setMainNumber as never, { id: n.id }, 'This item no longer exists in your company.'],
      [releaseNumber as never, { id: n.id }, 'This item no longer exists in your company.'],
      // Never named: an id is no way to learn which numbers another company owns.
      [holdNumbers as never, { ids: [n.id] }, 'A number you selected is no longer available. Search again.'],
      [purchaseNumbers as never, { idempotencyKey: key(), ids: [n.id] }, 'Your hold on a number you selected has expired. Nothing was bought. Search again.'],
    ];
    for (const [def, input, message] of cases) {
      expect((await act(def, intruder.admin.id, input)).formError, JSON.stringify(input)).toBe(message);
    }
    expect(await act(releaseHeldNumbers, intruder.admin.id, { ids: [n.id] })).toEqual({ ok: true, data: { released: 0 } });
    expect(await numberRow(n.id)).toEqual(before);
    expect(await ownedBy(intruder.company.id)).toEqual([]);
  });

  it("buying names only the company's own expired holds, never another company's held or owned numbers", async () => {
    const a = await company();
    const b = await company();
    const t0 = new Date();
    vi.spyOn(testClock, 'now').mockReturnValue(t0);
    const [mine, theirsHeld, theirsOwned] = await someNumbers('FR', 3, a.company.id);
    expect((await act(holdNumbers, a.admin.id, { ids: [mine.id] })).ok).toBe(true);
    expect((await act(holdNumbers, b.admin.id, { ids: [theirsHeld.id, theirsOwned.id] })).ok).toBe(true);
    expect((await act(purchaseNumbers, b.admin.id, { idempotencyKey: key(), ids: [theirsOwned.id] })).ok).toBe(true);
    const before = [await numberRow(theirsHeld.id), await numberRow(theirsOwned.id)];

    // Forged ids of B's running hold and of B's own number: refused, neither named.
    const unnamed = 'Your hold on a number you selected has expired. Nothing was bought. Search again.';
    for (const n of [theirsHeld, theirsOwned]) {
      const result = await act(purchaseNumbers, a.admin.id, { idempotencyKey: key(), ids: [n.id] });
      expect(result.formError).toBe(unnamed);
    }
    // A's own hold, expired: named, so the admin knows what to select again.
    vi.spyOn(testClock, 'now').mockReturnValue(minutes(t0, 16));
    expect((await act(purchaseNumbers, a.admin.id, { idempotencyKey: key(), ids: [mine.id] })).formError).toBe(
      `Your hold on this number has expired: ${mine.national}. Nothing was bought. Select it again.`,
    );
    // A's expired hold with one of B's (B renews its hold): counted, and nothing is named.
    expect((await act(holdNumbers, b.admin.id, { ids: [theirsHeld.id] })).ok).toBe(true);
    const mixed = await act(purchaseNumbers, a.admin.id, { idempotencyKey: key(), ids: [mine.id, theirsHeld.id] }, 'fr');
    expect(mixed.formError).toBe('La réservation de 2 numéros a expiré. Rien n’a été acheté. Relancez la recherche.');
    expect(mixed.formError).not.toContain(mine.national);

    // Nothing bought by A, nothing of B's changed (but B's renewed hold).
    expect(await ownedBy(a.company.id)).toEqual([]);
    expect((await ordersOf(a.company.id)).orders).toEqual([]);
    expect(await numberRow(theirsOwned.id)).toEqual(before[1]);
    expect(await numberRow(theirsHeld.id)).toMatchObject({ status: 'held', companyId: b.company.id });
  });

  it('a member is refused by every action', async () => {
    const s = await setUp();
    const member = await addMember(s.company.id);
    const [free] = await someNumbers('FR', 1, s.company.id);
    const n = s.bought[0];
    const all: [ActionDef<z.ZodType, unknown>, unknown][] = [
      [holdNumbers as never, { ids: [free.id] }],
      [releaseHeldNumbers as never, {}],
      [purchaseNumbers as never, { idempotencyKey: key(), ids: [free.id] }],
      [mapNumber as never, { id: n.id, extensionId: s.groupId }],
      [setMainNumber as never, { id: n.id }],
      [releaseNumber as never, { id: n.id }],
      [assignMissingNumbers as never, {}],
      [completeNumbersCard as never, {}],
    ];
    for (const [def, input] of all) {
      expect(await act(def, member.id, input)).toEqual({ formError: 'Only an administrator of this company can do that.' });
    }
    expect(await numberRow(free.id)).toMatchObject({ status: 'available' });
    expect((await numberRow(n.id)).extensionId).toBeNull();
  });
});

describe('Done', () => {
  it('is refused while the company owns no number, then verifies the card', async () => {
    const c = await company();
    expect((await act(completeNumbersCard, c.admin.id, {})).formError).toBe(
      'Your company has no phone number yet. Buy one, or give your Office users their direct numbers.',
    );
    await act(assignMissingNumbers, c.admin.id, {});
    expect((await act(completeNumbersCard, c.admin.id, {})).ok).toBe(true);
    const [row] = await db()
      .select()
      .from(setupProgress)
      .where(and(eq(setupProgress.companyId, c.company.id), eq(setupProgress.card, 'numbers')));
    expect(row.status).toBe('verified');
    expect(await db().select().from(phoneNumbers).where(eq(phoneNumbers.companyId, c.company.id))).toHaveLength(1);
  });
});
