import { and, asc, eq, sql } from 'drizzle-orm';
import { db, type Db } from '@/db';
import { companies, orderLines, orders } from '@/db/schema';
import type { Currency } from '@/lib/countries/rules';
import { conferenceBridgesSql, includedLocalNumbers, officeSeatsUsedSql } from '@/lib/prices/billing';
import { companyPrices, type Prices } from '@/lib/prices/price-list';

// Amounts are integers in minor units (cents) from end to end: quantities times integer unit
// prices, summed as integers. Only the page turns them into decimals (lib/prices/money.ts).

/**
 * Decision: a licence comes with one direct local number. Every Office user and every
 * conference bridge gets a direct number automatically, and that number is included: the
 * company pays for local numbers beyond one per Office user and conference bridge.
 * Toll-free numbers are never included. Ring groups and conference bridges cost nothing.
 */
export type CostCounts = {
  officeUsers: number;
  conferences: number;
  ringGroups: number;
  ownedLocal: number;
  ownedTollFree: number;
};

export type MonthlyLineKind =
  | 'office_licence'
  | 'included_local_number'
  | 'extra_local_number'
  | 'toll_free_number'
  | 'ring_group'
  | 'conference';

export type MonthlyLine = { kind: MonthlyLineKind; quantity: number; unitMinor: number; monthlyMinor: number; included: boolean };

export type OneTimeLine = {
  orderId: string;
  kind: 'office_seats' | 'number';
  description: string;
  reference: string | null;
  quantity: number;
  unitMinor: number;
  amountMinor: number;
};

export type CostSummary = {
  currency: Currency;
  monthly: MonthlyLine[];
  monthlyTotalMinor: number;
  oneTime: OneTimeLine[];
  oneTimeTotalMinor: number;
};

function times(quantity: number, unitMinor: number) {
  const amount = quantity * unitMinor;
  if (!Number.isSafeInteger(quantity) || !Number.isSafeInteger(unitMinor) || !Number.isSafeInteger(amount)) {
    throw new Error(`amount out of range: ${quantity} x ${unitMinor}`);
  }
  return amount;
}

function sum(amounts: number[]) {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total)) throw new Error('total out of range');
  return total;
}

/** The monthly lines from counts and the country's prices: pure, integer-only. */
export function monthlyLines(counts: CostCounts, prices: Prices): MonthlyLine[] {
  const allowance = includedLocalNumbers(counts);
  const included = Math.min(counts.ownedLocal, allowance);
  const extra = Math.max(0, counts.ownedLocal - allowance);
  const line = (kind: MonthlyLineKind, quantity: number, unitMinor: number, isIncluded = false): MonthlyLine => ({
    kind,
    quantity,
    unitMinor,
    monthlyMinor: times(quantity, unitMinor),
    included: isIncluded,
  });
  return [
    line('office_licence', counts.officeUsers, prices.office_licence),
    line('included_local_number', included, 0, true),
    line('extra_local_number', extra, prices.local_number),
    line('toll_free_number', counts.ownedTollFree, prices.toll_free_number),
    line('ring_group', counts.ringGroups, 0, true),
    line('conference', counts.conferences, 0, true),
  ];
}

export function summarize(currency: Currency, counts: CostCounts, prices: Prices, oneTime: OneTimeLine[]): CostSummary {
  const monthly = monthlyLines(counts, prices);
  return {
    currency,
    monthly,
    monthlyTotalMinor: sum(monthly.map((l) => l.monthlyMinor)),
    oneTime,
    oneTimeTotalMinor: sum(oneTime.map((l) => l.amountMinor)),
  };
}

/**
 * The Review card's costs in three statements whatever the company's size: the counts (one
 * row of subqueries), the company's price list, the lines of pending orders.
 */
export async function getCostSummary(companyId: string, exec: Db = db()): Promise<CostSummary> {
  const [[row], prices, pendingRows] = await Promise.all([
    exec
      .select({
        officeUsers: officeSeatsUsedSql(companyId),
        conferences: conferenceBridgesSql(companyId),
        ringGroups: sql<number>`(select count(*)::int from extensions where extensions.company_id = ${companyId} and extensions.type = 'ring_group')`,
        ownedLocal: sql<number>`(select count(*)::int from phone_numbers where phone_numbers.company_id = ${companyId} and phone_numbers.status = 'owned' and phone_numbers.type = 'local')`,
        ownedTollFree: sql<number>`(select count(*)::int from phone_numbers where phone_numbers.company_id = ${companyId} and phone_numbers.status = 'owned' and phone_numbers.type = 'toll_free')`,
      })
      .from(companies)
      .where(eq(companies.id, companyId)),
    companyPrices(exec, companyId),
    exec
      .select({
        orderId: orders.id,
        kind: orderLines.kind,
        description: orderLines.description,
        reference: orderLines.reference,
        quantity: orderLines.quantity,
        unitMinor: orderLines.unitMinor,
      })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(and(eq(orders.companyId, companyId), eq(orders.status, 'pending')))
      .orderBy(asc(orders.createdAt), asc(orders.id), asc(orderLines.kind), asc(orderLines.reference)),
  ]);
  if (!row) throw new Error(`Company ${companyId} not found`);

  const counts: CostCounts = {
    officeUsers: Number(row.officeUsers),
    conferences: Number(row.conferences),
    ringGroups: Number(row.ringGroups),
    ownedLocal: Number(row.ownedLocal),
    ownedTollFree: Number(row.ownedTollFree),
  };
  const oneTime = pendingRows.map((l) => ({ ...l, amountMinor: times(l.quantity, l.unitMinor) }));
  return summarize(prices.currency, counts, prices.monthlyMinor, oneTime);
}
