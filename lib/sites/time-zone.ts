import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';

/*
 * Which time zone a number's calls are handled in (business hours, closures, holidays):
 * - a number mapped to a user's extension, other than the main number, is that user's line:
 *   the zone of the user's site;
 * - every other number (the main number, a ring group's, a bridge's, an unmapped one) is the
 *   company's: the zone of its first site (the Company card's time zone).
 * The rule itself is the SQL function public.number_time_zone (migration 0014), which
 * sip.call_route (what Kamailio routes by) and the call-flow preview (lib/calls/preview.ts)
 * both call, so the two can never use different zones.
 */

export async function numberTimeZone(exec: Db | Tx, numberId: string): Promise<string | undefined> {
  const result = await exec.execute(sql`select public.number_time_zone(${numberId}::uuid) as tz`);
  const rows = ((result as { rows?: { tz: string | null }[] }).rows ?? (result as unknown as { tz: string | null }[]));
  return rows[0]?.tz ?? undefined;
}
