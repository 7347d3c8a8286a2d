import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { orders, priceList } from '@/db/schema';
import { formatMoney } from '@/lib/prices/money';
import { getCostSummary, monthlyLines } from '@/lib/review/cost';
import { signUpCompany } from '../helpers/factories';
import { useTestDatabase } from '../helpers/db';
import { addMemberWithExtension } from '../helpers/team';
import {
  addConference,
  addOwnedNumber,
  addPendingSeatOrder,
  addRingGroup,
  giveDirectNumber,
} from '../helpers/review';

useTestDatabase();

const byKind = <L extends { kind: string }>(lines: L[]) => Object.fromEntries(lines.map((l) => [l.kind, l])) as Record<string, L>;

/**
 * 3 Office users (admin + 2) with their direct numbers, a Free user, a ring group with a
 * number, one extra unmapped local number, one toll-free number, a conference bridge with
 * its own number: 3 Office x 19.95 + 2 extra local x 9.95 + 1 toll-free x 9.95.
 */
async function mixedCompany(country: 'FR' | 'US') {
  const { company, admin } = await signUpCompany({ country, officeSeats: 4 });
  const { user: office1 } = await addMemberWithExtension(company.id, '102', { licence: 'office' });
  const { user: office2 } = await addMemberWithExtension(company.id, '103', { licence: 'office' });
  await addMemberWithExtension(company.id, '104', { licence: 'free' });
  for (const u of [admin, office1, office2]) await giveDirectNumber(company.id, u.id, { country, isMain: u.id === admin.id });
  const group = await addRingGroup(company.id, '500', 'Sales', [office1.id]);
  await addOwnedNumber(company.id, { country, extensionId: group.id });
  await addOwnedNumber(company.id, { country });
  await addOwnedNumber(company.id, { country, type: 'toll_free', extensionId: group.id });
  const bridge = await addConference(company.id, '800');
  await addOwnedNumber(company.id, { country, extensionId: bridge.id });
  return { company, admin };
}

describe('monthlyLines (pure)', () => {
  it('one local number is included per Office user and conference bridge; the rest is extra', () => {
    const lines = byKind(
      monthlyLines(
        { officeUsers: 3, conferences: 1, ringGroups: 2, ownedLocal: 6, ownedTollFree: 1 },
        { office_licence: 1995, local_number: 995, toll_free_number: 995 },
      ),
    );
    expect(lines.office_licence).toMatchObject({ quantity: 3, unitMinor: 1995, monthlyMinor: 5985 });
    expect(lines.included_local_number).toMatchObject({ quantity: 4, monthlyMinor: 0, included: true });
    expect(lines.extra_local_number).toMatchObject({ quantity: 2, unitMinor: 995, monthlyMinor: 1990 });
    expect(lines.toll_free_number).toMatchObject({ quantity: 1, monthlyMinor: 995 });
    expect(lines.ring_group).toMatchObject({ quantity: 2, monthlyMinor: 0, included: true });
    expect(lines.conference).toMatchObject({ quantity: 1, monthlyMinor: 0, included: true });
  });

  it('fewer numbers than the allowance: nothing extra, never negative', () => {
    const lines = byKind(
      monthlyLines(
        { officeUsers: 5, conferences: 0, ringGroups: 0, ownedLocal: 2, ownedTollFree: 0 },
        { office_licence: 1995, local_number: 995, toll_free_number: 995 },
      ),
    );
    expect(lines.included_local_number.quantity).toBe(2);
    expect(lines.extra_local_number).toMatchObject({ quantity: 0, monthlyMinor: 0 });
  });

  it('sums with integers only: no floating-point drift (0.1 + 0.2)', () => {
    const lines = monthlyLines(
      { officeUsers: 10, conferences: 0, ringGroups: 0, ownedLocal: 13, ownedTollFree: 20 },
      { office_licence: 10, local_number: 20, toll_free_number: 1 },
    );
    const total = lines.reduce((a, l) => a + l.monthlyMinor, 0);
    expect(total).toBe(100 + 60 + 20);
    expect(Number.isInteger(total)).toBe(true);
    // What floats would have done with the default prices: 3 x 19.95 is 59.849999999999994.
    expect(3 * 19.95).not.toBe(59.85);
    expect(monthlyLines(
      { officeUsers: 3, conferences: 0, ringGroups: 0, ownedLocal: 0, ownedTollFree: 0 },
      { office_licence: 1995, local_number: 995, toll_free_number: 995 },
    )[0].monthlyMinor).toBe(5985);
  });
});

describe('getCostSummary', () => {
  it('a mixed French company in EUR, to the cent', async () => {
    const { company } = await mixedCompany('FR');
    await addPendingSeatOrder(company.id, 2, 1995, 'EUR');
    const cost = await getCostSummary(company.id);
    expect(cost.currency).toBe('EUR');
    const lines = byKind(cost.monthly);
    expect(lines.office_licence).toMatchObject({ quantity: 3, unitMinor: 1995, monthlyMinor: 5985 });
    expect(lines.included_local_number).toMatchObject({ quantity: 4, monthlyMinor: 0 });
    expect(lines.extra_local_number).toMatchObject({ quantity: 2, unitMinor: 995, monthlyMinor: 1990 });
    expect(lines.toll_free_number).toMatchObject({ quantity: 1, unitMinor: 995, monthlyMinor: 995 });
    expect(lines.ring_group).toMatchObject({ quantity: 1, monthlyMinor: 0 });
    expect(lines.conference).toMatchObject({ quantity: 1, monthlyMinor: 0 });
    expect(cost.monthlyTotalMinor).toBe(3 * 1995 + 2 * 995 + 1 * 995);
    expect(cost.monthlyTotalMinor).toBe(8970);
    expect(cost.oneTime).toEqual([
      expect.objectContaining({ kind: 'office_seats', quantity: 2, unitMinor: 1995, amountMinor: 3990 }),
    ]);
    expect(cost.oneTimeTotalMinor).toBe(3990);
    expect(formatMoney(cost.monthlyTotalMinor, cost.currency, 'fr')).toBe('89,70\u00a0€');
    expect(formatMoney(cost.monthlyTotalMinor, cost.currency, 'en')).toBe('€89.70');
  });

  it('a mixed US company in USD, with its own price list', async () => {
    const { company } = await mixedCompany('US');
    await db().update(priceList).set({ monthlyMinor: 2499 }).where(and(eq(priceList.country, 'US'), eq(priceList.item, 'office_licence')));
    try {
      const cost = await getCostSummary(company.id);
      expect(cost.currency).toBe('USD');
      expect(cost.monthlyTotalMinor).toBe(3 * 2499 + 2 * 995 + 995);
      expect(formatMoney(cost.monthlyTotalMinor, cost.currency, 'en')).toBe('$104.82');
      expect(cost.oneTime).toEqual([]);
      expect(cost.oneTimeTotalMinor).toBe(0);
    } finally {
      await db().update(priceList).set({ monthlyMinor: 1995 }).where(and(eq(priceList.country, 'US'), eq(priceList.item, 'office_licence')));
    }
  });

  it('completed orders are not one-time costs any more; another company’s rows never count', async () => {
    const { company } = await mixedCompany('FR');
    const order = await addPendingSeatOrder(company.id, 3);
    await db().update(orders).set({ status: 'completed', completedAt: new Date() }).where(eq(orders.id, order.id));
    const other = await mixedCompany('FR');
    await addPendingSeatOrder(other.company.id, 5);
    const cost = await getCostSummary(company.id);
    expect(cost.oneTime).toEqual([]);
    expect(cost.monthlyTotalMinor).toBe(8970);
  });

  it('a new company: the admin’s Office licence only', async () => {
    const { company } = await signUpCompany({ country: 'FR' });
    const cost = await getCostSummary(company.id);
    expect(cost.monthlyTotalMinor).toBe(1995);
    expect(byKind(cost.monthly).extra_local_number.quantity).toBe(0);
  });
});
