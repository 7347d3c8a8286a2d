import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Db } from '@/db';
import { first } from '@/db/rows';
import {
  companies,
  extensions,
  ringGroupMembers,
  users,
  type ExtensionType,
  type RingStrategy,
} from '@/db/schema';
import type { CountryCode } from '@/lib/countries/rules';
import { fullName, fullNameOrNull } from '@/lib/format/person';
import { LIST_PAGE_SIZE, pageInfo, pageTotal } from '@/lib/format/pages';
import { formatNational } from '@/lib/format/phone';
import { personSearch } from '@/lib/format/search';
import { directNumberSql } from '@/lib/numbers/queries';
import { findLoops } from './loops';
import { nextFree, type ExtensionLength } from './numbering';

export type ExtensionMember = { userId: string; name: string; extension: string | null; ringSeconds: number };

/** Where a ring group's unanswered calls go; `missing` once its target was removed. */
export type NoAnswerView =
  | { kind: 'voicemail'; userId: string; name: string }
  | { kind: 'extension'; extensionId: string; number: string; type: ExtensionType; name: string }
  | { kind: 'missing' };

export type ExtensionRow = {
  id: string;
  number: string;
  type: ExtensionType;
  /** The user's full name for a user extension, the extension's own name otherwise. */
  name: string;
  userId: string | null;
  ringGroup: { strategy: RingStrategy; members: ExtensionMember[]; noAnswer: NoAnswerView } | null;
  conference: { maxParticipants: number } | null;
  /** The public number that rings it (its first direct number), in national format. */
  directNumber: string | null;
};

const byNumber = [sql`length(${extensions.number})`, asc(extensions.number)];

export type ExtensionsSearch = { type?: ExtensionType; q?: string; page?: number; pageSize?: number };

/**
 * Everything the Extensions card lists, in four statements whatever the company's size: one page
 * of its extensions (searched and filtered, with what each rings and its no-answer target, and
 * `count(*) over()` for the total of a search), that page's ring groups' ordered members, and the company's
 * numbering rules with its counts per type and every number it uses (so the filter counts and the
 * next free numbers are over the whole company, never the page).
 */
export async function getExtensionsCardData(companyId: string, params: ExtensionsSearch = {}, exec: Db = db()) {
  const target = alias(extensions, 'no_answer_target');
  const targetUser = alias(users, 'no_answer_target_user');
  const voicemailUser = alias(users, 'no_answer_voicemail_user');
  const size = Math.min(Math.max(1, Math.floor(params.pageSize ?? LIST_PAGE_SIZE)), 200);
  const current = Math.max(1, Math.floor(params.page ?? 1));
  const search = personSearch(params.q ?? '', {
    firstName: users.firstName,
    lastName: users.lastName,
    email: users.email,
    extension: extensions.number,
    also: [extensions.name],
  });
  const where = and(eq(extensions.companyId, companyId), params.type ? eq(extensions.type, params.type) : undefined, search);

  const [rows, company] = await Promise.all([
    exec
      .select({
        id: extensions.id,
        number: extensions.number,
        type: extensions.type,
        name: extensions.name,
        userId: extensions.userId,
        firstName: users.firstName,
        lastName: users.lastName,
        strategy: extensions.strategy,
        noAnswerKind: extensions.noAnswerKind,
        noAnswerUserId: extensions.noAnswerUserId,
        noAnswerExtensionId: extensions.noAnswerExtensionId,
        maxParticipants: extensions.maxParticipants,
        directNumber: directNumberSql(extensions.id, extensions.companyId),
        targetNumber: target.number,
        targetType: target.type,
        targetName: target.name,
        targetFirstName: targetUser.firstName,
        targetLastName: targetUser.lastName,
        voicemailFirstName: voicemailUser.firstName,
        voicemailLastName: voicemailUser.lastName,
        // Without a search the counts per type are the total, and the page comes off
        // extensions_company_order_idx without reading the rest of the company.
        total: (search ? sql<number>`count(*) over()` : sql<number>`0`).mapWith(Number),
      })
      .from(extensions)
      .leftJoin(users, and(eq(users.id, extensions.userId), eq(users.companyId, extensions.companyId)))
      .leftJoin(target, and(eq(target.id, extensions.noAnswerExtensionId), eq(target.companyId, extensions.companyId)))
      .leftJoin(targetUser, eq(targetUser.id, target.userId))
      .leftJoin(
        voicemailUser,
        and(eq(voicemailUser.id, extensions.noAnswerUserId), eq(voicemailUser.companyId, extensions.companyId)),
      )
      .where(where)
      .orderBy(...byNumber, asc(extensions.id))
      .limit(size)
      .offset((current - 1) * size),
    exec
      .select({
        extensionLength: companies.extensionLength,
        country: companies.country,
        // The id as a parameter: drizzle writes a single-table select's columns unqualified.
        counts: sql<Record<string, number> | null>`(select json_object_agg(t.type, t.n) from (select ${extensions.type} as type, count(*)::int as n
          from ${extensions} where ${extensions.companyId} = ${companyId} group by ${extensions.type}) t)`,
        used: sql<string[]>`array(select ${extensions.number} from ${extensions} where ${extensions.companyId} = ${companyId})`,
      })
      .from(companies)
      .where(eq(companies.id, companyId))
      .then(first),
  ]);
  const members = await ringGroupMembersOf(rows.filter((r) => r.type === 'ring_group').map((r) => r.id), exec);

  const pageRows: ExtensionRow[] = rows.map((r) => {
    let noAnswer: NoAnswerView = { kind: 'missing' };
    if (r.noAnswerKind === 'voicemail' && r.noAnswerUserId && r.voicemailFirstName !== null) {
      noAnswer = { kind: 'voicemail', userId: r.noAnswerUserId, name: fullNameOrNull({ firstName: r.voicemailFirstName, lastName: r.voicemailLastName })! };
    } else if (r.noAnswerKind === 'extension' && r.noAnswerExtensionId && r.targetNumber !== null) {
      noAnswer = {
        kind: 'extension',
        extensionId: r.noAnswerExtensionId,
        number: r.targetNumber,
        type: r.targetType!,
        name: fullNameOrNull({ firstName: r.targetFirstName, lastName: r.targetLastName }) ?? r.targetName ?? '',
      };
    }
    return {
      id: r.id,
      number: r.number,
      type: r.type,
      name: fullNameOrNull(r) ?? r.name ?? '',
      userId: r.userId,
      ringGroup:
        r.type === 'ring_group'
          ? { strategy: r.strategy ?? 'simultaneous', members: members.get(r.id) ?? [], noAnswer }
          : null,
      conference: r.type === 'conference' ? { maxParticipants: r.maxParticipants ?? 10 } : null,
      directNumber: r.directNumber ? formatNational(r.directNumber) : null,
    };
  });

  const rules = { length: company.extensionLength as ExtensionLength, country: company.country as CountryCode };
  const counts = { user: 0, ring_group: 0, conference: 0 } as Record<ExtensionType, number>;
  for (const [type, n] of Object.entries(company.counts ?? {})) counts[type as ExtensionType] = Number(n);
  // Without a search the company's counts are the total; with one, the page's rows carry it.
  const total = search
    ? await pageTotal(rows, current, async () =>
        first(
          await exec
            .select({ total: count() })
            .from(extensions)
            .leftJoin(users, and(eq(users.id, extensions.userId), eq(users.companyId, extensions.companyId)))
            .where(where),
        ).total,
      )
    : params.type
      ? counts[params.type]
      : counts.user + counts.ring_group + counts.conference;
  return {
    rows: pageRows,
    ...pageInfo(current, total, size),
    counts,
    next: {
      user: nextFree('user', rules, company.used) ?? null,
      ring_group: nextFree('ring_group', rules, company.used) ?? null,
      conference: nextFree('conference', rules, company.used) ?? null,
    },
  };
}

/** The ordered members of the ring groups `groupIds` (one page's), in one statement. */
async function ringGroupMembersOf(groupIds: string[], exec: Db): Promise<Map<string, ExtensionMember[]>> {
  const group = alias(extensions, 'member_of');
  const memberExtension = alias(extensions, 'member_extension');
  // Always one statement, even for a page without ring groups: the card's cost stays the same.
  const memberRows = await exec
    .select({
      ringGroupId: ringGroupMembers.ringGroupId,
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      extension: memberExtension.number,
      ringSeconds: ringGroupMembers.ringSeconds,
    })
    .from(ringGroupMembers)
    .innerJoin(group, eq(group.id, ringGroupMembers.ringGroupId))
    .innerJoin(users, and(eq(users.id, ringGroupMembers.userId), eq(users.companyId, group.companyId)))
    .leftJoin(memberExtension, and(eq(memberExtension.userId, users.id), eq(memberExtension.type, 'user')))
    .where(inArray(ringGroupMembers.ringGroupId, groupIds))
    .orderBy(asc(ringGroupMembers.ringGroupId), asc(ringGroupMembers.position));
  const members = new Map<string, ExtensionMember[]>();
  for (const m of memberRows) {
    const list = members.get(m.ringGroupId) ?? [];
    list.push({ userId: m.userId, name: fullName(m), extension: m.extension, ringSeconds: m.ringSeconds });
    members.set(m.ringGroupId, list);
  }
  return members;
}

export type ExtensionsCardData = Awaited<ReturnType<typeof getExtensionsCardData>>;

export type ExtensionWarning = {
  kind: 'noMembers' | 'noAnswerMissing' | 'loop';
  id: string;
  name: string;
  number: string;
};

/**
 * What the setup page flags about ring groups, in one statement: a group left with no member
 * (its last member was removed on the Team card), a group whose no-answer target was removed,
 * and a no-answer loop (which the actions refuse, so only a data fix could leave one).
 */
export async function getExtensionWarnings(companyId: string, exec: Db = db()): Promise<ExtensionWarning[]> {
  const groups = await exec
    .select({
      id: extensions.id,
      name: extensions.name,
      number: extensions.number,
      noAnswerKind: extensions.noAnswerKind,
      noAnswerUserId: extensions.noAnswerUserId,
      noAnswerExtensionId: extensions.noAnswerExtensionId,
      members: count(ringGroupMembers.userId),
    })
    .from(extensions)
    .leftJoin(ringGroupMembers, eq(ringGroupMembers.ringGroupId, extensions.id))
    .where(and(eq(extensions.companyId, companyId), eq(extensions.type, 'ring_group')))
    .groupBy(extensions.id)
    .orderBy(...byNumber);

  const warnings: ExtensionWarning[] = [];
  const looping = new Set(findLoops(new Map(groups.map((g) => [g.id, g.noAnswerExtensionId]))).map((l) => l.groupId));
  for (const g of groups) {
    const base = { id: g.id, name: g.name ?? g.number, number: g.number };
    if (g.members === 0) warnings.push({ kind: 'noMembers', ...base });
    const target = g.noAnswerKind === 'voicemail' ? g.noAnswerUserId : g.noAnswerExtensionId;
    // An empty group has lost its voicemail member too: "no members" already says it all.
    if (!target && (g.members > 0 || g.noAnswerKind === 'extension')) warnings.push({ kind: 'noAnswerMissing', ...base });
    if (looping.has(g.id)) warnings.push({ kind: 'loop', ...base });
  }
  return warnings;
}
