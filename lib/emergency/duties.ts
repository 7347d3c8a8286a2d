import { asc, desc, eq, sql } from 'drizzle-orm';
import { db, type Db } from '@/db';
import { companies, emergencyNoticeAcks, emergencyRecipients } from '@/db/schema';
import { currentNoticeVersion, recipientsRequired } from './notice';

/** A duty the company's country sets and the company has not met yet: each a Review blocker. */
export type EmergencyDutyMissing = 'emergencyRecipients' | 'emergencyNotice';

/** Where both are set: the Company card's emergency section. */
export const EMERGENCY_SECTION_HREF = '/setup/company#emergency';

/** What is still owed, in one statement: US without a recipient, CA/GB/CH without the current notice's acknowledgement. */
export async function missingEmergencyDuties(companyId: string, exec: Db = db()): Promise<EmergencyDutyMissing[]> {
  const [row] = await exec
    .select({
      country: companies.country,
      recipients: sql<number>`(select count(*)::int from emergency_recipients r where r.company_id = ${companyId})`,
      versions: sql<string[]>`array(select a.version from emergency_notice_acks a where a.company_id = ${companyId})`,
    })
    .from(companies)
    .where(eq(companies.id, companyId));
  if (!row) return [];
  const out: EmergencyDutyMissing[] = [];
  if (recipientsRequired(row.country) && Number(row.recipients) === 0) out.push('emergencyRecipients');
  const version = currentNoticeVersion(row.country);
  if (version && !row.versions.includes(version)) out.push('emergencyNotice');
  return out;
}

export type NoticeAcknowledgement = { version: string; userName: string; locale: string; acknowledgedAt: Date };

export type EmergencyDuties = {
  country: string;
  recipientsRequired: boolean;
  recipients: { id: string; email: string }[];
  /** The notice the country needs, with its acknowledgement (null: not given yet); null when none is needed. */
  notice: { version: string; acknowledgement: NoticeAcknowledgement | null } | null;
  /** The latest acknowledgement of an older version, when the current one is not given yet. */
  previous: NoticeAcknowledgement | null;
};

/** The Company card's emergency section. */
export async function getEmergencyDuties(companyId: string, exec: Db = db()): Promise<EmergencyDuties> {
  const [company] = await exec.select({ country: companies.country }).from(companies).where(eq(companies.id, companyId));
  if (!company) throw new Error(`Company ${companyId} not found`);
  const [recipients, acks] = await Promise.all([
    exec
      .select({ id: emergencyRecipients.id, email: emergencyRecipients.email })
      .from(emergencyRecipients)
      .where(eq(emergencyRecipients.companyId, companyId))
      .orderBy(asc(emergencyRecipients.email)),
    exec
      .select({
        version: emergencyNoticeAcks.version,
        userName: emergencyNoticeAcks.userName,
        locale: emergencyNoticeAcks.locale,
        acknowledgedAt: emergencyNoticeAcks.acknowledgedAt,
      })
      .from(emergencyNoticeAcks)
      .where(eq(emergencyNoticeAcks.companyId, companyId))
      .orderBy(desc(emergencyNoticeAcks.acknowledgedAt)),
  ]);
  const version = currentNoticeVersion(company.country);
  const current = version ? (acks.find((a) => a.version === version) ?? null) : null;
  return {
    country: company.country,
    recipientsRequired: recipientsRequired(company.country),
    recipients,
    notice: version ? { version, acknowledgement: current } : null,
    previous: version && !current ? (acks.find((a) => a.version.startsWith(version.slice(0, 3))) ?? null) : null,
  };
}
