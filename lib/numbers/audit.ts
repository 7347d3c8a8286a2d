import type { Tx } from '@/db';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/actions/run-action';

export type NumbersChange = { action: string; target?: string; before?: unknown; after?: unknown };

/** Who the history names for changes nobody clicked (the start-up backfill). */
export const SYSTEM_ACTOR_NAME = 'Switchboard';

/**
 * Audit entries of the Phone numbers card, in the change's transaction, in one INSERT however
 * many (an import assigns hundreds of numbers at once). `actor` null: done by the system.
 */
export async function auditNumbers(tx: Tx, companyId: string, actor: Actor | null, changes: NumbersChange[]) {
  if (changes.length === 0) return;
  const rows = changes.map((c) => ({
    companyId,
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? SYSTEM_ACTOR_NAME,
    card: 'numbers' as const,
    action: c.action,
    target: c.target ?? null,
    before: c.before ?? null,
    after: c.after ?? null,
  }));
  for (let i = 0; i < rows.length; i += 1_000) await tx.insert(auditLog).values(rows.slice(i, i + 1_000));
}
