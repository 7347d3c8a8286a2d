import { sql } from 'drizzle-orm';
import { db } from '@/db';

// A fingerprint of everything a company owns, in one statement: equal before and after means
// nothing of that company was written (the attack suite's "no write").

const scoped = (table: string, where: string) =>
  `coalesce((select md5(string_agg(t::text, '|' order by t::text)) from ${table} t where ${where}), '')`;

const FINGERPRINT = [
  scoped('companies', 't.id = $1'),
  scoped('users', 't.company_id = $1'),
  scoped('sites', 't.company_id = $1'),
  scoped('extensions', 't.company_id = $1'),
  scoped('ring_group_members', 't.ring_group_id in (select id from extensions where company_id = $1)'),
  scoped('devices', 't.company_id = $1'),
  scoped('orders', 't.company_id = $1'),
  scoped('phone_numbers', 't.company_id = $1'),
  scoped('outbox', 't.company_id = $1'),
  scoped('activation_tokens', 't.user_id in (select id from users where company_id = $1)'),
  scoped('sip_credentials', 't.user_id in (select id from users where company_id = $1)'),
  scoped('setup_progress', 't.company_id = $1'),
  scoped('audit_log', 't.company_id = $1'),
  scoped('call_schedules', 't.company_id = $1'),
  scoped('call_schedule_hours', 't.schedule_id in (select id from call_schedules where company_id = $1)'),
  scoped('call_schedule_closures', 't.schedule_id in (select id from call_schedules where company_id = $1)'),
  scoped('call_schedule_disabled_holidays', 't.schedule_id in (select id from call_schedules where company_id = $1)'),
  scoped('call_state_targets', 't.schedule_id in (select id from call_schedules where company_id = $1)'),
].join(" || ':' || ");

export async function companyFingerprint(companyId: string): Promise<string> {
  const query = FINGERPRINT.replaceAll('$1', `'${companyId.replace(/[^0-9a-f-]/g, '')}'::uuid`);
  const result = (await db().execute(sql.raw(`select md5(${query}) as f`))) as unknown as { rows: { f: string }[] };
  return result.rows[0]!.f;
}
