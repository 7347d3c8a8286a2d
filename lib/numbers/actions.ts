import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { phoneNumbers, type PhoneNumber } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/define';
import { formatNational } from '@/lib/format/phone';
import { emptySchema } from '@/lib/forms/fields';
import { backfillDirectNumbers, ensureMainNumber } from './direct';
import { extensionLabels } from './labels';
import { assertCompanyExtension, moveMainNumber, routeNumbers } from './routing';
import { localInventory } from './inventory';
import { assertHoldsLeftToday, assertWithinNumberCap } from './limits';
import { holdSchema, mapNumberSchema, numberIdSchema, purchaseSchema, releaseHoldSchema } from './schema';

// Phone numbers card actions: the runner has locked the company, so number changes of one
// company run one at a time, after or before its team and extension changes, never between.
// Every number read or written is scoped to the company: another company's number reads as
// not found. Every change writes an entry in the Phone numbers card's history.

/** The carrier the actions use: the local inventory (see lib/numbers/carrier.ts). */
export const carrier = localInventory;

const CARD = 'numbers' as const;

const list = (numbers: { e164: string }[]) => numbers.map((n) => formatNational(n.e164));

/** An owned number of the actor's company, locked; anything else is not found. */
async function loadOwned(tx: Tx, companyId: string, id: string): Promise<PhoneNumber> {
  const [number] = await tx
    .select()
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.id, id), eq(phoneNumbers.companyId, companyId), eq(phoneNumbers.status, 'owned')))
    .for('update');
  if (!number) throw new ActionError('errors.notFound');
  return number;
}

/** Selecting numbers holds them for 15 minutes: all of them, or none (says which are gone). */
export const holdNumbers = defineAction({
  card: CARD,
  schema: holdSchema,
  async handler(input, ctx) {
    const { tx, actor, now } = ctx;
    const at = now();
    const wanted = [...new Set(input.ids)];
    const held = await carrier.hold({ tx, now: at }, actor.companyId, wanted);
    if (held.length < wanted.length) {
      const got = new Set(held.map((h) => h.id));
      const rows = await tx
        .select({ e164: phoneNumbers.e164, status: phoneNumbers.status, companyId: phoneNumbers.companyId })
        .from(phoneNumbers)
        .where(inArray(phoneNumbers.id, wanted.filter((id) => !got.has(id))))
        .orderBy(asc(phoneNumbers.e164));
      // Numbers taken from the search meanwhile are named; another company's own numbers never
      // are (an id is not a way to learn which numbers a company has).
      const named = rows.filter((r) => r.status !== 'owned' || r.companyId === actor.companyId);
      const count = wanted.length - held.length;
      if (named.length < count) throw new ActionError('errors.numberUnavailableUnnamed', { params: { count } });
      throw new ActionError('errors.numberUnavailable', { params: { count, numbers: list(named).join(', ') } });
    }
    // The shared inventory's limits (lib/numbers/limits.ts), counted with this hold in place.
    await assertWithinNumberCap(tx, ctx.company, at);
    await assertHoldsLeftToday(tx, ctx.company, held, at);
    const heldUntil = held[0]!.heldUntil!;
    await ctx.record([
      { action: 'number.held', target: list(held).join(', '), after: { numbers: list(held), heldUntil: heldUntil.toISOString() } },
    ]);
    return { heldUntil: heldUntil.toISOString(), numbers: list(held) };
  },
});

/** Gives held numbers back (these, or the whole selection). */
export const releaseHeldNumbers = defineAction({
  card: CARD,
  schema: releaseHoldSchema,
  async handler(input, ctx) {
    const { tx, actor, now } = ctx;
    const released = await carrier.release({ tx, now: now() }, actor.companyId, input.ids);
    if (released.length > 0) {
      await ctx.record([
        { action: 'number.holdReleased', target: list(released).join(', '), before: { numbers: list(released) } },
      ]);
      }
    return { released: released.length };
  },
});

/**
 * Buy: the selection as one order with the form's idempotency key. The same key again (double
 * click, retry, a second tab) returns the first order and charges nothing more; with the
 * company locked, a concurrent duplicate waits for the first and then finds its order.
 */
export const purchaseNumbers = defineAction({
  card: CARD,
  schema: purchaseSchema,
  async handler(input, ctx) {
    const { tx, actor, now } = ctx;
    const ringTarget = input.extensionId || null;
    if (ringTarget) await assertCompanyExtension(tx, actor.companyId, ringTarget, 'extensionId');
    if (input.mainId && !input.ids.includes(input.mainId)) throw new ActionError('errors.notFound', { field: 'mainId' });
    const result = await carrier.purchase({ tx, now: now() }, actor.companyId, {
      idempotencyKey: input.idempotencyKey,
      ids: [...new Set(input.ids)],
      createdBy: actor.id,
    });
    if (result.created) {
      await ctx.record([
        {
          action: 'number.purchased',
          target: list(result.numbers).join(', '),
          after: { numbers: list(result.numbers), totalMinor: result.order.totalMinor, currency: result.order.currency },
        },
      ]);
      // What they ring and the main number, chosen before Buy: part of the same transaction.
      if (ringTarget) await routeNumbers(ctx, result.numbers.map((n) => ({ ...n, extensionId: null })), ringTarget);
      const main = result.numbers.find((n) => n.id === input.mainId);
      if (main) await moveMainNumber(ctx, main);
      else await ensureMainNumber(ctx);
    }
    return {
      orderId: result.order.id,
      created: result.created,
      totalMinor: result.order.totalMinor,
      currency: result.order.currency,
      numbers: list(result.numbers),
    };
  },
});

/** Remap to any extension of the company (user, ring group, conference), or unassign. */
export const mapNumber = defineAction({
  card: CARD,
  schema: mapNumberSchema,
  async handler(input, ctx) {
    const { tx, actor } = ctx;
    const number = await loadOwned(tx, actor.companyId, input.id);
    const target = input.extensionId || null;
    if (target) await assertCompanyExtension(tx, actor.companyId, target, 'extensionId');
    await routeNumbers(ctx, [number], target);
    return { id: number.id, extensionId: target };
  },
});

/** The main number moves; it is never cleared while the company owns a number. */
export const setMainNumber = defineAction({
  card: CARD,
  schema: numberIdSchema,
  async handler(input, ctx) {
    const number = await loadOwned(ctx.tx, ctx.actor.companyId, input.id);
    if (!number.isMain) await moveMainNumber(ctx, number);
    return { id: number.id };
  },
});

/** Back to the inventory (the page confirms first); the main number must be moved first. */
export const releaseNumber = defineAction({
  card: CARD,
  schema: numberIdSchema,
  async handler(input, ctx) {
    const { tx, actor } = ctx;
    const number = await loadOwned(tx, actor.companyId, input.id);
    if (number.isMain) throw new ActionError('errors.numberIsMain', { params: { number: formatNational(number.e164) } });
    const labels = await extensionLabels(tx, actor.companyId, number.extensionId ? [number.extensionId] : []);
    await tx
      .update(phoneNumbers)
      .set({ status: 'available', companyId: null, heldUntil: null, extensionId: null, orderId: null, acquiredAt: null })
      .where(and(eq(phoneNumbers.id, number.id), eq(phoneNumbers.companyId, actor.companyId)));
    await ctx.record([
      {
        action: 'number.released',
        target: formatNational(number.e164),
        before: { extension: number.extensionId ? (labels.get(number.extensionId) ?? null) : null },
      },
    ]);
    return { id: number.id };
  },
});

/** The tab's catch-up: Office users and bridges without a direct number get one. */
export const assignMissingNumbers = defineAction({
  card: CARD,
  schema: emptySchema,
  async handler(_input, ctx) {
    const result = await backfillDirectNumbers(ctx);
    return { assigned: result.assigned };
  },
});

/** Done: refused while the company owns no number (there is nothing to ring anyone). */
export const completeNumbersCard = defineAction({
  card: CARD,
  schema: emptySchema,
  async handler(_input, { tx, actor, verify }) {
    const [owned] = await tx
      .select({ id: phoneNumbers.id })
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.companyId, actor.companyId), eq(phoneNumbers.status, 'owned')))
      .limit(1);
    if (!owned) throw new ActionError('errors.noNumbersOwned');
    await verify();
  },
});
