import { and, count, eq, inArray, ne, or, isNull } from 'drizzle-orm';
import { first } from '@/db/rows';
import type { Db, Tx } from '@/db';
import { devices, extensions, sites, users, type User } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { fullName } from '@/lib/format/person';
import { APP_ONLY } from './schema';

// The checks the team and licence actions share. Each runs inside the action's transaction,
// under the company lock the runner takes, and throws an ActionError naming the form field to show it on.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TeamMember = {
  user: User;
  /** The name of the user's site (the history shows it, not the id). */
  site: string;
  extension: { id: string; number: string } | null;
  device: { id: string; model: string; mac: string } | null;
};

/** A user of the actor's company; anyone else's reads as not found, never as forbidden. */
export async function loadMember(tx: Tx, companyId: string, userId: string): Promise<TeamMember> {
  const [row] = await tx
    .select({ user: users, site: sites.name, extId: extensions.id, extNumber: extensions.number, device: devices })
    .from(users)
    .innerJoin(sites, eq(sites.id, users.siteId))
    .leftJoin(extensions, and(eq(extensions.userId, users.id), eq(extensions.type, 'user')))
    .leftJoin(devices, and(eq(devices.userId, users.id), eq(devices.companyId, users.companyId)))
    .where(and(eq(users.id, userId), eq(users.companyId, companyId)));
  if (!row) throw new ActionError('errors.notFound');
  return {
    user: row.user,
    site: row.site,
    extension: row.extId && row.extNumber ? { id: row.extId, number: row.extNumber } : null,
    device: row.device ? { id: row.device.id, model: row.device.model, mac: row.device.mac } : null,
  };
}

/** What the history shows for a user: the fields an admin recognises, not internal ids. */
export function memberSnapshot(m: TeamMember) {
  return {
    firstName: m.user.firstName,
    lastName: m.user.lastName,
    email: m.user.email,
    role: m.user.role,
    licence: m.user.licence,
    extension: m.extension?.number ?? null,
    phone: phoneLabel(m.user.licence, m.device),
    site: m.site,
    floorRoom: m.user.floorRoom ?? null,
  };
}

export function phoneLabel(licence: string, device: { model: string; mac: string } | null) {
  if (device) return `${device.model} (${device.mac})`;
  return licence === 'office' ? APP_ONLY : null;
}

/** Someone already signing in with an address: `emailRefusal` says what may be told about them. */
export type EmailHolder = { email: string; companyId: string; firstName: string; lastName: string };

/** Who uses these addresses (lower-cased), in any company: one query however many. */
export async function emailHolders(q: Db | Tx, emails: readonly string[], exceptUserId?: string): Promise<EmailHolder[]> {
  if (emails.length === 0) return [];
  const wanted = inArray(users.email, [...emails]);
  return q
    .select({ email: users.email, companyId: users.companyId, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(exceptUserId ? and(wanted, ne(users.id, exceptUserId)) : wanted);
}

/**
 * The e-mail is the sign-in identity, so it is unique across every company. Who has it is said
 * only when it is a colleague: another company's accounts are nobody's business here, so the
 * refusal does not tell whether the address exists elsewhere or why it cannot be used.
 * The one rule for Add user, Edit user and the import (lib/team/import-preview.ts).
 */
export function emailRefusal(
  holder: Pick<EmailHolder, 'companyId' | 'firstName' | 'lastName'>,
  companyId: string,
): { key: 'errors.emailInTeam'; params: { name: string } } | { key: 'errors.emailTaken'; params?: undefined } {
  if (holder.companyId === companyId) return { key: 'errors.emailInTeam', params: { name: fullName(holder) } };
  return { key: 'errors.emailTaken' };
}

export async function assertEmailFree(tx: Tx, companyId: string, email: string, exceptUserId?: string) {
  const [holder] = await emailHolders(tx, [email], exceptUserId);
  if (!holder) return;
  const { key, params } = emailRefusal(holder, companyId);
  throw new ActionError(key, params ? { field: 'email', params } : { field: 'email' });
}

/** The columns that name a person and sign them in, for a new users row of the company. */
export function personRow(companyId: string, p: { firstName: string; lastName: string; email: string }) {
  return { companyId, firstName: p.firstName, lastName: p.lastName, email: p.email };
}

export async function countAdmins(tx: Tx, companyId: string) {
  const { admins } = first(
    await tx
      .select({ admins: count() })
      .from(users)
      .where(and(eq(users.companyId, companyId), eq(users.role, 'admin'))),
  );
  return admins;
}

/**
 * Gives the user the phone the form chose: nothing ('' or App only) releases any desk phone
 * they hold; a device id must be a phone of the company that nobody else holds. The
 * conditional UPDATE is the check, so two admins cannot hand the same phone to two users.
 */
export async function assignPhone(tx: Tx, companyId: string, userId: string, phone: string) {
  const deviceId = phone && phone !== APP_ONLY ? phone : undefined;
  if (deviceId !== undefined && !UUID.test(deviceId)) throw new ActionError('errors.phoneUnavailable', { field: 'phone' });

  // Release first: a user holds one phone at most (devices_user_unique).
  await tx
    .update(devices)
    .set({ userId: null })
    .where(deviceId ? and(eq(devices.userId, userId), ne(devices.id, deviceId)) : eq(devices.userId, userId));
  if (!deviceId) return null;

  const [device] = await tx
    .update(devices)
    .set({ userId })
    .where(
      and(
        eq(devices.id, deviceId),
        eq(devices.companyId, companyId),
        or(isNull(devices.userId), eq(devices.userId, userId)),
      ),
    )
    .returning({ id: devices.id, model: devices.model, mac: devices.mac });
  if (!device) throw new ActionError('errors.phoneUnavailable', { field: 'phone' });
  return device;
}
