import { and, asc, count, eq, gt, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { first } from '@/db/rows';
import type { Db, Tx } from '@/db';
import { orderLines, orders, phoneNumbers, type NumberType, type PhoneNumber } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import type { CountryCode } from '@/lib/countries/rules';
import { formatNational } from '@/lib/format/phone';
import { companyPrices, type CompanyPrices } from '@/lib/prices/price-list';
import {
  HOLD_MINUTES,
  MAX_HELD,
  SEARCH_PAGE_SIZE,
  type CarrierContext,
  type CarrierTxContext,
  type NumberCarrier,
  type NumberOffer,
  type NumberSearch,
  type PurchaseResult,
  type SearchPage,
} from './carrier';

/*
 * The local implementation of NumberCarrier: the phone_numbers table is the inventory.
 * A hold is valid while held_until is in the future; expiry is a query condition, so an
 * expired hold is available again the moment it expires, with no background job.
 * Every statement that takes a number states the condition under which it may, so two
 * companies can never both get one: the second UPDATE finds the condition false.
 */

type Exec = Db | Tx;

/** Anyone may take it: never held, or held but the hold has run out. */
export function takeableSql(now: Date): SQL {
  return sql`(${phoneNumbers.status} = 'available' or (${phoneNumbers.status} = 'held' and ${phoneNumbers.heldUntil} <= ${now}))`;
}

/** What a company may see in a search: takeable numbers and its own running holds. */
function visibleSql(companyId: string, now: Date): SQL {
  return sql`(${takeableSql(now)} or (${phoneNumbers.status} = 'held' and ${phoneNumbers.companyId} = ${companyId}))`;
}

/** The company's holds that are still running. */
function heldBySql(companyId: string, now: Date): SQL {
  return and(eq(phoneNumbers.companyId, companyId), eq(phoneNumbers.status, 'held'), gt(phoneNumbers.heldUntil, now))!;
}

/** What a number of this type costs a month in the company's price list. */
export const priceOf = (prices: CompanyPrices, type: NumberType) =>
  prices.monthlyMinor[type === 'toll_free' ? 'toll_free_number' : 'local_number'];

type OfferRow = Pick<PhoneNumber, 'id' | 'e164' | 'country' | 'type' | 'areaCode' | 'regionName' | 'status' | 'companyId' | 'heldUntil'>;

const offerColumns = {
  id: phoneNumbers.id,
  e164: phoneNumbers.e164,
  country: phoneNumbers.country,
  type: phoneNumbers.type,
  areaCode: phoneNumbers.areaCode,
  regionName: phoneNumbers.regionName,
  status: phoneNumbers.status,
  companyId: phoneNumbers.companyId,
  heldUntil: phoneNumbers.heldUntil,
};

function toOffer(row: OfferRow, companyId: string, now: Date, prices: CompanyPrices): NumberOffer {
  const mine = row.status === 'held' && row.companyId === companyId && row.heldUntil && row.heldUntil > now;
  return {
    id: row.id,
    e164: row.e164,
    national: formatNational(row.e164),
    country: row.country as CountryCode,
    type: row.type,
    areaCode: row.areaCode,
    regionName: row.regionName,
    heldUntil: mine ? row.heldUntil : null,
    monthlyMinor: priceOf(prices, row.type),
    currency: prices.currency,
  };
}

const byE164 = (a: { e164: string }, b: { e164: string }) => (a.e164 < b.e164 ? -1 : a.e164 > b.e164 ? 1 : 0);

/**
 * Three or more digits: the trigram index finds the few numbers that contain them, wherever
 * they are (a few hundred in 119,000 for 3 digits), and the page is cut from those. Left to
 * itself the planner may instead walk a whole country in e164 order hoping to meet 21 matches
 * early: fine for 2 digits (one number in ten contains them), 100 ms or more for 4 rare ones.
 */
const TRIGRAM_CAP = 2_000;

async function digitHits(exec: Exec, digits: string): Promise<string[] | undefined> {
  if (digits.length < 3) return undefined;
  const hits = await exec
    .select({ id: phoneNumbers.id })
    .from(phoneNumbers)
    .where(like(phoneNumbers.national, `%${digits}%`))
    .limit(TRIGRAM_CAP + 1);
  // Too common to be worth it: the ordered walk meets 21 matches quickly.
  return hits.length > TRIGRAM_CAP ? undefined : hits.map((h) => h.id);
}

async function search(ctx: CarrierContext, companyId: string, query: NumberSearch): Promise<SearchPage> {
  const now = ctx.now ?? new Date();
  const size = Math.min(Math.max(1, query.pageSize ?? SEARCH_PAGE_SIZE), 100);
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const digits = query.digits?.replace(/\D/g, '') ?? '';
  const [prices, hits] = await Promise.all([companyPrices(ctx.exec, companyId), digitHits(ctx.exec, digits)]);
  if (hits && hits.length === 0) return { rows: [], page, hasNext: false };
  const rows = await ctx.exec
    .select(offerColumns)
    .from(phoneNumbers)
    .where(
      and(
        eq(phoneNumbers.country, query.country),
        eq(phoneNumbers.type, query.type),
        query.areaCodes?.length ? inArray(phoneNumbers.areaCode, [...query.areaCodes]) : undefined,
        // The planner sees how few ids there are and probes the primary key for them.
        hits
          ? sql`${phoneNumbers.id} = any(${`{${hits.join(',')}}`}::uuid[])`
          : digits
            ? like(phoneNumbers.national, `%${digits}%`)
            : undefined,
        visibleSql(companyId, now),
      ),
    )
    // e164 order is area code then subscriber number; the indexes serve it, so a page stops early.
    .orderBy(asc(phoneNumbers.e164))
    .limit(size + 1)
    .offset((page - 1) * size);
  return {
    rows: rows.slice(0, size).map((r) => toOffer(r, companyId, now, prices)),
    page,
    hasNext: rows.length > size,
  };
}

async function hold(ctx: CarrierTxContext, companyId: string, ids: readonly string[]): Promise<NumberOffer[]> {
  const now = ctx.now ?? new Date();
  const until = new Date(now.getTime() + HOLD_MINUTES * 60_000);
  const { tx } = ctx;
  if (ids.length === 0) return [];
  // The condition is the check: of two companies running this at once, the second's UPDATE
  // re-reads the row the first changed and no longer matches it.
  const held = await tx
    .update(phoneNumbers)
    .set({ status: 'held', companyId, heldUntil: until })
    .where(
      and(
        inArray(phoneNumbers.id, [...ids]),
        or(takeableSql(now), and(eq(phoneNumbers.status, 'held'), eq(phoneNumbers.companyId, companyId))),
      ),
    )
    .returning(offerColumns);
  // One selection, one countdown: the company's other running holds move to the same expiry.
  await tx.update(phoneNumbers).set({ heldUntil: until }).where(heldBySql(companyId, now));
  const { total } = first(
    await tx.select({ total: count() }).from(phoneNumbers).where(heldBySql(companyId, now)));
    if (total > MAX_HELD) throw new ActionError('errors.holdLimit', { params: { max: MAX_HELD } },
  );
  const prices = await companyPrices(tx, companyId);
  return held.map((r) => toOffer({ ...r, heldUntil: until }, companyId, now, prices)).sort(byE164);
}

async function release(ctx: CarrierTxContext, companyId: string, ids?: readonly string[]): Promise<NumberOffer[]> {
  const now = ctx.now ?? new Date();
  const rows = await ctx.tx
    .update(phoneNumbers)
    .set({ status: 'available', companyId: null, heldUntil: null })
    .where(
      and(
        eq(phoneNumbers.companyId, companyId),
        eq(phoneNumbers.status, 'held'),
        ids ? inArray(phoneNumbers.id, ids.length ? [...ids] : ['00000000-0000-0000-0000-000000000000']) : undefined,
      ),
    )
    .returning(offerColumns);
  if (rows.length === 0) return [];
  const prices = await companyPrices(ctx.tx, companyId);
  return rows.map((r) => toOffer(r, companyId, now, prices)).sort(byE164);
}

async function existingOrder(tx: Tx, companyId: string, idempotencyKey: string): Promise<PurchaseResult | undefined> {
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.companyId, companyId), eq(orders.idempotencyKey, idempotencyKey)));
  if (!order) return undefined;
  const numbers = await tx
    .select({ id: phoneNumbers.id, e164: phoneNumbers.e164, type: phoneNumbers.type })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.orderId, order.id), eq(phoneNumbers.companyId, companyId)))
    .orderBy(asc(phoneNumbers.e164));
  return { order, numbers, created: false };
}

const NUMBER_LINE: Record<NumberType, string> = { local: 'Local number', toll_free: 'Toll-free number' };

async function purchase(
  ctx: CarrierTxContext,
  companyId: string,
  input: { idempotencyKey: string; ids?: readonly string[]; createdBy?: string | null },
): Promise<PurchaseResult> {
  const { tx } = ctx;
  const now = ctx.now ?? new Date();
  // A key that already bought returns its order and charges nothing (double click, retry, two tabs).
  const done = await existingOrder(tx, companyId, input.idempotencyKey);
  if (done) return done;

  // The numbers to buy, locked: a hold cannot expire into someone else's hands mid-purchase.
  const wanted = input.ids
    ? inArray(phoneNumbers.id, [...input.ids])
    : and(eq(phoneNumbers.companyId, companyId), eq(phoneNumbers.status, 'held'));
  const rows = await tx
    .select({ ...offerColumns })
    .from(phoneNumbers)
    .where(wanted)
    .orderBy(asc(phoneNumbers.e164))
    .for('update');
  const mine = (r: OfferRow) => r.status === 'held' && r.companyId === companyId && r.heldUntil !== null && r.heldUntil > now;
  // With ids (the form's selection), every one must still be held; without, the running holds
  // are the selection and expired ones only matter when nothing else is left.
  const lost = input.ids ? rows.filter((r) => !mine(r)) : rows.every((r) => !mine(r)) ? rows : [];
  const missing = input.ids ? input.ids.length - rows.length : 0;
  if (lost.length > 0 || missing > 0) {
    // Taken by another company or expired read the same: the admin's hold is gone either way.
    // Numbers are named only when they are the company's own (its expired hold): an id is no
    // way to learn which numbers another company holds or owns.
    const count = lost.length + missing;
    const named = lost.filter((r) => r.companyId === companyId);
    if (named.length < count) throw new ActionError('errors.holdExpiredUnnamed', { params: { count } });
    throw new ActionError('errors.holdExpired', { params: { count, numbers: named.map((r) => formatNational(r.e164)).join(', ') } });
  }
  const buying = rows.filter(mine);
  if (buying.length === 0) throw new ActionError('errors.nothingHeld');

  const prices = await companyPrices(tx, companyId);
  const totalMinor = buying.reduce((sum, r) => sum + priceOf(prices, r.type), 0);
  const [order] = await tx
    .insert(orders)
    .values({
      companyId,
      idempotencyKey: input.idempotencyKey,
      status: 'completed',
      currency: prices.currency,
      totalMinor,
      createdBy: input.createdBy ?? null,
      completedAt: now,
    })
    .onConflictDoNothing({ target: [orders.companyId, orders.idempotencyKey] })
    .returning();
  if (!order) {
    // The same key committed by a concurrent request since the check above.
    const raced = await existingOrder(tx, companyId, input.idempotencyKey);
    if (raced) return raced;
    throw new ActionError('errors.conflict');
  }
  await tx.insert(orderLines).values(
    buying.map((r) => ({
      orderId: order.id,
      kind: 'number' as const,
      description: NUMBER_LINE[r.type],
      quantity: 1,
      unitMinor: priceOf(prices, r.type),
      reference: r.e164,
    })),
  );
  const bought = await tx
    .update(phoneNumbers)
    .set({ status: 'owned', heldUntil: null, orderId: order.id, acquiredAt: now })
    .where(and(inArray(phoneNumbers.id, buying.map((r) => r.id)), heldBySql(companyId, now)))
    .returning({ id: phoneNumbers.id, e164: phoneNumbers.e164, type: phoneNumbers.type });
  if (bought.length !== buying.length) throw new ActionError('errors.conflict');
  return { order, numbers: bought.sort(byE164), created: true };
}

export const localInventory: NumberCarrier = { search, hold, release, purchase };

/** The company's running holds, for the selection panel and its countdown. */
export async function getHeldNumbers(exec: Exec, companyId: string, now = new Date()): Promise<NumberOffer[]> {
  const [prices, rows] = await Promise.all([
    companyPrices(exec, companyId),
    exec.select(offerColumns).from(phoneNumbers).where(heldBySql(companyId, now)).orderBy(asc(phoneNumbers.e164)),
  ]);
  return rows.map((r) => toOffer(r, companyId, now, prices));
}
