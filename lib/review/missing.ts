import { eq, sql } from 'drizzle-orm';
import { db, type Db } from '@/db';
import { companies } from '@/db/schema';
import { deadEndsOf } from '@/lib/calls/preview';
import { loadRoutingGraph } from '@/lib/calls/routing-graph';
import { EMERGENCY_SECTION_HREF, missingEmergencyDuties, type EmergencyDutyMissing } from '@/lib/emergency/duties';
import { extensionsBreakingRules, type BreakingExtension } from '@/lib/extensions/breaking-rules';
import { fullNameSql } from '@/lib/format/person';
import type { Translate } from '@/lib/i18n/messages';
import { seatUsage } from '@/lib/licences/seats';
import { needsDirectNumberSql, withoutDirectNumberSql } from '@/lib/numbers/direct';
import { formatNational } from '@/lib/format/phone';
import { computeBill, loadBillingRows, officeSeatsUsedSql, sumMinor, times } from '@/lib/prices/billing';
import { companyPrices } from '@/lib/prices/price-list';
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
 * - An extension that a newer numbering rule forbids (a reserved emergency or service code)
 *   blocks: dialling it reaches the carrier or nothing, never the extension.
 */
export type MissingCode =
  | 'emergencyAddress'
  | EmergencyDutyMissing
  | 'officeUserNoNumber'
  | 'conferenceNoNumber'
  | 'ringGroupNoMember'
  | 'extensionReserved'
  | 'noMainNumber'
  | 'cardNotVerified'
  | 'officeUserAppOnly'
  | 'seatsUnused'
  | 'mainRingsNobody'
  | 'noAnswerTargetGone'
  | 'numbersUnassigned'
  // Issue 14's call-flow preview (lib/calls/flow-graph.ts): dead ends.
  | 'numberFlowDeadEnd'
  | 'ringGroupDeadEnd';

/** Issue 10's leftovers: their sentences are in the `billing.missing` namespace. */
const LEFTOVER_CODES = ['mainRingsNobody', 'noAnswerTargetGone', 'numbersUnassigned'] as const;
type LeftoverCode = (typeof LEFTOVER_CODES)[number];
const isLeftover = (code: MissingCode): code is LeftoverCode => (LEFTOVER_CODES as readonly string[]).includes(code);

export type MissingItem = {
  code: MissingCode;
  severity: 'blocker' | 'warning';
  /** The card that fixes it, and its page. */
  card: SetupCard;
  href: string;
  count: number;
  /** Up to NAMES_SHOWN of the people or extensions concerned. */
  names: string[];
  /** What it costs a month (unused seats, unassigned numbers), integer minor units. */
  amountMinor?: number;
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
  mainUnmapped: string | null;
  noAnswerGoneCount: number;
  noAnswerGoneNames: string[];
  verifiedCards: string[];
};

/**
 * A ring group's no-answer target that no longer exists: a voicemail whose user was removed
 * (the column was set null) or is no longer a member, or an extension that was deleted.
 * Decision: a group with no member at all is reported as ringGroupNoMember only (the same form
 * fixes both), not twice.
 */
const noAnswerGone = (companyId: string) => sql`e.company_id = ${companyId} and e.type = 'ring_group'
  and exists (select 1 from ring_group_members m where m.ring_group_id = e.id) and (
  (e.no_answer_kind = 'voicemail' and (e.no_answer_user_id is null or not exists (
    select 1 from ring_group_members m where m.ring_group_id = e.id and m.user_id = e.no_answer_user_id)))
  or (e.no_answer_kind = 'extension' and (e.no_answer_extension_id is null or not exists (
    select 1 from extensions t where t.id = e.no_answer_extension_id and t.company_id = e.company_id))))`;

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
      mainUnmapped: sql<string | null>`(select pn.e164 from phone_numbers pn
        where pn.company_id = ${companyId} and pn.status = 'owned' and pn.is_main and pn.extension_id is null)`,
      noAnswerGoneCount: sql<number>`(select count(*)::int from extensions e where ${noAnswerGone(companyId)})`,
      noAnswerGoneNames: sql<string[]>`array(select ${extensionName} from extensions e where ${noAnswerGone(companyId)}
        order by length(e.number), e.number limit ${limit})`,
      verifiedCards: sql<string[]>`array(select sp.card from setup_progress sp
        where sp.company_id = ${companyId} and sp.status = 'verified')`,
    })
    .from(companies)
    .where(eq(companies.id, companyId))) as Row[];
  if (!row) throw new Error(`Company ${companyId} not found`);
  const [rows, prices, breaking, emergency] = await Promise.all([
    loadBillingRows(exec, companyId),
    companyPrices(exec, companyId),
    extensionsBreakingRules(companyId, exec),
    missingEmergencyDuties(companyId, exec),
  ]);
  // The call-flow dead ends: the company's routing graph, four statements whatever its size,
  // without the direct lines that ring their user alone (they have none).
  const deadEnds = deadEndsOf(await loadRoutingGraph(exec, companyId, { skipPlainLines: true }));
  const bill = computeBill({ ...rows, prices: prices.monthlyMinor });
  // The main number is reported on its own (a blocker); the others are the warning.
  const unassigned = rows.numbers
    .filter((n) => n.extensionId === null && n.e164 !== row.mainUnmapped)
    .sort((a, b) => (a.e164 < b.e164 ? -1 : 1));
  return missingFrom(row, {
    breaking,
    deadEnds: {
      numbers: deadEnds.numbers.map((n) => formatNational(n.e164)),
      ringGroups: deadEnds.ringGroups.map((g) => (g.name && g.name !== g.number ? `${g.number} (${g.name})` : g.number)),
    },
    emergency,
    seatMinor: prices.monthlyMinor.office_licence,
    unassigned: {
      count: unassigned.length,
      names: unassigned.slice(0, limit).map((n) => formatNational(n.e164)),
      amountMinor: sumMinor(unassigned.map((n) => bill.numbers.get(n.id)?.monthlyMinor ?? 0)),
    },
  });
}

type Costs = {
  breaking: BreakingExtension[];
  deadEnds: { numbers: string[]; ringGroups: string[] };
  emergency: EmergencyDutyMissing[];
  seatMinor: number;
  unassigned: { count: number; names: string[]; amountMinor: number };
};

const breakingName = (e: BreakingExtension) => (e.name === e.number ? e.number : `${e.number} (${e.name})`);

function missingFrom(row: Row, costs: Costs): MissingItem[] {
  const out: MissingItem[] = [];
  const add = (
    code: MissingCode,
    severity: MissingItem['severity'],
    card: SetupCard,
    count = 1,
    names: string[] = [],
    amountMinor?: number,
  ) =>
    out.push({
      code,
      severity,
      card,
      href: CARD_PATHS[card],
      count: Number(count),
      names,
      ...(amountMinor === undefined ? {} : { amountMinor }),
    });

  if (!row.hasAddress) add('emergencyAddress', 'blocker', 'company');
  // US recipients, the CA/GB/CH notice (lib/emergency): set in the Company card's emergency section.
  for (const code of costs.emergency) {
    out.push({ code, severity: 'blocker', card: 'company', href: EMERGENCY_SECTION_HREF, count: 1, names: [] });
  }
  if (Number(row.userNoNumberCount) > 0) add('officeUserNoNumber', 'blocker', 'numbers', row.userNoNumberCount, row.userNoNumberNames);
  if (Number(row.conferenceNoNumberCount) > 0) {
    add('conferenceNoNumber', 'blocker', 'numbers', row.conferenceNoNumberCount, row.conferenceNoNumberNames);
  }
  if (Number(row.ringGroupNoMemberCount) > 0) {
    add('ringGroupNoMember', 'blocker', 'extensions', row.ringGroupNoMemberCount, row.ringGroupNoMemberNames);
  }
  if (costs.breaking.length > 0) {
    add('extensionReserved', 'blocker', 'extensions', costs.breaking.length, costs.breaking.slice(0, NAMES_SHOWN).map(breakingName));
  }
  if (!row.hasMain) add('noMainNumber', 'blocker', 'numbers');
  if (row.mainUnmapped) add('mainRingsNobody', 'blocker', 'numbers', 1, [formatNational(row.mainUnmapped)]);
  if (Number(row.noAnswerGoneCount) > 0) {
    add('noAnswerTargetGone', 'blocker', 'extensions', row.noAnswerGoneCount, row.noAnswerGoneNames);
  }
  const { deadEnds } = costs;
  if (deadEnds.numbers.length > 0) {
    add('numberFlowDeadEnd', 'blocker', 'numbers', deadEnds.numbers.length, deadEnds.numbers.slice(0, NAMES_SHOWN));
  }
  if (deadEnds.ringGroups.length > 0) {
    add('ringGroupDeadEnd', 'blocker', 'extensions', deadEnds.ringGroups.length, deadEnds.ringGroups.slice(0, NAMES_SHOWN));
  }
  const verified = new Set(row.verifiedCards);
  for (const card of SETUP_CARDS) {
    if (card !== 'review' && !verified.has(card)) add('cardNotVerified', 'blocker', card);
  }
  if (Number(row.appOnlyCount) > 0 && Number(row.freeDevices) > 0) {
    add('officeUserAppOnly', 'warning', 'team', row.appOnlyCount, row.appOnlyNames);
  }
  const unused = seatUsage(Number(row.officeSeats), Number(row.officeUsers)).free;
  if (unused > 0) add('seatsUnused', 'warning', 'licences', unused, [], times(unused, costs.seatMinor));
  const { unassigned } = costs;
  if (unassigned.count > 0) {
    add('numbersUnassigned', 'warning', 'numbers', unassigned.count, unassigned.names, unassigned.amountMinor);
  }
  return out;
}

export const blockersOf = (items: MissingItem[]) => items.filter((i) => i.severity === 'blocker');

/**
 * One sentence per item, in the user's language: the review list and Finish's refusal use it.
 * With `money` (the Review page), an item that costs something says how much a month.
 */
export function describeMissing(item: MissingItem, t: Translate, money?: (minor: number) => string): string {
  const more = item.count - item.names.length;
  const names =
    item.names.length === 0
      ? ''
      : more > 0
        ? t('review.missing.namesAndMore', { names: item.names.join(', '), more })
        : item.names.join(', ');
  const params = { count: item.count, names, card: t(`setup.cards.${item.card}.title`) };
  const sentence = isLeftover(item.code) ? t(`billing.missing.${item.code}`, params) : t(`review.missing.${item.code}`, params);
  if (!money || item.amountMinor === undefined) return sentence;
  return t('billing.missing.withCost', { sentence, price: money(item.amountMinor) });
}
