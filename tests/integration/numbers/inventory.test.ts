import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { resolveArea } from '@/lib/numbers/areas';
import { HOLD_MINUTES, MAX_HELD } from '@/lib/numbers/carrier';
import { holdNumbers, purchaseNumbers, releaseHeldNumbers } from '@/lib/numbers/actions';
import { getHeldNumbers, localInventory } from '@/lib/numbers/inventory';
import { numberSearchSchema } from '@/lib/numbers/schema';
import { testDbKind, useTestDatabase } from '../../helpers/db';
import { act, company, key, minutes, numberRow, numbersAudit, ordersOf, ownedBy, someNumbers, testClock } from './helpers';

useTestDatabase();

const search = (companyId: string, query: Parameters<typeof localInventory.search>[2], now?: Date) =>
  localInventory.search({ exec: db(), now }, companyId, query);

afterEach(() => vi.restoreAllMocks());

describe('search', () => {
  it('by area code: "01" is the Île-de-France zone, shown in national format with its price', async () => {
    const { company: c } = await company();
    const areaCodes = resolveArea('FR', 'local', '01');
    expect(areaCodes).toEqual(['1']);
    const page = await search(c.id, { country: 'FR', type: 'local', areaCodes, pageSize: 10 });
    expect(page.rows).toHaveLength(10);
    for (const r of page.rows) {
      expect(r).toMatchObject({ areaCode: '1', regionName: 'Île-de-France', country: 'FR', type: 'local' });
      expect(r.national).toMatch(/^01 \d\d \d\d \d\d \d\d$/);
      expect(r.e164).toMatch(/^\+331\d{8}$/);
      expect(r).toMatchObject({ monthlyMinor: 995, currency: 'EUR', heldUntil: null });
    }
    expect(page.rows.map((r) => r.e164)).toEqual([...page.rows.map((r) => r.e164)].sort());
  });

  it('by region name, any case and accents, city or state', async () => {
    // New York is a city and a state: the state's area codes include Albany's.
    expect(resolveArea('US', 'local', 'new york')?.sort()).toEqual(['212', '518', '646', '718']);
    expect(resolveArea('US', 'local', 'san')?.sort()).toEqual(['210', '408', '415', '619']);
    expect(resolveArea('US', 'local', 'California')?.sort()).toEqual(['213', '310', '408', '415', '619']);
    expect(resolveArea('US', 'local', 'TX')?.sort()).toEqual(['210', '214', '512', '713']);
    expect(resolveArea('CA', 'local', 'montreal')?.sort()).toEqual(['438', '514']);
    expect(resolveArea('FR', 'local', 'ile-de-france')).toEqual(['1']);
    expect(resolveArea('FR', 'local', 'Lyon')).toEqual(['4']);
    expect(resolveArea('GB', 'local', '0161')).toEqual(['161']);
    expect(resolveArea('CH', 'local', 'zurich')).toEqual(['44']);
    expect(resolveArea('FR', 'toll_free', '0800')).toEqual(['800']);
    expect(resolveArea('US', 'toll_free', '1-800'.replace('-', ''))).toEqual(['800']);
    expect(resolveArea('US', 'local', 'Atlantis')).toBeUndefined();
    expect(resolveArea('US', 'local', '999')).toBeUndefined();

    const { company: c } = await company({ country: 'US' });
    const page = await search(c.id, { country: 'US', type: 'local', areaCodes: resolveArea('US', 'local', 'New York') });
    expect(page.rows.length).toBeGreaterThan(0);
    for (const r of page.rows) expect(['212', '518', '646', '718']).toContain(r.areaCode);
    // A US company pays in dollars.
    expect(page.rows[0]).toMatchObject({ currency: 'USD', monthlyMinor: 995 });
  });

  it('by digits contained, in the national number as dialled', async () => {
    const { company: c } = await company();
    const all = await search(c.id, { country: 'FR', type: 'local', pageSize: 100 });
    // Four digits taken from a real number, so there is at least one hit.
    const digits = all.rows[37].national.replace(/\D/g, '').slice(3, 7);
    const page = await search(c.id, { country: 'FR', type: 'local', digits, pageSize: 100 });
    expect(page.rows.map((r) => r.id)).toContain(all.rows[37].id);
    for (const r of page.rows) expect(r.national.replace(/\D/g, '')).toContain(digits);
    // The trunk 0 counts: "01" finds only the 01 zone.
    const zone1 = await search(c.id, { country: 'FR', type: 'local', digits: '01', pageSize: 100 });
    expect(zone1.rows.every((r) => r.national.replace(/\D/g, '').includes('01'))).toBe(true);
    // Toll-free, area code and digits together.
    const free = await search(c.id, { country: 'FR', type: 'toll_free', areaCodes: ['800'], digits: '0800' });
    expect(free.rows.length).toBeGreaterThan(0);
    for (const r of free.rows) expect(r.national).toMatch(/^0 800 /);
  });

  it('validates the form: 2 to 10 digits, a supported country', () => {
    expect(numberSearchSchema.safeParse({ country: 'FR', digits: '4' }).error?.issues[0].message).toBe('errors.digitsInvalid');
    expect(numberSearchSchema.safeParse({ country: 'FR', digits: '12345678901' }).success).toBe(false);
    expect(numberSearchSchema.safeParse({ country: 'FR', digits: '12a' }).success).toBe(false);
    expect(numberSearchSchema.parse({ country: 'FR', digits: '42 42' })).toMatchObject({ digits: '4242', type: 'local', page: 1 });
    expect(numberSearchSchema.safeParse({ country: 'DE' }).success).toBe(false);
  });

  it('paginates without repeating a number', async () => {
    const { company: c } = await company();
    const one = await search(c.id, { country: 'FR', type: 'local', page: 1, pageSize: 20 });
    const two = await search(c.id, { country: 'FR', type: 'local', page: 2, pageSize: 20 });
    expect(one.hasNext).toBe(true);
    expect(two.page).toBe(2);
    const ids = new Set(one.rows.map((r) => r.id));
    expect(two.rows.some((r) => ids.has(r.id))).toBe(false);
    expect(one.rows.at(-1)!.e164 < two.rows[0].e164).toBe(true);
  });
});

describe('holds', () => {
  // Times start from the real now: a hold left by one test must not be expired for the next.
  it('hide a number from other companies for 15 minutes, by time alone', async () => {
    const a = await company();
    const b = await company();
    const t0 = new Date();
    const [n] = await someNumbers('FR', 1, a.company.id);
    const held = await db().transaction((tx) => localInventory.hold({ tx, now: t0 }, a.company.id, [n.id]));
    expect(held[0].heldUntil).toEqual(minutes(t0, HOLD_MINUTES));

    const ids = async (companyId: string, now: Date) =>
      (await search(companyId, { country: 'FR', type: 'local', areaCodes: [n.areaCode], pageSize: 100 }, now)).rows.map((r) => r.id);
    // The holder sees it as held; anyone else does not see it.
    const mine = await search(a.company.id, { country: 'FR', type: 'local', areaCodes: [n.areaCode], pageSize: 100 }, minutes(t0, 1));
    expect(mine.rows.find((r) => r.id === n.id)?.heldUntil).toEqual(minutes(t0, 15));
    expect(await ids(b.company.id, minutes(t0, 14))).not.toContain(n.id);
    // Nothing ran in between: the hold simply ended.
    expect(await ids(b.company.id, minutes(t0, 15))).toContain(n.id);
    expect(await ids(b.company.id, minutes(t0, 16))).toContain(n.id);

    // B cannot hold it at 14:59, can at 15:00 and then A no longer holds it.
    const early = await db().transaction((tx) => localInventory.hold({ tx, now: minutes(t0, 14.99) }, b.company.id, [n.id]));
    expect(early).toEqual([]);
    const late = await db().transaction((tx) => localInventory.hold({ tx, now: minutes(t0, 15) }, b.company.id, [n.id]));
    expect(late.map((r) => r.id)).toEqual([n.id]);
    expect(await numberRow(n.id)).toMatchObject({ status: 'held', companyId: b.company.id });
    expect(await getHeldNumbers(db(), a.company.id, minutes(t0, 15))).toEqual([]);
  });

  it('renew the whole selection: one countdown', async () => {
    const a = await company();
    const t0 = new Date();
    const [x, y] = await someNumbers('FR', 2, a.company.id);
    await db().transaction((tx) => localInventory.hold({ tx, now: t0 }, a.company.id, [x.id]));
    await db().transaction((tx) => localInventory.hold({ tx, now: minutes(t0, 10) }, a.company.id, [y.id]));
    const held = await getHeldNumbers(db(), a.company.id, minutes(t0, 11));
    expect(held.map((h) => h.heldUntil)).toEqual([minutes(t0, 25), minutes(t0, 25)]);
  });

  it('two companies holding the same number at the same moment: exactly one gets it', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await company();
      const b = await company();
      const [n] = await someNumbers('FR', 1, a.company.id);
      const results = await Promise.all([
        act(holdNumbers, a.admin.id, { ids: [n.id] }),
        act(holdNumbers, b.admin.id, { ids: [n.id] }),
      ]);
      const winners = results.filter((r) => r.ok);
      expect(winners, `on ${testDbKind}: ${JSON.stringify(results)}`).toHaveLength(1);
      const loser = results.find((r) => !r.ok)!;
      expect(loser.formError).toBe(`This number is no longer available: ${n.national}. Choose another one.`);
      const winner = results[0].ok ? a : b;
      expect(await numberRow(n.id)).toMatchObject({ status: 'held', companyId: winner.company.id });
    }
  });

  it('all or nothing, at most 20 at a time, audited, and released on request', async () => {
    const a = await company();
    const b = await company();
    const numbers = await someNumbers('FR', MAX_HELD + 2, a.company.id);
    await act(holdNumbers, b.admin.id, { ids: [numbers[0].id] });
    const refused = await act(holdNumbers, a.admin.id, { ids: [numbers[0].id, numbers[1].id] });
    expect(refused.formError).toBe(`This number is no longer available: ${numbers[0].national}. Choose another one.`);
    expect((await numberRow(numbers[1].id)).status).toBe('available');

    const ok = await act(holdNumbers, a.admin.id, { ids: numbers.slice(1, 3).map((n) => n.id) });
    expect(ok.ok).toBe(true);
    const [entry] = await numbersAudit(a.company.id, 'number.held');
    expect(entry).toMatchObject({ actorId: a.admin.id, target: `${numbers[1].national}, ${numbers[2].national}` });

    // 2 held + 19 new = 21.
    const tooMany = await act(holdNumbers, a.admin.id, { ids: numbers.slice(3, 22).map((n) => n.id) });
    expect(tooMany.formError).toBe('You can hold up to 20 numbers at a time. Buy or release some first.');
    expect(await getHeldNumbers(db(), a.company.id)).toHaveLength(2);

    const released = await act(releaseHeldNumbers, a.admin.id, { ids: [numbers[1].id] });
    expect(released).toEqual({ ok: true, data: { released: 1 } });
    expect(await numberRow(numbers[1].id)).toMatchObject({ status: 'available', companyId: null, heldUntil: null });
    expect(await numbersAudit(a.company.id, 'number.holdReleased')).toHaveLength(1);
    // Releasing another company's hold does nothing.
    expect(await act(releaseHeldNumbers, a.admin.id, { ids: [numbers[0].id] })).toEqual({ ok: true, data: { released: 0 } });
    expect((await numberRow(numbers[0].id)).companyId).toBe(b.company.id);
  });
});

describe('purchase', () => {
  it('turns the held numbers into one order, priced from the price list, and the first becomes main', async () => {
    const a = await company();
    const [local] = await someNumbers('FR', 1, a.company.id);
    const [free] = await someNumbers('FR', 1, a.company.id, 'toll_free');
    await act(holdNumbers, a.admin.id, { ids: [local.id, free.id] });
    const k = key();
    const bought = await act(purchaseNumbers, a.admin.id, { idempotencyKey: k, ids: [local.id, free.id] });
    expect(bought.ok).toBe(true);
    expect(bought.data).toMatchObject({ created: true, totalMinor: 1990, currency: 'EUR' });

    const { orders, lines } = await ordersOf(a.company.id);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ idempotencyKey: k, status: 'completed', totalMinor: 1990, currency: 'EUR', createdBy: a.admin.id });
    expect(lines.map((l) => [l.kind, l.reference, l.unitMinor, l.quantity]).sort()).toEqual(
      [
        ['number', local.e164, 995, 1],
        ['number', free.e164, 995, 1],
      ].sort(),
    );
    const owned = await ownedBy(a.company.id);
    expect(owned.map((n) => n.id).sort()).toEqual([local.id, free.id].sort());
    for (const n of owned) expect(n).toMatchObject({ orderId: orders[0].id, heldUntil: null, extensionId: null });
    expect(owned.filter((n) => n.isMain)).toHaveLength(1);
    expect((await numbersAudit(a.company.id, 'number.purchased'))[0].after).toMatchObject({ totalMinor: 1990, currency: 'EUR' });
  });

  it('the same key again returns the same order and charges nothing more', async () => {
    const a = await company();
    const numbers = await someNumbers('FR', 2, a.company.id);
    const ids = numbers.map((n) => n.id);
    await act(holdNumbers, a.admin.id, { ids });
    const k = key();
    const first = await act(purchaseNumbers, a.admin.id, { idempotencyKey: k, ids });
    const again = await act(purchaseNumbers, a.admin.id, { idempotencyKey: k, ids });
    expect(again.data).toMatchObject({ orderId: first.data!.orderId, created: false, totalMinor: 1990 });
    const { orders, lines } = await ordersOf(a.company.id);
    expect(orders).toHaveLength(1);
    expect(lines).toHaveLength(2);
    expect(await numbersAudit(a.company.id, 'number.purchased')).toHaveLength(1);
  });

  it('the same order submitted twice at once: one order', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await company();
      const numbers = await someNumbers('FR', 2, a.company.id);
      const ids = numbers.map((n) => n.id);
      await act(holdNumbers, a.admin.id, { ids });
      const k = key();
      const results = await Promise.all([
        act(purchaseNumbers, a.admin.id, { idempotencyKey: k, ids }),
        act(purchaseNumbers, a.admin.id, { idempotencyKey: k, ids }),
      ]);
      expect(results.every((r) => r.ok), `on ${testDbKind}: ${JSON.stringify(results)}`).toBe(true);
      expect(new Set(results.map((r) => r.data!.orderId)).size).toBe(1);
      expect(results.map((r) => r.data!.created).sort()).toEqual([false, true]);
      const { orders, lines } = await ordersOf(a.company.id);
      expect(orders).toHaveLength(1);
      expect(lines).toHaveLength(2);
    }
  });

  it('a hold that expired: a clear message and nothing bought', async () => {
    const a = await company();
    const t0 = new Date();
    const numbers = await someNumbers('FR', 2, a.company.id);
    const ids = numbers.map((n) => n.id);
    vi.spyOn(testClock, 'now').mockReturnValue(t0);
    await act(holdNumbers, a.admin.id, { ids });
    vi.spyOn(testClock, 'now').mockReturnValue(minutes(t0, HOLD_MINUTES + 1));
    const late = await act(purchaseNumbers, a.admin.id, { idempotencyKey: key(), ids });
    expect(late.formError).toBe(
      `Your hold on 2 numbers has expired: ${numbers[0].national}, ${numbers[1].national}. Nothing was bought. Select them again.`,
    );
    expect((await ordersOf(a.company.id)).orders).toEqual([]);
    expect(await ownedBy(a.company.id)).toEqual([]);

    // Re-selected in time, they can be bought.
    await act(holdNumbers, a.admin.id, { ids });
    expect((await act(purchaseNumbers, a.admin.id, { idempotencyKey: key(), ids })).ok).toBe(true);
  });

  it('a number another company took after the hold expired: refused, nothing bought', async () => {
    const a = await company();
    const b = await company();
    const t0 = new Date();
    const [x, y] = await someNumbers('FR', 2, a.company.id);
    vi.spyOn(testClock, 'now').mockReturnValue(t0);
    await act(holdNumbers, a.admin.id, { ids: [x.id, y.id] });
    vi.spyOn(testClock, 'now').mockReturnValue(minutes(t0, 16));
    expect((await act(holdNumbers, b.admin.id, { ids: [x.id] })).ok).toBe(true);
    const result = await act(purchaseNumbers, a.admin.id, { idempotencyKey: key(), ids: [x.id, y.id] });
    expect(result.formError).toMatch(/^Your hold on 2 numbers has expired/);
    expect(await numberRow(x.id)).toMatchObject({ status: 'held', companyId: b.company.id });
    expect((await ordersOf(a.company.id)).orders).toEqual([]);
  });

  it('without ids the running holds are bought; nothing held is refused', async () => {
    const a = await company();
    const [x] = await someNumbers('FR', 1, a.company.id);
    const none = await db()
      .transaction((tx) => localInventory.purchase({ tx }, a.company.id, { idempotencyKey: key() }))
      .catch((e: Error) => e.message);
    expect(none).toBe('errors.nothingHeld');
    await act(holdNumbers, a.admin.id, { ids: [x.id] });
    const result = await db().transaction((tx) => localInventory.purchase({ tx }, a.company.id, { idempotencyKey: key() }));
    expect(result.numbers.map((n) => n.id)).toEqual([x.id]);
  });
});
