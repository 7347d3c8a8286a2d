import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { companies } from '@/db/schema';
import { formatDateTime } from '@/lib/format/date';
import { fullNameSql } from '@/lib/format/person';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';

// Whether a user's phone is registered with the SIP server, read from the registrations
// Kamailio writes (sip.location through the sip.registrations view): the Team and Extensions
// cards, /me and the Review's test-call hint show it.

export type Registration = { contacts: number; userAgent: string; since: Date; expires: Date };

type Row = { user_id: string; contacts: number; user_agent: string | null; since: Date | string; expires: Date | string };

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

/** The registered phones of `userIds` (users of `companyId`); a user without any is absent. */
export async function registrationsOf(exec: Db | Tx, companyId: string, userIds: readonly string[]): Promise<Map<string, Registration>> {
  if (userIds.length === 0) return new Map();
  const result = await exec.execute(sql`select user_id, contacts, user_agent, since, expires from sip.registrations
    where company_id = ${companyId} and user_id in (${sql.join(userIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Map(
    rowsOf<Row>(result).map((r) => [
      r.user_id,
      { contacts: Number(r.contacts), userAgent: r.user_agent ?? '', since: new Date(r.since), expires: new Date(r.expires) },
    ]),
  );
}

/** The Review's "Test call" hint: how many users have no registered phone yet, and a few names. */
export async function usersWithoutPhone(exec: Db | Tx, companyId: string, namesShown: number): Promise<{ count: number; names: string[] }> {
  const none = sql`u.company_id = ${companyId}
    and not exists (select 1 from sip.registrations r where r.user_id = u.id)`;
  const name = fullNameSql(sql`u.first_name`, sql`u.last_name`);
  const result = await exec.execute(sql`select (select count(*)::int from users u where ${none}) as count,
    array(select ${name} from users u where ${none} order by u.last_name, u.first_name, u.id limit ${namesShown}) as names`);
  const [row] = rowsOf<{ count: number; names: string[] }>(result);
  return { count: Number(row?.count ?? 0), names: row?.names ?? [] };
}

/** "Registered: Yealink T46U, since 1er décembre 2026 à 10:02" or "No phone registered". */
export function describeRegistration(registration: Registration | undefined, t: Translate, locale: Locale, timeZone: string): string {
  if (!registration) return t('telephony.notRegistered');
  return t('telephony.registered', {
    userAgent: registration.userAgent || t('telephony.unknownPhone'),
    since: formatDateTime(registration.since, locale, timeZone),
    count: registration.contacts,
  });
}

/** Each user's registration sentence, for the rows of a card (in two queries whatever the page). */
export async function registrationLabels(
  exec: Db | Tx,
  companyId: string,
  userIds: readonly string[],
  t: Translate,
  locale: Locale,
): Promise<Record<string, { registered: boolean; label: string }>> {
  const [registrations, [company]] = await Promise.all([
    registrationsOf(exec, companyId, userIds),
    exec.select({ timeZone: companies.timeZone }).from(companies).where(eq(companies.id, companyId)),
  ]);
  const timeZone = company?.timeZone ?? 'UTC';
  return Object.fromEntries(
    userIds.map((id) => {
      const r = registrations.get(id);
      return [id, { registered: Boolean(r), label: describeRegistration(r, t, locale, timeZone) }];
    }),
  );
}
