import { eq, sql, type SQL } from 'drizzle-orm';
import { cache } from 'react';
import type { Db, Tx } from '@/db';
import { companies, extensions, users } from '@/db/schema';
import { fullNameSql } from '@/lib/format/person';

/*
 * What a company's bill counts (SPEC "Billing"): each Office licence and each conference bridge
 * includes one local number. The Review, the Phone numbers tab, the Licences and Team cards read
 * these counts from here, so they cannot disagree.
 *
 * The fragments are subqueries so callers can fold them into a query they already run. They take
 * the id as a parameter, not the outer column: drizzle writes a single-table select's columns
 * unqualified, so "id" inside the subquery would mean the inner table's id.
 */

/** Office seats in use: the company's users on an Office licence. */
export function officeSeatsUsedSql(companyId: string): SQL<number> {
  return sql<number>`(select count(*)::int from ${users} where ${users.companyId} = ${companyId} and ${users.licence} = 'office')`;
}

/** The company's conference bridges. */
export function conferenceBridgesSql(companyId: string): SQL<number> {
  return sql<number>`(select count(*)::int from ${extensions} where ${extensions.companyId} = ${companyId} and ${extensions.type} = 'conference')`;
}

/** How many local numbers come included: one per Office licence in use and per conference bridge. */
export function includedLocalNumbers(counts: { officeUsers: number; conferences: number }): number {
  return counts.officeUsers + counts.conferences;
}

/** The same allowance as a subquery. */
export function includedLocalNumbersSql(companyId: string): SQL<number> {
  return sql<number>`(${officeSeatsUsedSql(companyId)} + ${conferenceBridgesSql(companyId)})`;
}

/*
 * The one billing rule (SPEC "Billing", issue 10), pure and integer-only over rows:
 * - Office seats are billed as bought (companies.office_seats, unassigned seats included);
 * - each Office licence (an Office user's user extension) and each conference bridge includes
 *   one local number. WHICH owned local numbers are the included ones is decided in order:
 *   1. a local number mapped to such an extension is included with it, one per extension (the
 *      oldest: acquired_at, then e164);
 *   2. the allowance left (holders without a number of their own) goes to the other owned local
 *      numbers, oldest first (acquired_at, e164), each named after one of those holders in
 *      extension order;
 *   3. every other local number is extra; toll-free numbers are always billed.
 * The Review's number lines are the sum of the per-number amounts, so the Phone numbers tab
 * and the Review cannot disagree.
 */
export type BillableNumber = {
  id: string;
  e164: string;
  type: 'local' | 'toll_free';
  acquiredAt: Date | string | null;
  extensionId: string | null;
};

/** An extension that comes with one included local number: an Office user's or a bridge. */
export type AllowanceHolder = { extensionId: string; number: string; kind: 'office_user' | 'conference'; label: string };

export type BillingInput = {
  numbers: readonly BillableNumber[];
  holders: readonly AllowanceHolder[];
  ringGroups: number;
  seatsBought: number;
  prices: { office_licence: number; local_number: number; toll_free_number: number };
};

export type NumberBilling =
  | { kind: 'included'; monthlyMinor: 0; holder: AllowanceHolder }
  | { kind: 'extra' | 'toll_free'; monthlyMinor: number; holder: null };

export type BillingLineKind =
  | 'office_licence'
  | 'included_local_number'
  | 'extra_local_number'
  | 'toll_free_number'
  | 'ring_group'
  | 'conference';

export type BillingLine = { kind: BillingLineKind; quantity: number; unitMinor: number; monthlyMinor: number; included: boolean };

export type Bill = {
  /** By number id. */
  numbers: Map<string, NumberBilling>;
  lines: BillingLine[];
  /** What the numbers cost a month: the sum of the per-number amounts. */
  numbersMinor: number;
  totalMinor: number;
};

export function times(quantity: number, unitMinor: number) {
  const amount = quantity * unitMinor;
  if (!Number.isSafeInteger(quantity) || !Number.isSafeInteger(unitMinor) || !Number.isSafeInteger(amount)) {
    throw new Error(`amount out of range: ${quantity} x ${unitMinor}`);
  }
  return amount;
}

export function sumMinor(amounts: readonly number[]) {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total)) throw new Error('total out of range');
  return total;
}

/** Office seats are billed as bought, assigned or not: the Licences card and computeBill. */
export function seatsMonthlyMinor(seatsBought: number, prices: { office_licence: number }) {
  return times(seatsBought, prices.office_licence);
}

const timeOf = (d: Date | string | null) => (d === null ? Number.NEGATIVE_INFINITY : new Date(d).getTime());
const byAge = (a: BillableNumber, b: BillableNumber) =>
  timeOf(a.acquiredAt) - timeOf(b.acquiredAt) || (a.e164 < b.e164 ? -1 : a.e164 > b.e164 ? 1 : 0);
const byExtension = (a: AllowanceHolder, b: AllowanceHolder) =>
  a.number.length - b.number.length || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

export function computeBill(input: BillingInput): Bill {
  const { prices } = input;
  const holders = [...input.holders].sort(byExtension);
  const holderOf = new Map(holders.map((h) => [h.extensionId, h]));
  const local = input.numbers.filter((n) => n.type === 'local').sort(byAge);
  const out = new Map<string, NumberBilling>();
  const served = new Set<string>();
  for (const n of local) {
    const holder = n.extensionId ? holderOf.get(n.extensionId) : undefined;
    if (holder && !served.has(holder.extensionId)) {
      served.add(holder.extensionId);
      out.set(n.id, { kind: 'included', monthlyMinor: 0, holder });
    }
  }
  const left = holders.filter((h) => !served.has(h.extensionId));
  for (const n of local) {
    if (out.has(n.id)) continue;
    const holder = left.shift();
    out.set(n.id, holder ? { kind: 'included', monthlyMinor: 0, holder } : { kind: 'extra', monthlyMinor: prices.local_number, holder: null });
  }
  for (const n of input.numbers) {
    if (n.type === 'toll_free') out.set(n.id, { kind: 'toll_free', monthlyMinor: prices.toll_free_number, holder: null });
  }
  const count = (kind: NumberBilling['kind']) => [...out.values()].filter((b) => b.kind === kind).length;
  const line = (kind: BillingLineKind, quantity: number, unitMinor: number, included = false): BillingLine => ({
    kind,
    quantity,
    unitMinor,
    monthlyMinor: times(quantity, unitMinor),
    included,
  });
  const lines = [
    { ...line('office_licence', input.seatsBought, prices.office_licence), monthlyMinor: seatsMonthlyMinor(input.seatsBought, prices) },
    line('included_local_number', count('included'), 0, true),
    line('extra_local_number', count('extra'), prices.local_number),
    line('toll_free_number', count('toll_free'), prices.toll_free_number),
    line('ring_group', input.ringGroups, 0, true),
    line('conference', holders.filter((h) => h.kind === 'conference').length, 0, true),
  ];
  return {
    numbers: out,
    lines,
    numbersMinor: sumMinor([...out.values()].map((b) => b.monthlyMinor)),
    totalMinor: sumMinor(lines.map((l) => l.monthlyMinor)),
  };
}

/**
 * The rows computeBill needs in one statement whatever the company's size: its owned numbers,
 * the extensions that bring an included number (with a name to show), its ring groups, its seats.
 * Memoized for one server render (React's cache; outside a render it is a plain call): the
 * Review reads it for its costs and for what is missing, and at 5,000 users it is 500 holders.
 */
export const loadBillingRows = cache(async function loadBillingRows(exec: Db | Tx, companyId: string) {
  const holderName = fullNameSql(sql`u.first_name`, sql`u.last_name`);
  const [row] = await exec
    .select({
      seatsBought: companies.officeSeats,
      ringGroups: sql<number>`(select count(*)::int from extensions e where e.company_id = ${companyId} and e.type = 'ring_group')`,
      numbers: sql<BillableNumber[]>`coalesce((select json_agg(json_build_object(
          'id', pn.id, 'e164', pn.e164, 'type', pn.type, 'acquiredAt', pn.acquired_at, 'extensionId', pn.extension_id))
        from phone_numbers pn where pn.company_id = ${companyId} and pn.status = 'owned'), '[]'::json)`,
      holders: sql<AllowanceHolder[]>`coalesce((select json_agg(json_build_object(
          'extensionId', e.id, 'number', e.number,
          'kind', case when e.type = 'conference' then 'conference' else 'office_user' end,
          'label', coalesce(${holderName}, nullif(e.name, ''), e.number)))
        from extensions e left join users u on u.id = e.user_id
        where e.company_id = ${companyId}
          and ((e.type = 'user' and u.licence = 'office') or e.type = 'conference')), '[]'::json)`,
    })
    .from(companies)
    .where(eq(companies.id, companyId));
  if (!row) throw new Error(`Company ${companyId} not found`);
  const parse = <T>(v: T[] | string): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : v);
  return {
    numbers: parse(row.numbers),
    holders: parse(row.holders),
    seatsBought: Number(row.seatsBought),
    ringGroups: Number(row.ringGroups),
  };
});
