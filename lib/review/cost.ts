import { and, asc, eq } from 'drizzle-orm';
import { db, type Db } from '@/db';
import { orderLines, orders } from '@/db/schema';
import type { Currency } from '@/lib/countries/rules';
import { computeBill, loadBillingRows, sumMinor, times, type BillingLine, type BillingLineKind } from '@/lib/prices/billing';
import { companyPrices } from '@/lib/prices/price-list';

// Amounts are integers in minor units (cents) from end to end: quantities times integer unit
// prices, summed as integers. Only the page turns them into decimals (lib/prices/money.ts).

/**
 * The monthly lines come from lib/prices/billing.ts's computeBill (the one billing rule): Office
 * seats as bought, one included local number per Office user and bridge, the rest extra,
 * toll-free always billed. A pending seat purchase is already counted in the seats bought; it is
 * also listed as "added to your next bill" with its monthly amount, never under one-time costs.
 */
export type MonthlyLineKind = BillingLineKind;
export type MonthlyLine = BillingLine;

export type OneTimeLine = {
  orderId: string;
  kind: 'office_seats' | 'number';
  description: string;
  reference: string | null;
  quantity: number;
  unitMinor: number;
  amountMinor: number;
};

/** A pending seat purchase: its seats are on the next bill at their monthly price. */
export type NextBillLine = { orderId: string; quantity: number; unitMinor: number; monthlyMinor: number };

export type CostSummary = {
  currency: Currency;
  monthly: MonthlyLine[];
  monthlyTotalMinor: number;
  /** The per-number amounts summed: equals the extra and toll-free lines. */
  numbersMinor: number;
  nextBill: NextBillLine[];
  oneTime: OneTimeLine[];
  oneTimeTotalMinor: number;
};

/**
 * The Review card's costs in three statements whatever the company's size: the counts (one
 * row of subqueries), the company's price list, the lines of pending orders.
 */
export async function getCostSummary(companyId: string, exec: Db = db()): Promise<CostSummary> {
  const [rows, prices, pendingRows] = await Promise.all([
    loadBillingRows(exec, companyId),
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
  const bill = computeBill({ ...rows, prices: prices.monthlyMinor });
  const nextBill = pendingRows
    .filter((l) => l.kind === 'office_seats')
    .map((l) => ({ orderId: l.orderId, quantity: l.quantity, unitMinor: l.unitMinor, monthlyMinor: times(l.quantity, l.unitMinor) }));
  const oneTime = pendingRows
    .filter((l) => l.kind !== 'office_seats')
    .map((l) => ({ ...l, amountMinor: times(l.quantity, l.unitMinor) }));
  return {
    currency: prices.currency,
    monthly: bill.lines,
    monthlyTotalMinor: bill.totalMinor,
    numbersMinor: bill.numbersMinor,
    nextBill,
    oneTime,
    oneTimeTotalMinor: sumMinor(oneTime.map((l) => l.amountMinor)),
  };
}
