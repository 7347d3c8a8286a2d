import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db';
import { auditLog, extensions, ringGroupMembers, setupProgress } from '@/db/schema';
import { runAction } from '@/lib/runner/run-action';
import type { ActionDef } from '@/lib/actions/define';
import type { RingGroupFormInput } from '@/lib/extensions/schema';
import { addMemberWithExtension } from './team';

/** Runs an action as `userId`, in English unless told. */
export function act<S extends z.ZodType, R>(def: ActionDef<S, R>, userId: string, input: unknown, locale: 'en' | 'fr' = 'en') {
  return runAction(def, { userId, locale, input });
}

/** `count` members with user extensions from `from` up (102, 103, ...), named Person 1, Person 2... */
export async function addPeople(companyId: string, count: number, from = 102) {
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push(
      await addMemberWithExtension(companyId, String(from + i), { firstName: 'Person', lastName: String(i + 1) }),
    );
  }
  return out;
}

/** What the ring-group dialog posts, as a plain object (members and noAnswer not JSON-encoded). */
export function ringGroupInput(
  userIds: string[],
  overrides: Partial<RingGroupFormInput> & Record<string, unknown> = {},
): RingGroupFormInput {
  return {
    name: 'Sales',
    extension: '500',
    strategy: 'simultaneous',
    members: userIds.map((userId) => ({ userId, ringSeconds: 20 })),
    noAnswer: { kind: 'voicemail', userId: userIds[0] ?? '' },
    ...overrides,
  };
}

export async function extensionRow(id: string) {
  const [row] = await db().select().from(extensions).where(eq(extensions.id, id));
  return row;
}

export async function membersOf(ringGroupId: string) {
  return db()
    .select({ userId: ringGroupMembers.userId, position: ringGroupMembers.position, ringSeconds: ringGroupMembers.ringSeconds })
    .from(ringGroupMembers)
    .where(eq(ringGroupMembers.ringGroupId, ringGroupId))
    .orderBy(asc(ringGroupMembers.position));
}

/** Every row an extensions action could write, to prove a refusal wrote nothing. */
export async function extensionsSnapshot(companyId: string) {
  const [exts, members, progress, entries] = await Promise.all([
    db().select().from(extensions).where(eq(extensions.companyId, companyId)).orderBy(asc(extensions.number)),
    db()
      .select({ m: ringGroupMembers })
      .from(ringGroupMembers)
      .innerJoin(extensions, eq(extensions.id, ringGroupMembers.ringGroupId))
      .where(eq(extensions.companyId, companyId))
      .orderBy(asc(ringGroupMembers.ringGroupId), asc(ringGroupMembers.position)),
    db().select().from(setupProgress).where(eq(setupProgress.companyId, companyId)).orderBy(asc(setupProgress.card)),
    db().select().from(auditLog).where(eq(auditLog.companyId, companyId)).orderBy(asc(auditLog.id)),
  ]);
  return { exts, members, progress, entries };
}
