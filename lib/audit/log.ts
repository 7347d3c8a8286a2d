import type { Tx } from '@/db';
import { auditLog, type SetupCard } from '@/db/schema';
import type { Actor, AuditEntry } from '@/lib/actions/define';

/** Who the history names for changes nobody clicked (the start-up backfill). */
export const SYSTEM_ACTOR_NAME = 'Switchboard';

/**
 * Every change to setup writes who, what, before, after, when, inside the change's transaction:
 * in one INSERT per thousand entries however many (an import writes hundreds at once).
 * `actor` null: done by the system.
 */
export async function writeAudit(
  tx: Tx,
  scope: { companyId: string; actor: Actor | null; card: SetupCard },
  entries: AuditEntry[],
) {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    companyId: scope.companyId,
    actorId: scope.actor?.id ?? null,
    actorName: scope.actor?.name ?? SYSTEM_ACTOR_NAME,
    card: e.card ?? scope.card,
    action: e.action,
    target: e.target ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
  }));
  for (let i = 0; i < rows.length; i += 1_000) await tx.insert(auditLog).values(rows.slice(i, i + 1_000));
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
