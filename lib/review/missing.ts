import { eq, sql } from 'drizzle-orm';
import { db, type Db } from '@/db';
import { companies } from '@/db/schema';
import { fullNameSql } from '@/lib/format/person';
import type { Translate } from '@/lib/i18n/messages';
import { seatUsage } from '@/lib/licences/seats';
import { needsDirectNumberSql, withoutDirectNumberSql } from '@/lib/numbers/direct';
import { officeSeatsUsedSql } from '@/lib/prices/billing';
import { CARD_PATHS, SETUP_CARDS, type SetupCard } from '@/lib/setup/cards';

/**
 * What still stands between the company and a working phone system. Blockers stop Finish
 * setup; warnings are shown and do not.
 *
 * Decisions where the issue is silent:
 * - "No phone choice": the Team form makes every Office user pick App only or a desk phone,
 *   and App only is stored as "no desk phone", so a choice always exists in the data. What an
 *   admin can still miss is a desk phone bought for someone and never handed out: Office users
 *   on App only while desk phones sit unassigned are reported as a warning (App only may be
 *   deliberate, so it does not block).
 * - "No main number" blocks whether or not the company owns numbers: without one, nobody
 *   outside can call the company.
 * - Every card but Review itself must be verified; Finish setup verifies Review.
 */
export type MissingCode =
  | 'emergencyAddress'
  | 'officeUserNoNumber'
  | 'conferenceNoNumber'
  | 'ringGroupNoMember'
  | 'noMainNumber'
  | 'cardNotVerified'
  | 'officeUserAppOnly'
  | 'seatsUnused';

export type MissingItem = {
  code: MissingCode;
  severity: 'blocker' | 'warning';
  /** The card that fixes it, and its page. */
  card: SetupCard;
  href: string;
  count: number;
  /** Up to NAMES_SHOWN of the people or extensions concerned. */
  names: string[];
};

export const NAMES_SHOWN = 5;

type Row = {
  hasAddress: boolean;
  officeSeats: number;
  officeUsers: number;
  appOnlyCount: number;
  appOnlyNames: string[];
  freeDevices: number;
  userNoNumberCount: number;
  userNoNumberNames: string[];
  conferenceNoNumberCount: number;
  conferenceNoNumberNames: string[];
  ringGroupNoMemberCount: number;
  ringGroupNoMemberNames: string[];
  hasMain: boolean;
  verifiedCards: string[];
};

const officeUser = (companyId: string) =>
  sql`u.company_id = ${companyId} and u.licence = 'office'`;
/** Extension e (with its user u) needs a direct number and has none: lib/numbers/direct.ts's rule. */
const lacksDirectNumber = sql`${needsDirectNumberSql(sql`e.type`, sql`u.licence`)}
  and ${withoutDirectNumberSql(sql`e.id`, sql`e.company_id`)}`;
const userName = fullNameSql(sql`u.first_name`, sql`u.last_name`);
const extensionName = sql`coalesce(nullif(e.name, ''), e.number)`;

/** Everything in one statement whatever the company's size: counts plus a few names each. */
export async function getMissing(companyId: string, exec: Db = db()): Promise<MissingItem[]> {
  const limit = NAMES_SHOWN;
  const [row] = (await exec
    .select({
      hasAddress: sql<boolean>`nullif(trim(${companies.emergencyStreet}), '') is not null`,
      officeSeats: companies.officeSeats,
      officeUsers: officeSeatsUsedSql(companyId),
      appOnlyCount: sql<number>`(select count(*)::int from users u where ${officeUser(companyId)}
        and not exists (select 1 from devices d where d.user_id = u.id))`,
      appOnlyNames: sql<string[]>`array(select ${userName} from users u where ${officeUser(companyId)}
        and not exists (select 1 from devices d where d.user_id = u.id)
        order by u.last_name, u.first_name, u.id limit ${limit})`,
      freeDevices: sql<number>`(select count(*)::int from devices d where d.company_id = ${companyId} and d.user_id is null)`,
      // An Office user left without any user extension (a data fix) lacks one too.
      userNoNumberCount: sql<number>`(select count(*)::int from users u
        left join extensions e on e.user_id = u.id and e.type = 'user'
        where ${officeUser(companyId)} and (e.id is null or ${lacksDirectNumber}))`,
      userNoNumberNames: sql<string[]>`array(select ${userName} from users u
        left join extensions e on e.user_id = u.id and e.type = 'user'
        where ${officeUser(companyId)} and (e.id is null or ${lacksDirectNumber})
        order by u.last_name, u.first_name, u.id limit ${limit})`,
      conferenceNoNumberCount: sql<number>`(select count(*)::int from extensions e left join users u on u.id = e.user_id
        where e.company_id = ${companyId} and e.type = 'conference' and ${lacksDirectNumber})`,
      conferenceNoNumberNames: sql<string[]>`array(select ${extensionName} from extensions e left join users u on u.id = e.user_id
        where e.company_id = ${companyId} and e.type = 'conference' and ${lacksDirectNumber}
        order by length(e.number), e.number limit ${limit})`,
      ringGroupNoMemberCount: sql<number>`(select count(*)::int from extensions e
        where e.company_id = ${companyId} and e.type = 'ring_group'
        and not exists (select 1 from ring_group_members m where m.ring_group_id = e.id))`,
      ringGroupNoMemberNames: sql<string[]>`array(select ${extensionName} from extensions e
        where e.company_id = ${companyId} and e.type = 'ring_group'
        and not exists (select 1 from ring_group_members m where m.ring_group_id = e.id)
        order by length(e.number), e.number limit ${limit})`,
      hasMain: sql<boolean>`exists (select 1 from phone_numbers pn
        where pn.company_id = ${companyId} and pn.status = 'owned' and pn.is_main)`,
      verifiedCards: sql<string[]>`array(select sp.card from setup_progress sp
        where sp.company_id = ${companyId} and sp.status = 'verified')`,
    })
    .from(companies)
    .where(eq(companies.id, companyId))) as Row[];
  if (!row) throw new Error(`Company ${companyId} not found`);
  return missingFrom(row);
}

function missingFrom(row: Row): MissingItem[] {
  const out: MissingItem[] = [];
  const add = (code: MissingCode, severity: MissingItem['severity'], card: SetupCard, count = 1, names: string[] = []) =>
    out.push({ code, severity, card, href: CARD_PATHS[card], count: Number(count), names });

  if (!row.hasAddress) add('emergencyAddress', 'blocker', 'company');
  if (Number(row.userNoNumberCount) > 0) add('officeUserNoNumber', 'blocker', 'numbers', row.userNoNumberCount, row.userNoNumberNames);
  if (Number(row.conferenceNoNumberCount) > 0) {
    add('conferenceNoNumber', 'blocker', 'numbers', row.conferenceNoNumberCount, row.conferenceNoNumberNames);
  }
  if (Number(row.ringGroupNoMemberCount) > 0) {
    add('ringGroupNoMember', 'blocker', 'extensions', row.ringGroupNoMemberCount, row.ringGroupNoMemberNames);
  }
  if (!row.hasMain) add('noMainNumber', 'blocker', 'numbers');
  const verified = new Set(row.verifiedCards);
  for (const card of SETUP_CARDS) {
    if (card !== 'review' && !verified.has(card)) add('cardNotVerified', 'blocker', card);
  }
  if (Number(row.appOnlyCount) > 0 && Number(row.freeDevices) > 0) {
    add('officeUserAppOnly', 'warning', 'team', row.appOnlyCount, row.appOnlyNames);
  }
  const unused = seatUsage(Number(row.officeSeats), Number(row.officeUsers)).free;
  if (unused > 0) add('seatsUnused', 'warning', 'licences', unused);
  return out;
}

export const blockersOf = (items: MissingItem[]) => items.filter((i) => i.severity === 'blocker');

/** One sentence per item, in the user's language: the review list and Finish's refusal use it. */
export function describeMissing(item: MissingItem, t: Translate): string {
  const more = item.count - item.names.length;
  const names =
    item.names.length === 0
      ? ''
      : more > 0
        ? t('review.missing.namesAndMore', { names: item.names.join(', '), more })
        : item.names.join(', ');
  return t(`review.missing.${item.code}`, {
    count: item.count,
    names,
    card: t(`setup.cards.${item.card}.title`),
  });
}
