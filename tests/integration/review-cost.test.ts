import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { orders, priceList } from '@/db/schema';
import { formatMoney } from '@/lib/prices/money';
import { getCostSummary } from '@/lib/review/cost';
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

describe('getCostSummary', () => {
  it('a mixed French company in EUR, to the cent', async () => {
    const { company } = await mixedCompany('FR');
    await addPendingSeatOrder(company.id, 2, 1995, 'EUR');
    const cost = await getCostSummary(company.id);
    expect(cost.currency).toBe('EUR');
    const lines = byKind(cost.monthly);
    // Issue 10: seats are billed as bought (4), not as used (3).
    expect(lines.office_licence).toMatchObject({ quantity: 4, unitMinor: 1995, monthlyMinor: 7980 });
    expect(lines.included_local_number).toMatchObject({ quantity: 4, monthlyMinor: 0 });
    expect(lines.extra_local_number).toMatchObject({ quantity: 2, unitMinor: 995, monthlyMinor: 1990 });
    expect(lines.toll_free_number).toMatchObject({ quantity: 1, unitMinor: 995, monthlyMinor: 995 });
    expect(lines.ring_group).toMatchObject({ quantity: 1, monthlyMinor: 0 });
    expect(lines.conference).toMatchObject({ quantity: 1, monthlyMinor: 0 });
    expect(cost.monthlyTotalMinor).toBe(4 * 1995 + 2 * 995 + 1 * 995);
    expect(cost.monthlyTotalMinor).toBe(10965);
    expect(cost.numbersMinor).toBe(lines.extra_local_number!.monthlyMinor + lines.toll_free_number!.monthlyMinor);
    // Issue 10: a pending seat purchase is on the next bill at its monthly price, never one-time.
    expect(cost.nextBill).toEqual([expect.objectContaining({ quantity: 2, unitMinor: 1995, monthlyMinor: 3990 })]);
    expect(cost.oneTime).toEqual([]);
    expect(cost.oneTimeTotalMinor).toBe(0);
    expect(formatMoney(cost.monthlyTotalMinor, cost.currency, 'fr')).toBe('109,65\u00a0€');
    expect(formatMoney(cost.monthlyTotalMinor, cost.currency, 'en')).toBe('€109.65');
  });

  it('a mixed US company in USD, with its own price list', async () => {
    const { company } = await mixedCompany('US');
    await db().update(priceList).set({ monthlyMinor: 2499 }).where(and(eq(priceList.country, 'US'), eq(priceList.item, 'office_licence')));
    try {
      const cost = await getCostSummary(company.id);
      expect(cost.currency).toBe('USD');
      expect(cost.monthlyTotalMinor).toBe(4 * 2499 + 2 * 995 + 995);
      expect(formatMoney(cost.monthlyTotalMinor, cost.currency, 'en')).toBe('$129.81');
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
    expect(cost.nextBill).toEqual([]);
    expect(cost.monthlyTotalMinor).toBe(10965);
  });

  it('a new company: the Office seats it bought (issue 10: as bought, not as used)', async () => {
    const { company } = await signUpCompany({ country: 'FR', officeSeats: 5 });
    const cost = await getCostSummary(company.id);
    expect(cost.monthlyTotalMinor).toBe(5 * 1995);
    expect(byKind(cost.monthly).extra_local_number.quantity).toBe(0);
  });
});
