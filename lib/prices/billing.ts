import { sql, type SQL } from 'drizzle-orm';
import { extensions, users } from '@/db/schema';

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
