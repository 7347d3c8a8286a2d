import { and, count, desc, eq } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { auditLog, type SetupCard } from '@/db/schema';
import type { Actor } from '@/lib/actions/run-action';

export type AuditChange = {
  card: SetupCard;
  action: string;
  target?: string;
  before?: unknown;
  after?: unknown;
};

/** Every change to setup writes who, what, before, after, when, inside the change's transaction. */
export async function audit(tx: Tx, actor: Actor, change: AuditChange) {
  await tx.insert(auditLog).values({
    companyId: actor.companyId,
    actorId: actor.id,
    actorName: actor.name,
    card: change.card,
    action: change.action,
    target: change.target ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

/** Only the fields that changed, so the history says what moved from what to what. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

export async function getAuditEntries(companyId: string, card: SetupCard, page = 1, pageSize = 20) {
  const where = and(eq(auditLog.companyId, companyId), eq(auditLog.card, card));
  const [rows, [{ total }]] = await Promise.all([
    db()
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db().select({ total: count() }).from(auditLog).where(where),
  ]);
  return { rows, total };
}
