import { and, eq, sql } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { companies, orderLines, orders } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/define';
import { companyPrices } from '@/lib/prices/price-list';
import { buySeatsSchema } from './schema';
import { getSeatUsage, isOverAllocated } from './seats';

/**
 * Adds Office seats as an order. The idempotency key comes from the form, so a double click
 * or a retried request finds the order the first one created and changes nothing; with the
 * company locked, a concurrent duplicate waits and then finds it too.
 */
export const buySeats = defineAction({
  card: 'licences',
  schema: buySeatsSchema,
  async handler(input, ctx) {
    const { tx, actor, company } = ctx;
    const prices = await companyPrices(tx, company.id, { field: 'quantity' });
    const unitMinor = prices.monthlyMinor.office_licence;

    const [created] = await tx
      .insert(orders)
      .values({
        companyId: company.id,
        idempotencyKey: input.idempotencyKey,
        status: 'pending',
        currency: prices.currency,
        totalMinor: input.quantity * unitMinor,
        createdBy: actor.id,
      })
      .onConflictDoNothing({ target: [orders.companyId, orders.idempotencyKey] })
      .returning();
    if (!created) {
      const [existing] = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.companyId, company.id), eq(orders.idempotencyKey, input.idempotencyKey)));
      return { order: existing!, officeSeats: company.officeSeats, created: false };
    }

    await tx.insert(orderLines).values({
      orderId: created.id,
      kind: 'office_seats',
      description: 'Office licence',
      quantity: input.quantity,
      unitMinor,
    });
    const [updated] = await tx
      .update(companies)
      .set({ officeSeats: sql`${companies.officeSeats} + ${input.quantity}` })
      .where(eq(companies.id, company.id))
      .returning({ officeSeats: companies.officeSeats });
    const officeSeats = updated!.officeSeats;

    await ctx.record({
      action: 'seats.bought',
      target: created.id,
      before: { officeSeats: company.officeSeats },
      after: { officeSeats, quantity: input.quantity, totalMinor: created.totalMinor, currency: created.currency },
    });
    return { order: created, officeSeats, created: true };
  },
});

/** Only reachable over-allocated after a data fix, but then Done must not hide it. */
export const completeLicencesCard = defineAction({
  card: 'licences',
  schema: z.object({}),
  async handler(_input, { tx, actor, verify }) {
    const usage = await getSeatUsage(actor.companyId, tx);
    const { bought, used } = usage;
    if (isOverAllocated(usage)) throw new ActionError('errors.seatsOverAllocated', { params: { bought, used } });
    await verify();
  },
});
