import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { extensions, ringGroupMembers, users, type Extension, type ExtensionType, type RingStrategy } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { fullName } from '@/lib/format/person';
import { loopThrough } from './loops';
import type { RingGroupForm } from './schema';

// The ring-group rules the actions share. Each runs inside the action's transaction, after
// lockCompany(), scoped to the actor's company, and throws an ActionError naming the field.

export type Person = { id: string; name: string; extension: string | null };

export type NoAnswerSnapshot =
  | { kind: 'voicemail'; name: string | null }
  | { kind: 'extension'; extension: string | null; name: string | null }
  | null;

/** What the history shows for a ring group: names and numbers an admin recognises, not ids. */
export type RingGroupSnapshot = {
  name: string;
  extension: string;
  strategy: RingStrategy | null;
  members: { name: string; extension: string | null; ringSeconds: number }[];
  noAnswer: NoAnswerSnapshot;
};

/** "Sales (500)": how messages name an extension. */
export const labelOf = (e: { name: string | null; number: string | null }) =>
  e.name ? (e.number ? `${e.name} (${e.number})` : e.name) : (e.number ?? '');

/** An extension of the actor's company (of `type` when given); anyone else's reads as not found. */
export async function loadExtension(tx: Tx, companyId: string, id: string, type?: ExtensionType): Promise<Extension> {
  const [row] = await tx
    .select()
    .from(extensions)
    .where(and(eq(extensions.id, id), eq(extensions.companyId, companyId), type ? eq(extensions.type, type) : undefined));
  if (!row) throw new ActionError('errors.notFound');
  return row;
}

/** The chosen members, all users of this company, or a field error on the member list. */
export async function loadMembers(tx: Tx, companyId: string, userIds: string[]): Promise<Map<string, Person>> {
  const rows = await tx
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, extension: extensions.number })
    .from(users)
    .leftJoin(extensions, and(eq(extensions.userId, users.id), eq(extensions.type, 'user')))
    .where(and(eq(users.companyId, companyId), inArray(users.id, userIds)));
  if (rows.length !== new Set(userIds).size) throw new ActionError('errors.memberNotFound', { field: 'members' });
  return new Map(rows.map((r) => [r.id, { id: r.id, name: fullName(r), extension: r.extension }]));
}

/** A target extension, named the way the table names it (a user extension by its user). */
async function describeExtension(tx: Tx, companyId: string, id: string) {
  const [row] = await tx
    .select({
      id: extensions.id,
      type: extensions.type,
      number: extensions.number,
      name: extensions.name,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(extensions)
    .leftJoin(users, eq(users.id, extensions.userId))
    .where(and(eq(extensions.id, id), eq(extensions.companyId, companyId)));
  if (!row) return undefined;
  return { ...row, name: row.firstName ? fullName({ firstName: row.firstName, lastName: row.lastName! }) : row.name };
}

/** Every ring group of the company and where its unanswered calls go. */
async function noAnswerGraph(tx: Tx, companyId: string) {
  const rows = await tx
    .select({ id: extensions.id, name: extensions.name, number: extensions.number, target: extensions.noAnswerExtensionId })
    .from(extensions)
    .where(and(eq(extensions.companyId, companyId), eq(extensions.type, 'ring_group')));
  return { edges: new Map(rows.map((r) => [r.id, r.target])), byId: new Map(rows.map((r) => [r.id, r])) };
}

export type ResolvedNoAnswer = {
  columns: Pick<Extension, 'noAnswerKind' | 'noAnswerUserId' | 'noAnswerExtensionId'>;
  snapshot: NoAnswerSnapshot;
};

/**
 * The no-answer target: a member's voicemail, or an extension of this company that is not the
 * group itself and does not send the calls back to it, directly or through other ring groups.
 */
export async function resolveNoAnswer(
  tx: Tx,
  companyId: string,
  group: { id?: string; name: string; extension: string },
  noAnswer: RingGroupForm['noAnswer'],
  members: Map<string, Person>,
): Promise<ResolvedNoAnswer> {
  if (noAnswer.kind === 'voicemail') {
    const member = members.get(noAnswer.userId);
    if (!member) throw new ActionError('errors.voicemailNotMember', { field: 'noAnswer' });
    return {
      columns: { noAnswerKind: 'voicemail', noAnswerUserId: member.id, noAnswerExtensionId: null },
      snapshot: { kind: 'voicemail', name: member.name },
    };
  }
  if (group.id && noAnswer.extensionId === group.id) throw new ActionError('errors.noAnswerSelf', { field: 'noAnswer' });
  const target = await describeExtension(tx, companyId, noAnswer.extensionId);
  if (!target) throw new ActionError('errors.notFound', { field: 'noAnswer' });
  if (group.id && target.type === 'ring_group') {
    const { edges, byId } = await noAnswerGraph(tx, companyId);
    const loop = loopThrough(group.id, target.id, edges);
    if (loop) {
      const names = loop.map((id) => (id === group.id ? labelOf({ name: group.name, number: group.extension }) : labelOf(byId.get(id)!)));
      throw new ActionError('errors.noAnswerLoop', { field: 'noAnswer', params: { loop: names.join(' → ') } });
    }
  }
  return {
    columns: { noAnswerKind: 'extension', noAnswerUserId: null, noAnswerExtensionId: target.id },
    snapshot: { kind: 'extension', extension: target.number, name: target.name },
  };
}

/** Replaces the member list, in the form's order. */
export async function writeMembers(tx: Tx, groupId: string, members: RingGroupForm['members']) {
  await tx.delete(ringGroupMembers).where(eq(ringGroupMembers.ringGroupId, groupId));
  if (members.length === 0) return;
  await tx.insert(ringGroupMembers).values(
    members.map((m, position) => ({ ringGroupId: groupId, userId: m.userId, position, ringSeconds: m.ringSeconds })),
  );
}

export function snapshotOf(
  group: { name: string; extension: string; strategy: RingStrategy | null },
  members: RingGroupForm['members'],
  people: Map<string, Person>,
  noAnswer: NoAnswerSnapshot,
): RingGroupSnapshot {
  return {
    name: group.name,
    extension: group.extension,
    strategy: group.strategy,
    members: members.map((m) => {
      const p = people.get(m.userId);
      return { name: p?.name ?? '', extension: p?.extension ?? null, ringSeconds: m.ringSeconds };
    }),
    noAnswer,
  };
}

/** The ring group as it is stored now, for the "before" of the history. */
export async function currentSnapshot(tx: Tx, companyId: string, group: Extension): Promise<RingGroupSnapshot> {
  const rows = await tx
    .select({
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      extension: extensions.number,
      ringSeconds: ringGroupMembers.ringSeconds,
    })
    .from(ringGroupMembers)
    .innerJoin(users, eq(users.id, ringGroupMembers.userId))
    .leftJoin(extensions, and(eq(extensions.userId, users.id), eq(extensions.type, 'user')))
    .where(eq(ringGroupMembers.ringGroupId, group.id))
    .orderBy(asc(ringGroupMembers.position));
  const people = new Map(rows.map((r) => [r.userId, { id: r.userId, name: fullName(r), extension: r.extension }]));
  let noAnswer: NoAnswerSnapshot = null;
  if (group.noAnswerKind === 'voicemail') {
    noAnswer = { kind: 'voicemail', name: group.noAnswerUserId ? (people.get(group.noAnswerUserId)?.name ?? null) : null };
  } else if (group.noAnswerKind === 'extension') {
    const target = group.noAnswerExtensionId ? await describeExtension(tx, companyId, group.noAnswerExtensionId) : undefined;
    noAnswer = { kind: 'extension', extension: target?.number ?? null, name: target?.name ?? null };
  }
  return snapshotOf(
    { name: group.name ?? '', extension: group.number, strategy: group.strategy },
    rows.map((r) => ({ userId: r.userId, ringSeconds: r.ringSeconds })),
    people,
    noAnswer,
  );
}

/** Ring groups whose unanswered calls go to `extensionId`: it cannot be deleted under them. */
export async function ringGroupsTargeting(tx: Tx, companyId: string, extensionId: string) {
  return tx
    .select({ id: extensions.id, name: extensions.name, number: extensions.number })
    .from(extensions)
    .where(and(eq(extensions.companyId, companyId), eq(extensions.noAnswerExtensionId, extensionId)))
    .orderBy(asc(extensions.number));
}
