import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import {
  auditLog,
  companies,
  devices,
  extensions,
  orderLines,
  orders,
  setupProgress,
  users,
  type NewUser,
} from '@/db/schema';
import type { UserFormInput } from '@/lib/team/schema';

/** A unique, valid MAC so tests never collide on devices_mac_unique. */
export function randomMac() {
  return randomBytes(6).toString('hex').toUpperCase().match(/../g)!.join(':');
}

export async function addDeskPhone(companyId: string, overrides: Partial<typeof devices.$inferInsert> = {}) {
  const [device] = await db()
    .insert(devices)
    .values({ companyId, model: 'Yealink T54W', mac: randomMac(), ...overrides })
    .returning();
  return device;
}

/** A member with a user extension, inserted directly (no password: as if added by an admin). */
export async function addMemberWithExtension(companyId: string, number: string, overrides: Partial<NewUser> = {}) {
  const [user] = await db()
    .insert(users)
    .values({
      companyId,
      firstName: 'Max',
      lastName: 'Member',
      email: `member-${randomUUID()}@example.com`,
      ...overrides,
    })
    .returning();
  const [extension] = await db()
    .insert(extensions)
    .values({ companyId, number, type: 'user', userId: user.id })
    .returning();
  return { user, extension };
}

/** What the Add user form posts, with unique defaults. */
export function userInput(overrides: Partial<UserFormInput> = {}): UserFormInput {
  return {
    firstName: 'Bea',
    lastName: 'Berger',
    email: `bea-${randomUUID()}@example.com`,
    licence: 'free',
    extension: '102',
    phone: '',
    ...overrides,
  };
}

export async function companyRow(companyId: string) {
  const [row] = await db().select().from(companies).where(eq(companies.id, companyId));
  return row;
}

export async function userRow(userId: string) {
  const [row] = await db().select().from(users).where(eq(users.id, userId));
  return row;
}

export async function extensionOf(userId: string) {
  const [row] = await db().select().from(extensions).where(eq(extensions.userId, userId));
  return row;
}

export async function deviceRow(deviceId: string) {
  const [row] = await db().select().from(devices).where(eq(devices.id, deviceId));
  return row;
}

export async function officeUsers(companyId: string) {
  const rows = await db()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.companyId, companyId), eq(users.licence, 'office')));
  return rows.length;
}

export async function auditEntries(companyId: string, action?: string) {
  return db()
    .select()
    .from(auditLog)
    .where(action ? and(eq(auditLog.companyId, companyId), eq(auditLog.action, action)) : eq(auditLog.companyId, companyId))
    .orderBy(asc(auditLog.id));
}

export async function cardStatus(companyId: string, card: 'team' | 'licences') {
  const [row] = await db()
    .select({ status: setupProgress.status })
    .from(setupProgress)
    .where(and(eq(setupProgress.companyId, companyId), eq(setupProgress.card, card)));
  return row?.status ?? 'not_started';
}

/** Every row a team or licence action could write, to prove a refusal wrote nothing. */
export async function teamSnapshot(companyId: string) {
  const [company, team, exts, phones, progress, entries, orderRows, lines] = await Promise.all([
    companyRow(companyId),
    db().select().from(users).where(eq(users.companyId, companyId)).orderBy(asc(users.email)),
    db().select().from(extensions).where(eq(extensions.companyId, companyId)).orderBy(asc(extensions.number)),
    db().select().from(devices).where(eq(devices.companyId, companyId)).orderBy(asc(devices.mac)),
    db().select().from(setupProgress).where(eq(setupProgress.companyId, companyId)).orderBy(asc(setupProgress.card)),
    auditEntries(companyId),
    db().select().from(orders).where(eq(orders.companyId, companyId)).orderBy(asc(orders.id)),
    db()
      .select({ line: orderLines })
      .from(orderLines)
      .innerJoin(orders, eq(orders.id, orderLines.orderId))
      .where(eq(orders.companyId, companyId)),
  ]);
  return { company, team, exts, phones, progress, entries, orderRows, lines };
}
