import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { first } from '@/db/rows';
import type { Db, Tx } from '@/db';
import { auditLog, phoneNumbers, type Company } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { env } from '@/lib/env';
import { formatNational } from '@/lib/format/phone';
import { rowsOf } from './inventory-seed';

/*
 * What keeps one company from draining the shared inventory (issue 12). Until its first setup
 * is finished a company may have at most NUMBERS_BEFORE_FIRST_FINISH numbers out of it (owned,
 * direct or bought, plus running holds): a sign-up costs nothing, so that is all it can take.
 * Afterwards direct numbers follow the Office seats it ordered (lib/licences/seats.ts) and holds
 * are limited per rolling 24 hours. Callers hold the company lock, so the counts cannot move
 * under them; every check runs in the transaction that takes the numbers.
 */

export type LimitCompany = Pick<Company, 'id' | 'setupCompletedAt'>;

type Exec = Db | Tx;

const DAY_MS = 24 * 60 * 60_000;

/** The limits from the environment (lib/env.ts). */
export const NUMBER_LIMITS = {
  beforeFirstFinish: env.NUMBERS_BEFORE_FIRST_FINISH,
  holdsPerDay: env.NUMBER_HOLDS_PER_DAY,
} as const;

/** The cap on numbers out of the inventory that applies now, or null once setup was finished. */
export function numberCap(company: LimitCompany, cap: number = NUMBER_LIMITS.beforeFirstFinish): number | null {
  return company.setupCompletedAt ? null : cap;
}

/** What the company has out of the inventory: numbers it owns and its running holds. */
export async function numbersTaken(exec: Exec, companyId: string, now: Date): Promise<number> {
  const { n } = first(
    await exec
      .select({ n: sql<number>`count(*)::int` })
      .from(phoneNumbers)
      .where(
        and(
          eq(phoneNumbers.companyId, companyId),
          or(eq(phoneNumbers.status, 'owned'), and(eq(phoneNumbers.status, 'held'), gt(phoneNumbers.heldUntil, now))),
        ),
      ),
  );
  return Number(n);
}

/** How many more numbers the company may take from the inventory now (Infinity: no cap). */
export async function numberAllowance(exec: Exec, company: LimitCompany, now: Date, cap = numberCap(company)): Promise<number> {
  if (cap === null) return Infinity;
  return Math.max(0, cap - (await numbersTaken(exec, company.id, now)));
}

export const numberCapError = (cap: number) => new ActionError('errors.numberCapBeforeFinish', { params: { cap } });

/** After a hold in the caller's transaction: over the cap refuses it (and rolls it back). */
export async function assertWithinNumberCap(tx: Tx, company: LimitCompany, now: Date) {
  const cap = numberCap(company);
  if (cap !== null && (await numbersTaken(tx, company.id, now)) > cap) throw numberCapError(cap);
}

/**
 * How many more Office users (or bridges) can get a direct number now: the company's own
 * unassigned local numbers are given first (lib/numbers/direct.ts) and cost the inventory
 * nothing, then the allowance. What the import preview flags rows by.
 */
export async function directNumberRoom(exec: Exec, company: LimitCompany, now: Date) {
  const cap = numberCap(company);
  if (cap === null) return { cap, room: Infinity };
  const { spare } = first(
    await exec
      .select({ spare: sql<number>`count(*)::int` })
      .from(phoneNumbers)
      .where(
        and(
          eq(phoneNumbers.companyId, company.id),
          eq(phoneNumbers.status, 'owned'),
          eq(phoneNumbers.type, 'local'),
          isNull(phoneNumbers.extensionId),
          eq(phoneNumbers.isMain, false),
        ),
      ),
  );
  return { cap, room: Number(spare) + (await numberAllowance(exec, company, now, cap)) };
}

/**
 * Once setup was finished: the different numbers the company held over the last 24 hours,
 * counted from the Phone numbers card's history ('number.held' lines name them), with this
 * hold's, may not exceed NUMBER_HOLDS_PER_DAY. Different numbers, not attempts: renewing the
 * countdown of the same selection costs nothing, while holding and releasing ever new numbers
 * (which keeps them from everyone else) runs out. Before the finish the cap bounds holds.
 */
export async function assertHoldsLeftToday(
  tx: Tx,
  company: LimitCompany,
  held: readonly { e164: string }[],
  now: Date,
  limit: number = NUMBER_LIMITS.holdsPerDay,
) {
  if (!company.setupCompletedAt || held.length === 0) return;
  const since = new Date(now.getTime() - DAY_MS);
  const earlier = rowsOf<{ number: string }>(
    await tx.execute(sql`
      select distinct n.value as number
      from ${auditLog}, jsonb_array_elements_text(${auditLog.after} -> 'numbers') as n(value)
      where ${auditLog.companyId} = ${company.id} and ${auditLog.card} = 'numbers'
        and ${auditLog.action} = 'number.held' and ${auditLog.at} > ${since}`),
  );
  const numbers = new Set([...earlier.map((r) => r.number), ...held.map((h) => formatNational(h.e164))]);
  if (numbers.size > limit) throw new ActionError('errors.holdsPerDay', { params: { max: limit } });
}
