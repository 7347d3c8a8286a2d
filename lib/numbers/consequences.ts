import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import type { Db, Tx } from '@/db';
import { extensions, phoneNumbers, type ExtensionType } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import type { CardWriter } from '@/lib/actions/define';
import { formatNational } from '@/lib/format/phone';
import { uuidField } from '@/lib/forms/fields';
import { computeBill, loadBillingRows } from '@/lib/prices/billing';
import { companyPrices } from '@/lib/prices/price-list';
import { extensionLabels } from './labels';

// What happens to the numbers a change leaves without an extension (a removed user, a user
// switched to Free, a deleted ring group or bridge): the admin decides per number in the
// confirm dialog, and the action applies every decision in its own transaction.

export const NUMBER_CHOICES = ['move', 'keep', 'release'] as const;
export type NumberChoice = (typeof NUMBER_CHOICES)[number];

/** One decision: move to another extension of the company, keep it unassigned, or release it. */
export const numberDecisionSchema = z.discriminatedUnion(
  'choice',
  [
    z.object({ numberId: uuidField(), choice: z.literal('move'), extensionId: uuidField('consequences.errors.moveTarget') }),
    z.object({ numberId: uuidField(), choice: z.literal('keep') }),
    z.object({ numberId: uuidField(), choice: z.literal('release') }),
  ],
  { error: 'consequences.errors.choice' },
);
export type NumberDecision = z.output<typeof numberDecisionSchema>;

/** A number a change affects, as the dialog lists it. */
export type AffectedNumber = {
  id: string;
  e164: string;
  national: string;
  isMain: boolean;
  /** What it will cost a month if kept unassigned (0: it stays included with someone). */
  keepMonthlyMinor: number;
};

/** An extension a number can move to (or a no-answer target), named like the tab names it. */
export type ExtensionTarget = { id: string; type: ExtensionType; label: string };

/** The company's extensions except `exclude` (the ones going away), in extension order. */
export async function extensionTargets(exec: Db | Tx, companyId: string, exclude: readonly string[]): Promise<ExtensionTarget[]> {
  const rows = await exec
    .select({ id: extensions.id, type: extensions.type })
    .from(extensions)
    .where(and(eq(extensions.companyId, companyId), exclude.length > 0 ? notInArray(extensions.id, [...exclude]) : undefined))
    .orderBy(sql`length(${extensions.number})`, asc(extensions.number));
  const labels = await extensionLabels(exec, companyId, rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, type: r.type, label: labels.get(r.id) ?? '' }));
}

export type NumbersImpact = { numbers: AffectedNumber[]; currency: string; targets: ExtensionTarget[] };

/**
 * The owned numbers that ring `extensionIds`, with what each costs a month once those
 * extensions (and the included numbers they bring) are gone and the number rings nobody, and
 * the extensions the dialog offers to move them to.
 */
export async function numbersRinging(exec: Db | Tx, companyId: string, extensionIds: readonly string[]): Promise<NumbersImpact> {
  const prices = await companyPrices(exec, companyId);
  const targets = await extensionTargets(exec, companyId, extensionIds);
  if (extensionIds.length === 0) return { numbers: [], currency: prices.currency, targets };
  const rows = await exec
    .select({ id: phoneNumbers.id, e164: phoneNumbers.e164, isMain: phoneNumbers.isMain })
    .from(phoneNumbers)
    .where(
      and(
        eq(phoneNumbers.companyId, companyId),
        eq(phoneNumbers.status, 'owned'),
        inArray(phoneNumbers.extensionId, [...extensionIds]),
      ),
    )
    .orderBy(phoneNumbers.e164);
  if (rows.length === 0) return { numbers: [], currency: prices.currency, targets };
  // The bill as it will be: these numbers unassigned, the gone extensions without their allowance.
  const billing = await loadBillingRows(exec, companyId);
  const affected = new Set(rows.map((r) => r.id));
  const gone = new Set(extensionIds);
  const bill = computeBill({
    ...billing,
    numbers: billing.numbers.map((n) => (affected.has(n.id) ? { ...n, extensionId: null } : n)),
    holders: billing.holders.filter((h) => !gone.has(h.extensionId)),
    prices: prices.monthlyMinor,
  });
  return {
    currency: prices.currency,
    targets,
    numbers: rows.map((r) => ({
      id: r.id,
      e164: r.e164,
      national: formatNational(r.e164),
      isMain: r.isMain,
      keepMonthlyMinor: bill.numbers.get(r.id)?.monthlyMinor ?? 0,
    })),
  };
}

/**
 * Applies the admin's decisions to the numbers that ring `fromExtensionIds` (a number with no
 * decision is kept unassigned, as before decisions existed). A decision about any other number,
 * a move to an extension outside the company or to one that is going away, or releasing the
 * main number refuses the whole change. Each number's change is a line of the Phone numbers
 * card's history. Call before the extensions are deleted (their names are read here).
 */
export async function applyNumberDecisions(
  w: CardWriter,
  fromExtensionIds: readonly string[],
  decisions: readonly NumberDecision[],
): Promise<void> {
  const { tx, company } = w;
  const rows =
    fromExtensionIds.length === 0
      ? []
      : await tx
          .select()
          .from(phoneNumbers)
          .where(
            and(
              eq(phoneNumbers.companyId, company.id),
              eq(phoneNumbers.status, 'owned'),
              inArray(phoneNumbers.extensionId, [...fromExtensionIds]),
            ),
          )
          .orderBy(phoneNumbers.e164)
          .for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const decided = new Map<string, NumberDecision>();
  for (const d of decisions) {
    if (!byId.has(d.numberId) || decided.has(d.numberId)) throw new ActionError('errors.notFound', { field: 'numbers' });
    decided.set(d.numberId, d);
  }
  const targets = [...new Set([...decided.values()].flatMap((d) => (d.choice === 'move' ? [d.extensionId] : [])))];
  if (targets.some((id) => fromExtensionIds.includes(id))) throw new ActionError('consequences.errors.moveTarget', { field: 'numbers' });
  if (targets.length > 0) {
    const found = await tx
      .select({ id: extensions.id })
      .from(extensions)
      .where(and(eq(extensions.companyId, company.id), inArray(extensions.id, targets)));
    if (found.length !== targets.length) throw new ActionError('consequences.errors.moveTarget', { field: 'numbers' });
  }
  const labels = await extensionLabels(tx, company.id, [...fromExtensionIds, ...targets]);
  const label = (id: string | null) => (id ? (labels.get(id) ?? null) : null);

  for (const number of rows) {
    const decision = decided.get(number.id) ?? { numberId: number.id, choice: 'keep' as const };
    const scoped = and(eq(phoneNumbers.id, number.id), eq(phoneNumbers.companyId, company.id));
    const national = formatNational(number.e164);
    if (decision.choice === 'release') {
      if (number.isMain) throw new ActionError('errors.numberIsMain', { field: 'numbers', params: { number: national } });
      await tx
        .update(phoneNumbers)
        .set({ status: 'available', companyId: null, heldUntil: null, extensionId: null, orderId: null, acquiredAt: null })
        .where(scoped);
      await w.record({ card: 'numbers', action: 'number.released', target: national, before: { extension: label(number.extensionId) } });
      continue;
    }
    const to = decision.choice === 'move' ? decision.extensionId : null;
    await tx.update(phoneNumbers).set({ extensionId: to }).where(scoped);
    await w.record({
      card: 'numbers',
      action: 'number.mapped',
      target: national,
      before: { extension: label(number.extensionId) },
      after: { extension: label(to) },
    });
  }
}
