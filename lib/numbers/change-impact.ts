import { and, eq } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import type { Db, Tx } from '@/db';
import { phoneNumbers } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/define';
import { formatNational } from '@/lib/format/phone';
import { keyedError, uuidField } from '@/lib/forms/fields';
import { computeBill, loadBillingRows, type BillingInput, type NumberBilling } from '@/lib/prices/billing';
import { companyPrices } from '@/lib/prices/price-list';
import { extensionLabels } from './labels';

// What releasing or unassigning one number on the Phone numbers tab changes, for its confirm
// dialog: the extension it rang, whether it is the main number, what the number costs before
// and after (lib/prices/billing.ts decides which numbers are included), and the bill's change.

export const NUMBER_CHANGES = ['unassign', 'release'] as const;
export const numberChangeSchema = z.object({ id: uuidField(), change: z.enum(NUMBER_CHANGES, keyedError()) });

export type NumberCost = { kind: NumberBilling['kind']; monthlyMinor: number; includedWith: string | null };

export type NumberChangeCost = {
  /** The number's own cost now, and after the change (null: released, it costs nothing). */
  before: NumberCost;
  after: NumberCost | null;
  /** The whole monthly bill's change (can be 0: another number takes the included place). */
  totalDeltaMinor: number;
};

const costOf = (b: NumberBilling | undefined): NumberCost | null =>
  b ? { kind: b.kind, monthlyMinor: b.monthlyMinor, includedWith: b.holder?.label ?? null } : null;

/** The bill before and after one number is unassigned or released, computed by the one billing rule. */
export function numberChangeCost(input: BillingInput, numberId: string, change: (typeof NUMBER_CHANGES)[number]): NumberChangeCost {
  const before = computeBill(input);
  const numbers =
    change === 'release'
      ? input.numbers.filter((n) => n.id !== numberId)
      : input.numbers.map((n) => (n.id === numberId ? { ...n, extensionId: null } : n));
  const after = computeBill({ ...input, numbers });
  const now = costOf(before.numbers.get(numberId));
  if (!now) throw new Error(`number ${numberId} is not on the bill`);
  return {
    before: now,
    after: change === 'release' ? null : costOf(after.numbers.get(numberId)),
    totalDeltaMinor: after.totalMinor - before.totalMinor,
  };
}

export type NumberChangeImpact = NumberChangeCost & {
  national: string;
  isMain: boolean;
  /** "101 · Alice Martin": the extension it rang, null when it rang nobody. */
  extension: string | null;
  currency: string;
};

export async function numberChangeImpactOf(
  exec: Db | Tx,
  companyId: string,
  input: z.output<typeof numberChangeSchema>,
): Promise<NumberChangeImpact> {
  const [number] = await exec
    .select()
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.id, input.id), eq(phoneNumbers.companyId, companyId), eq(phoneNumbers.status, 'owned')));
  if (!number) throw new ActionError('errors.notFound');
  const [prices, rows, labels] = await Promise.all([
    companyPrices(exec, companyId),
    loadBillingRows(exec, companyId),
    extensionLabels(exec, companyId, number.extensionId ? [number.extensionId] : []),
  ]);
  return {
    national: formatNational(number.e164),
    isMain: number.isMain,
    extension: number.extensionId ? (labels.get(number.extensionId) ?? null) : null,
    currency: prices.currency,
    ...numberChangeCost({ ...rows, prices: prices.monthlyMinor }, number.id, input.change),
  };
}

/** Read-only: what the tab's Release and Unassign confirmations list when they open. */
export const numberChangeImpact = defineAction({
  role: 'admin',
  schema: numberChangeSchema,
  async handler(input, { tx, actor }) {
    return numberChangeImpactOf(tx, actor.companyId, input);
  },
});
