import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { extensions, phoneNumbers, type PhoneNumber } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { defineAction, type Actor } from '@/lib/actions/run-action';
import { lockCompany } from '@/lib/licences/seats';
import { markInProgress, markVerified } from '@/lib/setup/cards';
import { auditNumbers } from './audit';
import { clock } from './clock';
import { backfillDirectNumbers, ensureMainNumber, extensionLabels } from './direct';
import { formatNational } from './format';
import { localInventory } from './inventory';
import { emptySchema, holdSchema, mapNumberSchema, numberIdSchema, purchaseSchema, releaseHoldSchema } from './schema';

// Every action takes the company lock first (lib/licences/seats.ts): number changes of one
// company run one at a time, after or before its team and extension changes, never between.
// Every number read or written is scoped to the actor's company: another company's number
// reads as not found. Every change writes an audit entry for the Phone numbers card.

/** The carrier the actions use: the local inventory (see lib/numbers/carrier.ts). */
export const carrier = localInventory;

const CARD = 'numbers' as const;

const list = (numbers: { e164: string }[]) => numbers.map((n) => formatNational(n.e164));

async function changed(tx: Tx, actor: Actor) {
  await markInProgress(tx, actor.companyId, CARD);
}

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
  schema: holdSchema,
  async handler(input, { tx, actor }) {
    await lockCompany(tx, actor.companyId);
    const now = clock.now();
    const wanted = [...new Set(input.ids)];
    const held = await carrier.hold({ tx, now }, actor.companyId, wanted);
    if (held.length < wanted.length) {
      const got = new Set(held.map((h) => h.id));
      const gone = await tx
        .select({ e164: phoneNumbers.e164 })
        .from(phoneNumbers)
        .where(inArray(phoneNumbers.id, wanted.filter((id) => !got.has(id))))
        .orderBy(asc(phoneNumbers.e164));
      throw new ActionError('errors.numberUnavailable', {
        params: { count: wanted.length - held.length, numbers: list(gone).join(', ') },
      });
    }
    const heldUntil = held[0].heldUntil!;
    await auditNumbers(tx, actor.companyId, actor, [
      { action: 'number.held', target: list(held).join(', '), after: { numbers: list(held), heldUntil: heldUntil.toISOString() } },
    ]);
    await changed(tx, actor);
    return { heldUntil: heldUntil.toISOString(), numbers: list(held) };
  },
});

/** Gives held numbers back (these, or the whole selection). */
export const releaseHeldNumbers = defineAction({
  schema: releaseHoldSchema,
  async handler(input, { tx, actor }) {
    await lockCompany(tx, actor.companyId);
    const released = await carrier.release({ tx, now: clock.now() }, actor.companyId, input.ids);
    if (released.length > 0) {
      await auditNumbers(tx, actor.companyId, actor, [
        { action: 'number.holdReleased', target: list(released).join(', '), before: { numbers: list(released) } },
      ]);
      await changed(tx, actor);
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
  schema: purchaseSchema,
  async handler(input, { tx, actor }) {
    await lockCompany(tx, actor.companyId);
    const result = await carrier.purchase({ tx, now: clock.now() }, actor.companyId, {
      idempotencyKey: input.idempotencyKey,
      ids: [...new Set(input.ids)],
      createdBy: actor.id,
    });
    if (result.created) {
      await auditNumbers(tx, actor.companyId, actor, [
        {
          action: 'number.purchased',
          target: list(result.numbers).join(', '),
          after: { numbers: list(result.numbers), totalMinor: result.order.totalMinor, currency: result.order.currency },
        },
      ]);
      await ensureMainNumber(tx, actor.companyId, actor);
      await changed(tx, actor);
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
  schema: mapNumberSchema,
  async handler(input, { tx, actor }) {
    await lockCompany(tx, actor.companyId);
    const number = await loadOwned(tx, actor.companyId, input.id);
    const target = input.extensionId || null;
    if (target) {
      const [extension] = await tx
        .select({ id: extensions.id })
        .from(extensions)
        .where(and(eq(extensions.id, target), eq(extensions.companyId, actor.companyId)));
      if (!extension) throw new ActionError('errors.extensionNotFound', { field: 'extensionId' });
    }
    if (number.extensionId === target) return { id: number.id, extensionId: target };
    const labels = await extensionLabels(tx, actor.companyId, [number.extensionId, target].filter((x): x is string => !!x));
    await tx
      .update(phoneNumbers)
      .set({ extensionId: target })
      .where(and(eq(phoneNumbers.id, number.id), eq(phoneNumbers.companyId, actor.companyId)));
    await auditNumbers(tx, actor.companyId, actor, [
      {
        action: 'number.mapped',
        target: formatNational(number.e164),
        before: { extension: number.extensionId ? (labels.get(number.extensionId) ?? null) : null },
        after: { extension: target ? (labels.get(target) ?? null) : null },
      },
    ]);
    await changed(tx, actor);
    return { id: number.id, extensionId: target };
  },
});

/** The main number moves; it is never cleared while the company owns a number. */
export const setMainNumber = defineAction({
  schema: numberIdSchema,
  async handler(input, { tx, actor }) {
    await lockCompany(tx, actor.companyId);
    const number = await loadOwned(tx, actor.companyId, input.id);
    if (number.isMain) return { id: number.id };
    const [previous] = await tx
      .update(phoneNumbers)
      .set({ isMain: false })
      .where(and(eq(phoneNumbers.companyId, actor.companyId), eq(phoneNumbers.isMain, true)))
      .returning({ e164: phoneNumbers.e164 });
    await tx.update(phoneNumbers).set({ isMain: true }).where(eq(phoneNumbers.id, number.id));
    await auditNumbers(tx, actor.companyId, actor, [
      {
        action: 'number.mainChanged',
        target: formatNational(number.e164),
        before: { main: previous ? formatNational(previous.e164) : null },
        after: { main: formatNational(number.e164) },
      },
    ]);
    await changed(tx, actor);
    return { id: number.id };
  },
});

/** Back to the inventory (the page confirms first); the main number must be moved first. */
export const releaseNumber = defineAction({
  schema: numberIdSchema,
  async handler(input, { tx, actor }) {
    await lockCompany(tx, actor.companyId);
    const number = await loadOwned(tx, actor.companyId, input.id);
    if (number.isMain) throw new ActionError('errors.numberIsMain', { params: { number: formatNational(number.e164) } });
    const labels = await extensionLabels(tx, actor.companyId, number.extensionId ? [number.extensionId] : []);
    await tx
      .update(phoneNumbers)
      .set({ status: 'available', companyId: null, heldUntil: null, extensionId: null, orderId: null, acquiredAt: null })
      .where(and(eq(phoneNumbers.id, number.id), eq(phoneNumbers.companyId, actor.companyId)));
    await auditNumbers(tx, actor.companyId, actor, [
      {
        action: 'number.released',
        target: formatNational(number.e164),
        before: { extension: number.extensionId ? (labels.get(number.extensionId) ?? null) : null },
      },
    ]);
    await changed(tx, actor);
    return { id: number.id };
  },
});

/** The tab's catch-up: Office users and bridges without a direct number get one. */
export const assignMissingNumbers = defineAction({
  schema: emptySchema,
  async handler(_input, { tx, actor }) {
    await lockCompany(tx, actor.companyId);
    const result = await backfillDirectNumbers(tx, { companyId: actor.companyId, actor, now: clock.now() });
    if (result.assigned > 0) await changed(tx, actor);
    return { assigned: result.assigned };
  },
});

/** Done: refused while the company owns no number (there is nothing to ring anyone). */
export const completeNumbersCard = defineAction({
  schema: emptySchema,
  async handler(_input, { tx, actor }) {
    await lockCompany(tx, actor.companyId);
    const [owned] = await tx
      .select({ id: phoneNumbers.id })
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.companyId, actor.companyId), eq(phoneNumbers.status, 'owned')))
      .limit(1);
    if (!owned) throw new ActionError('errors.noNumbersOwned');
    await markVerified(tx, actor, CARD);
  },
});
