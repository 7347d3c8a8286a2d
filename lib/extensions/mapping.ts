import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { extensions, phoneNumbers } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { formatNational } from '@/lib/format/phone';

/**
 * Refuses to delete a ring group while a phone number rings it: the number would be left
 * ringing nothing, and a number is mapped to a ring group only on purpose. Says which numbers.
 * A conference bridge's number (its automatic direct number, or any mapped there) stays in the
 * company, unassigned (FK on delete set null), like a removed user's: never silently released.
 * Runs inside the delete's transaction, after the company lock, so a number cannot be mapped
 * between this check and the delete.
 */
export async function assertNotMapped(tx: Tx, extensionId: string, decided: ReadonlySet<string> = new Set()): Promise<void> {
  const rows = await tx
    .select({ id: phoneNumbers.id, e164: phoneNumbers.e164 })
    .from(phoneNumbers)
    .innerJoin(extensions, and(eq(extensions.id, phoneNumbers.extensionId), eq(extensions.companyId, phoneNumbers.companyId)))
    .where(and(eq(phoneNumbers.extensionId, extensionId), eq(phoneNumbers.status, 'owned'), eq(extensions.type, 'ring_group')))
    .orderBy(asc(phoneNumbers.e164));
  // Numbers the admin decided about in the confirm dialog (moved, kept, released) are handled.
  const mapped = rows.filter((r) => !decided.has(r.id));
  if (mapped.length === 0) return;
  throw new ActionError('errors.extensionMapped', {
    params: { count: mapped.length, numbers: mapped.map((n) => formatNational(n.e164)).join(', ') },
  });
}
