import { createHash, randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { companies, sipCredentials, users } from '@/db/schema';

// SIP credentials of a user's phones (telephony/README.md). The SIP server checks digest
// responses against two HA1 hashes; the password itself is generated here, returned once to
// whoever provisions the phone, and never stored.

/** 16 characters from 56 without look-alikes (0/O, 1/l/I): about 93 bits, typed on a keypad. */
export const SIP_PASSWORD_LENGTH = 16;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generateSipPassword(length = SIP_PASSWORD_LENGTH) {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/**
 * What auth_db compares with (realm = the company's SIP domain): `ha1` for phones that send
 * the bare username, `ha1b` for those that send `username@domain`.
 */
export function digestHashes(username: string, domain: string, password: string) {
  return {
    ha1: md5(`${username}:${domain}:${password}`),
    ha1b: md5(`${username}@${domain}:${domain}:${password}`),
  };
}

export type SipCredentials = { username: string; domain: string; password: string };

/**
 * A new SIP password for a user of `companyId`, replacing any previous one (phones using the old
 * one stop authenticating on their next request). Returns the password, once; undefined when the
 * user is not of that company. Runs in the caller's transaction, so an audited action can wrap it.
 */
export async function resetSipPassword(
  tx: Tx | Db,
  companyId: string,
  userId: string,
): Promise<SipCredentials | undefined> {
  const [row] = await tx
    .select({ username: users.sipUsername, domain: companies.sipDomain })
    .from(users)
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(and(eq(users.id, userId), eq(users.companyId, companyId)));
  if (!row) return undefined;
  const password = generateSipPassword();
  const hashes = digestHashes(row.username, row.domain, password);
  await tx
    .insert(sipCredentials)
    .values({ userId, ...hashes })
    .onConflictDoUpdate({ target: sipCredentials.userId, set: { ...hashes, updatedAt: new Date() } });
  return { username: row.username, domain: row.domain, password };
}

/** Whether the user has a SIP password at all (the phone can register). */
export async function hasSipPassword(tx: Tx | Db, userId: string) {
  const [row] = await tx.select({ userId: sipCredentials.userId }).from(sipCredentials).where(eq(sipCredentials.userId, userId));
  return !!row;
}
