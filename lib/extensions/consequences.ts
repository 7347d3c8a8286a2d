import { and, asc, eq, inArray, or } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import type { Db, Tx } from '@/db';
import { extensions, ringGroupMembers, users } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import type { CardWriter } from '@/lib/actions/define';
import { fullName, fullNameOrNull } from '@/lib/format/person';
import { uuidField } from '@/lib/forms/fields';
import { decodeJsonFields } from '@/lib/forms/json-fields';
import { defineAction } from '@/lib/actions/define';
import { numberDecisionSchema, numbersRinging, type NumbersImpact } from '@/lib/numbers/consequences';
import { labelOf, resolveNoAnswer, type NoAnswerSnapshot, type Person } from './ring-groups';
import { extensionIdSchema, noAnswerSchema } from './schema';

// What a change does to the ring groups around it (a removed user, a deleted extension): the
// groups it is a member of, and the groups whose unanswered calls go to it. The admin picks a
// new no-answer target (or none) per group in the confirm dialog; the action applies them.

/** A new no-answer target for one ring group whose target is going away; null: none. */
export const noAnswerDecisionSchema = z.object({
  ringGroupId: uuidField(),
  target: noAnswerSchema.nullable(),
});
export type NoAnswerDecision = z.output<typeof noAnswerDecisionSchema>;

/** Delete a ring group or bridge: the id, and the admin's decisions from the confirm dialog. */
export const deleteExtensionSchema = z.preprocess(
  decodeJsonFields(['numbers', 'noAnswer']),
  z.object({
    id: uuidField('errors.notFound'),
    numbers: z.array(numberDecisionSchema).max(200).default([]),
    noAnswer: z.array(noAnswerDecisionSchema).max(200).default([]),
  }),
);
export type DeleteExtensionInput = z.output<typeof deleteExtensionSchema>;

export type AffectedRingGroup = { id: string; name: string; number: string; label: string };
/** A ring group whose no-answer target is going away, and the people who could take it over. */
export type BrokenNoAnswer = AffectedRingGroup & {
  kind: 'voicemail' | 'extension';
  /** Its other members: their voicemail can become the target. */
  members: Person[];
};

export type RingGroupImpact = { memberOf: AffectedRingGroup[]; noAnswer: BrokenNoAnswer[] };

const group = (r: { id: string; name: string | null; number: string }): AffectedRingGroup => ({
  id: r.id,
  name: r.name ?? '',
  number: r.number,
  label: labelOf(r),
});

/** Ring groups `gone` (a user and/or extensions about to disappear) leaves changed. */
export async function ringGroupImpact(
  exec: Db | Tx,
  companyId: string,
  gone: { userId?: string; extensionIds: readonly string[] },
): Promise<RingGroupImpact> {
  const memberOf = gone.userId
    ? await exec
        .select({ id: extensions.id, name: extensions.name, number: extensions.number })
        .from(ringGroupMembers)
        .innerJoin(extensions, eq(extensions.id, ringGroupMembers.ringGroupId))
        .where(and(eq(extensions.companyId, companyId), eq(ringGroupMembers.userId, gone.userId)))
        .orderBy(asc(extensions.number))
    : [];
  const targets = [
    gone.userId ? and(eq(extensions.noAnswerKind, 'voicemail'), eq(extensions.noAnswerUserId, gone.userId)) : undefined,
    gone.extensionIds.length > 0
      ? and(eq(extensions.noAnswerKind, 'extension'), inArray(extensions.noAnswerExtensionId, [...gone.extensionIds]))
      : undefined,
  ].filter((c) => c !== undefined);
  const broken =
    targets.length === 0
      ? []
      : await exec
          .select({ id: extensions.id, name: extensions.name, number: extensions.number, kind: extensions.noAnswerKind })
          .from(extensions)
          .where(
            and(
              eq(extensions.companyId, companyId),
              eq(extensions.type, 'ring_group'),
              or(...targets),
            ),
          )
          .orderBy(asc(extensions.number));
  // A group that is itself going away needs no new target.
  const live = broken.filter((b) => !gone.extensionIds.includes(b.id));
  const members = await membersOf(exec, companyId, live.map((b) => b.id), gone.userId);
  return {
    memberOf: memberOf.map(group),
    noAnswer: live.map((b) => ({ ...group(b), kind: b.kind ?? 'extension', members: members.get(b.id) ?? [] })),
  };
}

async function membersOf(exec: Db | Tx, companyId: string, groupIds: string[], except?: string) {
  const out = new Map<string, Person[]>();
  if (groupIds.length === 0) return out;
  const rows = await exec
    .select({
      groupId: ringGroupMembers.ringGroupId,
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      extension: extensions.number,
    })
    .from(ringGroupMembers)
    .innerJoin(users, eq(users.id, ringGroupMembers.userId))
    .leftJoin(extensions, and(eq(extensions.userId, users.id), eq(extensions.type, 'user')))
    .where(and(eq(users.companyId, companyId), inArray(ringGroupMembers.ringGroupId, groupIds)))
    .orderBy(asc(ringGroupMembers.position));
  for (const r of rows) {
    if (r.id === except) continue;
    out.set(r.groupId, [...(out.get(r.groupId) ?? []), { id: r.id, name: fullName(r), extension: r.extension }]);
  }
  return out;
}

/**
 * Before `gone` disappears: each ring group it was a member of, and each whose no-answer target
 * it was, gets its line in the Extensions card's history; the broken targets take the admin's
 * decision (none when not decided, as before decisions existed). A decision about another group,
 * or a target that is going away, outside the company or not a member, refuses the whole change.
 */
export async function applyRingGroupDecisions(
  w: CardWriter,
  gone: { userId?: string; extensionIds: readonly string[] },
  decisions: readonly NoAnswerDecision[],
): Promise<void> {
  const { tx, company } = w;
  const impact = await ringGroupImpact(tx, company.id, gone);
  const broken = new Map(impact.noAnswer.map((b) => [b.id, b]));
  const decided = new Map<string, NoAnswerDecision['target']>();
  for (const d of decisions) {
    if (!broken.has(d.ringGroupId) || decided.has(d.ringGroupId)) throw new ActionError('errors.notFound', { field: 'noAnswer' });
    decided.set(d.ringGroupId, d.target);
  }

  // One Extensions history line per ring group, with what changed in it: its members, its target.
  const changes = new Map<string, { label: string; number: string; before: Record<string, unknown>; after: Record<string, unknown> }>();
  const changeOf = (g: AffectedRingGroup) => {
    const c = changes.get(g.id) ?? { label: g.label, number: g.number, before: {}, after: {} };
    changes.set(g.id, c);
    return c;
  };
  const memberGroups = impact.memberOf.filter((g) => !gone.extensionIds.includes(g.id));
  const everyone = await membersOf(tx, company.id, memberGroups.map((g) => g.id));
  for (const g of memberGroups) {
    const people = everyone.get(g.id) ?? [];
    const c = changeOf(g);
    c.before.members = people.map((p) => p.name);
    c.after.members = people.filter((p) => p.id !== gone.userId).map((p) => p.name);
  }

  for (const b of broken.values()) {
    const target = decided.get(b.id) ?? null;
    if (target && target.kind === 'extension' && gone.extensionIds.includes(target.extensionId)) {
      throw new ActionError('consequences.errors.noAnswerGone', { field: 'noAnswer' });
    }
    const resolved = target
      ? await resolveNoAnswer(tx, company.id, { id: b.id, name: b.name, extension: b.number }, target, new Map(b.members.map((m) => [m.id, m])))
      : null;
    const [row] = await tx
      .select({ kind: extensions.noAnswerKind, userId: extensions.noAnswerUserId, extensionId: extensions.noAnswerExtensionId })
      .from(extensions)
      .where(eq(extensions.id, b.id));
    const c = changeOf(b);
    c.before.noAnswer = await targetName(tx, company.id, row);
    c.after.noAnswer = resolved ? snapshotName(resolved.snapshot) : null;
    await tx
      .update(extensions)
      .set(resolved?.columns ?? { noAnswerKind: null, noAnswerUserId: null, noAnswerExtensionId: null })
      .where(and(eq(extensions.id, b.id), eq(extensions.companyId, company.id)));
  }

  const ordered = [...changes.values()].sort((a, b) => a.number.length - b.number.length || a.number.localeCompare(b.number));
  await w.record(
    ordered.map((c) => ({ card: 'extensions' as const, action: 'ring_group.updated', target: c.label, before: c.before, after: c.after })),
  );
}

function snapshotName(s: NoAnswerSnapshot) {
  if (!s) return null;
  return s.kind === 'voicemail' ? s.name : labelOf({ name: s.name, number: s.extension });
}

async function targetName(
  tx: Tx,
  companyId: string,
  row: { kind: string | null; userId: string | null; extensionId: string | null } | undefined,
): Promise<string | null> {
  if (row?.kind === 'voicemail' && row.userId) {
    const [u] = await tx
      .select({ firstName: users.firstName, lastName: users.lastName })
      .from(users)
      .where(and(eq(users.id, row.userId), eq(users.companyId, companyId)));
    return u ? fullName(u) : null;
  }
  if (row?.kind === 'extension' && row.extensionId) {
    const [e] = await tx
      .select({ name: extensions.name, number: extensions.number, firstName: users.firstName, lastName: users.lastName })
      .from(extensions)
      .leftJoin(users, eq(users.id, extensions.userId))
      .where(and(eq(extensions.id, row.extensionId), eq(extensions.companyId, companyId)));
    return e ? labelOf({ name: fullNameOrNull(e) ?? e.name, number: e.number }) : null;
  }
  return null;
}

export type ExtensionDeletionImpact = RingGroupImpact & NumbersImpact;

/** Read-only: what the delete dialog of a ring group or bridge lists when it opens. */
export const deleteExtensionImpact = defineAction({
  role: 'admin',
  schema: extensionIdSchema,
  async handler(input, { tx, actor }): Promise<ExtensionDeletionImpact> {
    const [row] = await tx
      .select({ id: extensions.id })
      .from(extensions)
      .where(and(eq(extensions.id, input.id), eq(extensions.companyId, actor.companyId), inArray(extensions.type, ['ring_group', 'conference'])));
    if (!row) throw new ActionError('errors.notFound');
    const groups = await ringGroupImpact(tx, actor.companyId, { extensionIds: [row.id] });
    return { ...groups, ...(await numbersRinging(tx, actor.companyId, [row.id])) };
  },
});
