import { and, eq, sql } from 'drizzle-orm';
import { companies, orderLines, orders, priceList, users } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/run-action';
import { audit } from '@/lib/audit/log';
import { syncDirectNumber } from '@/lib/numbers/direct';
import { markInProgress, markVerified } from '@/lib/setup/cards';
import { assignPhone, loadMember, phoneLabel } from '@/lib/team/rules';
import { buySeatsSchema, emptySchema, licenceSchema } from '@/lib/team/schema';
import { assertOfficeSeatFree, getSeatUsage, lockCompany } from './seats';

/**
 * Free <-> Office for one user, the admin included (they may give their own seat up).
 * Going Free takes the desk phone back: a phone needs an Office licence. The UI warns
 * with `removedDevice`.
 */
export const setLicence = defineAction({
  schema: licenceSchema,
  async handler(input, { tx, actor }) {
    const company = await lockCompany(tx, actor.companyId);
    const member = await loadMember(tx, company.id, input.id);
    const { user, device } = member;
    if (user.licence === input.licence) return { removedDevice: null };
    if (input.licence === 'office') await assertOfficeSeatFree(tx, company);

    const removedDevice = input.licence === 'free' && device ? device.model : null;
    if (input.licence === 'free') await assignPhone(tx, company.id, user.id, '');
    await tx.update(users).set({ licence: input.licence }).where(and(eq(users.id, user.id), eq(users.companyId, company.id)));
    await syncDirectNumber(tx, company, member.extension?.id, { from: user.licence, to: input.licence }, { actor });

    await audit(tx, actor, {
      card: 'licences',
      action: 'licence.changed',
      target: `${user.firstName} ${user.lastName}`,
      before: { licence: user.licence, phone: phoneLabel(user.licence, device) },
      after: { licence: input.licence, phone: phoneLabel(input.licence, input.licence === 'free' ? null : device) },
    });
    await markInProgress(tx, company.id, 'licences');
    return { removedDevice };
  },
});

/**
 * Adds Office seats as an order. The idempotency key comes from the form, so a double click
 * or a retried request finds the order the first one created and changes nothing; with the
 * company locked, a concurrent duplicate waits and then finds it too.
 */
export const buySeats = defineAction({
  schema: buySeatsSchema,
  async handler(input, { tx, actor }) {
    const company = await lockCompany(tx, actor.companyId);
    const [price] = await tx
      .select()
      .from(priceList)
      .where(and(eq(priceList.country, company.country), eq(priceList.item, 'office_licence')));
    if (!price) throw new ActionError('errors.priceMissing', { field: 'quantity' });

    const [created] = await tx
      .insert(orders)
      .values({
        companyId: company.id,
        idempotencyKey: input.idempotencyKey,
        status: 'pending',
        currency: price.currency,
        totalMinor: input.quantity * price.monthlyMinor,
        createdBy: actor.id,
      })
      .onConflictDoNothing({ target: [orders.companyId, orders.idempotencyKey] })
      .returning();
    if (!created) {
      const [existing] = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.companyId, company.id), eq(orders.idempotencyKey, input.idempotencyKey)));
      return { order: existing, officeSeats: company.officeSeats, created: false };
    }

    await tx.insert(orderLines).values({
      orderId: created.id,
      kind: 'office_seats',
      description: 'Office licence',
      quantity: input.quantity,
      unitMinor: price.monthlyMinor,
    });
    const [{ officeSeats }] = await tx
      .update(companies)
      .set({ officeSeats: sql`${companies.officeSeats} + ${input.quantity}` })
      .where(eq(companies.id, company.id))
      .returning({ officeSeats: companies.officeSeats });

    await audit(tx, actor, {
      card: 'licences',
      action: 'seats.bought',
      target: created.id,
      before: { officeSeats: company.officeSeats },
      after: { officeSeats, quantity: input.quantity, totalMinor: created.totalMinor, currency: created.currency },
    });
    await markInProgress(tx, company.id, 'licences');
    return { order: created, officeSeats, created: true };
  },
});

/** Only reachable over-allocated after a data fix, but then Done must not hide it. */
export const completeLicencesCard = defineAction({
  schema: emptySchema,
  async handler(_input, { tx, actor }) {
    const { bought, used } = await getSeatUsage(actor.companyId, tx);
    if (used > bought) throw new ActionError('errors.seatsOverAllocated', { params: { bought, used } });
    await markVerified(tx, actor, 'licences');
  },
});
