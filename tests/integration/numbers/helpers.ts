import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { auditLog, companies, orderLines, orders, phoneNumbers } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { runAction } from '@/lib/runner/run-action';
import type { ActionDef, Actor } from '@/lib/actions/define';
import type { CountryCode } from '@/lib/countries/rules';
import { localInventory } from '@/lib/numbers/inventory';
import type { z } from 'zod';
import { signUpCompany } from '../../helpers/factories';

/**
 * A company (FR unless said) and its admin as an Actor. Since issue 10 sign-up gives the admin a
 * direct number; these tests are about what the numbers actions do from an account that owns no
 * number yet, so by default that number goes back to the inventory with its history lines
 * (`{ keepSignUpNumber: true }` keeps it; tests/integration/billing covers sign-up's number).
 */
export async function company(overrides: Parameters<typeof signUpCompany>[0] = {}, opts: { keepSignUpNumber?: boolean } = {}) {
  const { company, admin } = await signUpCompany(overrides);
  if (!opts.keepSignUpNumber) {
    await db()
      .update(phoneNumbers)
      .set({ status: 'available', companyId: null, extensionId: null, isMain: false, acquiredAt: null, heldUntil: null })
      .where(eq(phoneNumbers.companyId, company.id));
    await db().delete(auditLog).where(and(eq(auditLog.companyId, company.id), eq(auditLog.card, 'numbers')));
  }
  return { company, admin, actor: (await loadActor(admin.id)) as Actor };
}

/** The clock the numbers actions judge holds by in these tests: vi.spyOn(testClock, 'now') moves it. */
export const testClock = { now: (): Date => new Date() };

export function act<S extends z.ZodType, R>(def: ActionDef<S, R>, userId: string, input: unknown, locale: 'en' | 'fr' = 'en') {
  return runAction(def, { userId, locale, input, now: () => testClock.now() });
}

/** The first `n` available local numbers of a country, straight from the inventory. */
export async function someNumbers(country: CountryCode, n: number, companyId: string, type: 'local' | 'toll_free' = 'local') {
  const page = await localInventory.search({ exec: db() }, companyId, { country, type, pageSize: n });
  return page.rows;
}

export async function numberRow(id: string) {
  const [row] = await db().select().from(phoneNumbers).where(eq(phoneNumbers.id, id));
  return row;
}

export async function ownedBy(companyId: string) {
  return db()
    .select()
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.companyId, companyId), eq(phoneNumbers.status, 'owned')))
    .orderBy(asc(phoneNumbers.e164));
}

export async function ordersOf(companyId: string) {
  const rows = await db().select().from(orders).where(eq(orders.companyId, companyId)).orderBy(asc(orders.createdAt));
  const lines = await db()
    .select({ line: orderLines })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(eq(orders.companyId, companyId));
  return { orders: rows, lines: lines.map((l) => l.line) };
}

export async function numbersAudit(companyId: string, action?: string) {
  return db()
    .select()
    .from(auditLog)
    .where(
      and(eq(auditLog.companyId, companyId), eq(auditLog.card, 'numbers'), action ? eq(auditLog.action, action) : undefined),
    )
    .orderBy(asc(auditLog.id));
}

export async function setEmergencyAddress(
  companyId: string,
  address: { street?: string; city: string; postalCode: string; region?: string | null },
) {
  await db()
    .update(companies)
    .set({
      emergencyStreet: address.street ?? '1 Main Street',
      emergencyCity: address.city,
      emergencyPostalCode: address.postalCode,
      emergencyRegion: address.region ?? null,
    })
    .where(eq(companies.id, companyId));
}

export const key = () => randomUUID();
export const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);
