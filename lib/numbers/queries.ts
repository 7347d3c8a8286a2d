import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { db, type Db } from '@/db';
import { LIST_PAGE_SIZE, pageInfo, pageTotal } from '@/lib/format/pages';
import { first } from '@/db/rows';
import { companies, type ExtensionType, type NumberType } from '@/db/schema';
import type { CountryCode } from '@/lib/countries/rules';
import { fullNameSql } from '@/lib/format/person';
import { formatNational } from '@/lib/format/phone';
import { computeBill, loadBillingRows, type NumberBilling } from '@/lib/prices/billing';
import { companyPrices } from '@/lib/prices/price-list';
import { needsDirectNumberSql, withoutDirectNumberSql } from './direct';
import { ownedNumbersWhere, type OwnedNumbersSearch } from './owned-search';
import { priceOf } from './inventory';
import { rowsOf } from './inventory-seed';

export type OwnedNumberRow = {
  id: string;
  e164: string;
  national: string;
  type: NumberType;
  regionName: string;
  isMain: boolean;
  /** The extension it rings, null when unassigned. */
  extension: { id: string; number: string; type: ExtensionType; name: string } | null;
  /** Monthly price in minor units; null when included with an Office licence or a bridge. */
  monthlyMinor: number | null;
  /** lib/prices/billing.ts's verdict: included with whom, extra or toll-free, and its price. */
  billing: { kind: NumberBilling['kind']; monthlyMinor: number; includedWith: string | null };
};


/**
 * The number that rings an extension, as a column of another query (the Extensions card): its
 * first direct number, e.g. "+33142685300". The arguments are the outer query's columns.
 */
export function directNumberSql(extensionId: AnyColumn | SQL, companyId: AnyColumn | SQL): SQL<string | null> {
  return sql<string | null>`(select pn.e164 from phone_numbers pn
    where pn.extension_id = ${extensionId} and pn.company_id = ${companyId} and pn.status = 'owned'
    order by pn.acquired_at, pn.e164 limit 1)`;
}

/**
 * Everything the Phone numbers tab shows, in four statements whatever the company's size: one
 * page of its numbers (searched and filtered: lib/numbers/owned-search.ts) (with what each rings, and which are included: local numbers up to one
 * per Office user and bridge, oldest first, like the Review card counts them), the company and
 * its counts and the prices (what a number can ring is searched by its picker: lib/extensions/search.ts).
 */
export async function getNumbersCardData(companyId: string, params: OwnedNumbersSearch = {}, exec: Db = db()) {
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const filter = ownedNumbersWhere(params);
  const ownedPage = (where: SQL | undefined, limit: number, offset: number) => sql`
      select pn.id, pn.e164, pn.type, pn.region_name as "regionName", pn.is_main as "isMain",
        (count(*) over ())::int as total,
        e.id as "extensionId", e.number as "extensionNumber", e.type as "extensionType",
        coalesce(${fullNameSql(sql`u.first_name`, sql`u.last_name`)}, e.name, '') as "extensionName"
      from phone_numbers pn
      left join extensions e on e.id = pn.extension_id and e.company_id = ${companyId}
      left join users u on u.id = e.user_id and u.company_id = ${companyId}
      where pn.company_id = ${companyId} and pn.status = 'owned' ${where ? sql`and ${where}` : sql``}
      order by pn.is_main desc, pn.e164
      limit ${limit} offset ${offset}`;
  const [numberRows, companyRows, prices, billingRows] = await Promise.all([
    exec.execute(ownedPage(filter, LIST_PAGE_SIZE, (page - 1) * LIST_PAGE_SIZE)),
    exec
      .select({
        country: companies.country,
        hasAddress: sql<boolean>`nullif(trim(${companies.emergencyStreet}), '') is not null`,
        // Every owned number, whatever the search: the tab's heading counts the company's.
        owned: sql<number>`(select count(*)::int from phone_numbers where company_id = ${companyId} and status = 'owned')`,
        missing: sql<number>`(select count(*)::int from extensions e left join users u on u.id = e.user_id
          where e.company_id = ${companyId}
            and ${needsDirectNumberSql(sql`e.type`, sql`u.licence`)}
            and ${withoutDirectNumberSql(sql`e.id`, sql`e.company_id`)})`,
      })
      .from(companies)
      .where(eq(companies.id, companyId)),
    companyPrices(exec, companyId),
    loadBillingRows(exec, companyId),
  ]);

  type Row = {
    id: string;
    e164: string;
    type: NumberType;
    regionName: string;
    isMain: boolean;
    total: number;
    extensionId: string | null;
    extensionNumber: string | null;
    extensionType: ExtensionType | null;
    extensionName: string | null;
  };
  const company = first(companyRows);
  const rows = rowsOf<Row>(numberRows);
  // Past the last page the first matching row carries the total.
  const total = await pageTotal(rows, page, async () => Number(rowsOf<Row>(await exec.execute(ownedPage(filter, 1, 0)))[0]?.total ?? 0));
  const bill = computeBill({ ...billingRows, prices: prices.monthlyMinor });
  return {
    country: company.country as CountryCode,
    hasEmergencyAddress: Boolean(company.hasAddress),
    missingDirectNumbers: Number(company.missing),
    /** The company's owned numbers, whatever the search (`total` counts the search's). */
    owned: Number(company.owned),
    currency: prices.currency,
    prices: { local: priceOf(prices, 'local'), tollFree: priceOf(prices, 'toll_free') },
    ...pageInfo(page, total, LIST_PAGE_SIZE),
    rows: rows.map(
      (r): OwnedNumberRow => ({
        id: r.id,
        e164: r.e164,
        national: formatNational(r.e164),
        type: r.type,
        regionName: r.regionName,
        isMain: Boolean(r.isMain),
        extension:
          r.extensionId && r.extensionNumber && r.extensionType
            ? { id: r.extensionId, number: r.extensionNumber, type: r.extensionType, name: r.extensionName ?? '' }
            : null,
        ...billingOf(bill.numbers.get(r.id), r.type, priceOf(prices, r.type)),
      }),
    ),
    /** What all the company's numbers cost a month (every page): the Review's number lines. */
    numbersMinor: bill.numbersMinor,
  };
}

/** A row's billing; a number bought between the two reads counts at its list price. */
function billingOf(b: NumberBilling | undefined, type: NumberType, listMinor: number): Pick<OwnedNumberRow, 'monthlyMinor' | 'billing'> {
  if (!b) {
    const kind = type === 'toll_free' ? 'toll_free' : 'extra';
    return { monthlyMinor: listMinor, billing: { kind, monthlyMinor: listMinor, includedWith: null } };
  }
  return {
    monthlyMinor: b.kind === 'included' ? null : b.monthlyMinor,
    billing: { kind: b.kind, monthlyMinor: b.monthlyMinor, includedWith: b.holder?.label ?? null },
  };
}

export type NumbersCardData = Awaited<ReturnType<typeof getNumbersCardData>>;
