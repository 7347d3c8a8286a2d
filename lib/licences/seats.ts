import { eq } from 'drizzle-orm';
import { first } from '@/db/rows';
import { db, type Db, type Tx } from '@/db';
import { companies, type Company } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { officeSeatsUsedSql } from '@/lib/prices/billing';

export type SeatUsage = { bought: number; used: number; free: number };

export async function countOfficeSeatsUsed(exec: Db, companyId: string): Promise<number> {
  const { used } = first(
    await exec.select({ used: officeSeatsUsedSql(companyId) }).from(companies).where(eq(companies.id, companyId)),
  );
  return Number(used);
}

/**
 * Refuses to hand out an Office licence the company has not bought. Only meaningful under the
 * company lock (card actions hold it): without the lock two transactions could both count the same last free seat.
 * `adding` lets a bulk import ask for several seats at once.
 */
export async function assertOfficeSeatFree(tx: Tx, company: Company, opts: { adding?: number } = {}) {
  const used = await countOfficeSeatsUsed(tx, company.id);
  if (used + (opts.adding ?? 1) > company.officeSeats) {
    throw new ActionError('errors.noSeatLeft', { field: 'licence', params: { bought: company.officeSeats, used } });
  }
}

/** More Office licences handed out than bought (only after a data fix): the card cannot be confirmed. */
export function isOverAllocated(usage: Pick<SeatUsage, 'bought' | 'used'>): boolean {
  return usage.used > usage.bought;
}

export function seatUsage(bought: number, used: number): SeatUsage {
  return { bought, used, free: Math.max(0, bought - used) };
}

export async function getSeatUsage(companyId: string, exec: Db = db()): Promise<SeatUsage> {
  const [row] = await exec
    .select({ bought: companies.officeSeats, used: officeSeatsUsedSql(companyId) })
    .from(companies)
    .where(eq(companies.id, companyId));
  if (!row) throw new ActionError('errors.notFound');
  return seatUsage(row.bought, Number(row.used));
}
