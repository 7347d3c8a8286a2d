import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { extensions, phoneNumbers } from '@/db/schema';
import type { CardWriter } from '@/lib/actions/define';
import { ActionError } from '@/lib/actions/errors';
import { formatNational } from '@/lib/format/phone';
import { extensionLabels } from './labels';

// What an owned number rings and which one is main: one home for the Phone numbers tab's
// controls and for Buy, which does both in the purchase's own transaction.

type Owned = { id: string; e164: string; extensionId: string | null };

/** An extension of this company, or a field message on `field`. */
export async function assertCompanyExtension(tx: Tx, companyId: string, id: string, field: string) {
  const [extension] = await tx
    .select({ id: extensions.id })
    .from(extensions)
    .where(and(eq(extensions.id, id), eq(extensions.companyId, companyId)));
  if (!extension) throw new ActionError('errors.extensionNotFound', { field });
}

/** Points owned numbers at an extension (null: unassigned), one history line per number that changed. */
export async function routeNumbers(w: CardWriter, numbers: readonly Owned[], target: string | null) {
  const changed = numbers.filter((n) => n.extensionId !== target);
  if (changed.length === 0) return;
  const ids = [...new Set([target, ...changed.map((n) => n.extensionId)].filter((x): x is string => !!x))];
  const labels = await extensionLabels(w.tx, w.company.id, ids);
  for (const number of changed) {
    await w.tx
      .update(phoneNumbers)
      .set({ extensionId: target })
      .where(and(eq(phoneNumbers.id, number.id), eq(phoneNumbers.companyId, w.company.id)));
  }
  await w.record(
    changed.map((number) => ({
      card: 'numbers' as const,
      action: 'number.mapped',
      target: formatNational(number.e164),
      before: { extension: number.extensionId ? (labels.get(number.extensionId) ?? null) : null },
      after: { extension: target ? (labels.get(target) ?? null) : null },
    })),
  );
}

/** The main number moves to this owned number; it is never cleared. */
export async function moveMainNumber(w: CardWriter, number: { id: string; e164: string }) {
  const [previous] = await w.tx
    .update(phoneNumbers)
    .set({ isMain: false })
    .where(and(eq(phoneNumbers.companyId, w.company.id), eq(phoneNumbers.isMain, true)))
    .returning({ id: phoneNumbers.id, e164: phoneNumbers.e164 });
  await w.tx.update(phoneNumbers).set({ isMain: true }).where(eq(phoneNumbers.id, number.id));
  if (previous?.id === number.id) return;
  await w.record({
    card: 'numbers',
    action: 'number.mainChanged',
    target: formatNational(number.e164),
    before: { main: previous ? formatNational(previous.e164) : null },
    after: { main: formatNational(number.e164) },
  });
}
