import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import {
  activationTokens,
  companies,
  extensions,
  orderLines,
  orders,
  outbox,
  phoneNumbers,
  ringGroupMembers,
  SETUP_CARDS,
  setupProgress,
  users,
  type NumberType,
  type SetupCard,
} from '@/db/schema';
import { signUpCompany, signUpCompanyWithSeats } from './factories';
import { extensionOf } from './team';

// Rows the Review card reads, inserted directly: the Phone numbers card's own functions may
// not exist yet, and these tests are about what Review and Finish make of the rows.

let serial = Math.floor(Math.random() * 5000);
/** A unique (per test database), valid E.164 number of the country and type. */
export function e164(country: 'FR' | 'US', type: NumberType = 'local') {
  serial++;
  const four = String(serial % 10000).padStart(4, '0');
  if (country === 'FR') return type === 'toll_free' ? `+3380012${four}` : `+33144${type === 'local' ? '00' : '99'}${four}`;
  return type === 'toll_free' ? `+1800555${four}` : `+1212555${four}`;
}

/**
 * An owned number. The test database starts with an inventory (tests/helpers/db.ts), so a
 * number that happens to be in it is taken over rather than inserted twice.
 */
export async function addOwnedNumber(
  companyId: string,
  opts: { country?: 'FR' | 'US'; type?: NumberType; extensionId?: string | null; isMain?: boolean; e164?: string } = {},
) {
  const country = opts.country ?? 'FR';
  const type = opts.type ?? 'local';
  if (opts.isMain) await db().update(phoneNumbers).set({ isMain: false }).where(eq(phoneNumbers.companyId, companyId));
  const owned = {
    status: 'owned' as const,
    companyId,
    heldUntil: null,
    extensionId: opts.extensionId ?? null,
    isMain: opts.isMain ?? false,
    acquiredAt: new Date(),
  };
  const [row] = await db()
    .insert(phoneNumbers)
    .values({
      e164: opts.e164 ?? e164(country, type),
      country,
      type,
      areaCode: type === 'toll_free' ? '800' : country === 'FR' ? '1' : '212',
      regionName: country === 'FR' ? 'Paris' : 'New York',
      ...owned,
    })
    .onConflictDoUpdate({ target: phoneNumbers.e164, set: owned })
    .returning();
  return row;
}

/** The user's direct number: the one they already have (sign-up may give one), or a new one. */
export async function giveDirectNumber(companyId: string, userId: string, opts: { country?: 'FR' | 'US'; isMain?: boolean; e164?: string } = {}) {
  const extension = await extensionOf(userId);
  const [existing] = opts.e164
    ? []
    : await db()
        .select()
        .from(phoneNumbers)
        .where(and(eq(phoneNumbers.extensionId, extension.id), eq(phoneNumbers.status, 'owned')));
  if (!existing) return addOwnedNumber(companyId, { ...opts, extensionId: extension.id });
  if (opts.isMain && !existing.isMain) {
    await db().update(phoneNumbers).set({ isMain: false }).where(eq(phoneNumbers.companyId, companyId));
    const [main] = await db().update(phoneNumbers).set({ isMain: true }).where(eq(phoneNumbers.id, existing.id)).returning();
    return main;
  }
  return existing;
}

export async function addConference(companyId: string, number: string, name = `Bridge ${number}`) {
  const [row] = await db()
    .insert(extensions)
    .values({ companyId, number, type: 'conference', name, maxParticipants: 10 })
    .returning();
  return row;
}

export async function addRingGroup(companyId: string, number: string, name: string, memberIds: string[] = []) {
  const [row] = await db()
    .insert(extensions)
    // Like the Extensions form: no answer goes to the first member's voicemail (issue 10's Review
    // reports a voicemail target that is not a member).
    .values({ companyId, number, type: 'ring_group', name, strategy: 'simultaneous', noAnswerKind: 'voicemail', noAnswerUserId: memberIds[0] ?? null })
    .returning();
  if (memberIds.length > 0) {
    await db()
      .insert(ringGroupMembers)
      .values(memberIds.map((userId, position) => ({ ringGroupId: row.id, userId, position, ringSeconds: 20 })));
  }
  return row;
}

export async function setEmergencyAddress(companyId: string, street: string | null = '10 rue de Rivoli') {
  await db()
    .update(companies)
    .set({ emergencyStreet: street, emergencyCity: 'Paris', emergencyPostalCode: '75001', emergencyCountry: 'FR' })
    .where(eq(companies.id, companyId));
}

export async function setCardStatus(companyId: string, card: SetupCard, status: 'not_started' | 'in_progress' | 'verified') {
  await db()
    .insert(setupProgress)
    .values({ companyId, card, status })
    .onConflictDoUpdate({ target: [setupProgress.companyId, setupProgress.card], set: { status } });
}

export async function verifyCards(companyId: string, cards: SetupCard[] = SETUP_CARDS.filter((c) => c !== 'review')) {
  for (const card of cards) await setCardStatus(companyId, card, 'verified');
}

export async function reviewStatus(companyId: string) {
  const [row] = await db()
    .select({ status: setupProgress.status })
    .from(setupProgress)
    .where(and(eq(setupProgress.companyId, companyId), eq(setupProgress.card, 'review')));
  return row?.status ?? 'not_started';
}

/** A pending order of Office seats, as buySeats leaves it. */
export async function addPendingSeatOrder(companyId: string, quantity: number, unitMinor = 1995, currency = 'EUR') {
  const [order] = await db()
    .insert(orders)
    .values({ companyId, idempotencyKey: randomUUID(), status: 'pending', currency, totalMinor: quantity * unitMinor })
    .returning();
  await db().insert(orderLines).values({ orderId: order.id, kind: 'office_seats', description: 'Office licence', quantity, unitMinor });
  return order;
}

/**
 * A company with nothing missing: address on file, every card but Review verified, the admin
 * (Office) with a direct number that is also the main number.
 */
export async function readyCompany(overrides: Parameters<typeof signUpCompany>[0] = {}) {
  // Sign-up grants at most 10 seats (issue 12): more are bought on the Licences card.
  const { company, admin } = await signUpCompanyWithSeats(Number(overrides.officeSeats ?? 1), overrides);
  // Since issue 10 sign-up gives the admin an inventory number; these fixtures use their own
  // predictable one (+33 1 44 00..., +1 212 555...), so the sign-up's goes back to the inventory.
  await db()
    .update(phoneNumbers)
    .set({ status: 'available', companyId: null, extensionId: null, isMain: false, acquiredAt: null })
    .where(eq(phoneNumbers.companyId, company.id));
  await setEmergencyAddress(company.id);
  await verifyCards(company.id);
  const main = await giveDirectNumber(company.id, admin.id, {
    country: (overrides.country as 'FR' | 'US' | undefined) ?? 'FR',
    isMain: true,
  });
  return { company, admin, main };
}

export async function outboxOf(companyId: string) {
  return db().select().from(outbox).where(eq(outbox.companyId, companyId)).orderBy(asc(outbox.toEmail));
}

export async function tokensOf(userId: string) {
  return db().select().from(activationTokens).where(eq(activationTokens.userId, userId));
}

export async function ordersOf(companyId: string) {
  return db().select().from(orders).where(eq(orders.companyId, companyId)).orderBy(asc(orders.createdAt));
}

export async function companyById(companyId: string) {
  const [row] = await db().select().from(companies).where(eq(companies.id, companyId));
  return row;
}

export async function userById(userId: string) {
  const [row] = await db().select().from(users).where(eq(users.id, userId));
  return row;
}

/** The activation link in a message body. */
export function activationLinkIn(body: string) {
  return /https?:\/\/\S+\/activate\/([A-Za-z0-9_-]+)/.exec(body);
}
