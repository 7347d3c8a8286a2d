import { and, eq, sql } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { devices, extensions, users } from '@/db/schema';
import type { Db, Tx } from '@/db';
import { defineAction } from '@/lib/actions/define';
import { keyedError } from '@/lib/forms/fields';
import { likeLiteral } from '@/lib/format/search';
import { PICKER_LIMIT, pickerQueryField } from '@/lib/forms/picker';
import { fullNameSql } from '@/lib/format/person';
import { LICENCES, type Licence } from './schema';

/** One person a picker offers (ring-group members, voicemails, desk phone owners). */
export type UserMatch = {
  id: string;
  name: string;
  email: string;
  licence: Licence;
  /** Their user extension's number. */
  extension: string | null;
  /** The desk phone they hold, if any. */
  deskPhone: string | null;
};

export const userSearchSchema = z.object({
  q: pickerQueryField(),
  // A desk phone goes to an Office user only.
  licence: z.enum(LICENCES, keyedError()).optional(),
});

/**
 * The company's users matching what was typed: full name either way round or e-mail anywhere,
 * or the start of their extension. At most PICKER_LIMIT, the best first: the exact extension,
 * names starting with it, then the rest, by last and first name.
 */
export async function searchUsers(
  exec: Db | Tx,
  companyId: string,
  { q = '', licence }: { q?: string; licence?: Licence },
): Promise<UserMatch[]> {
  const term = q.trim();
  const prefix = `${likeLiteral(term)}%`;
  const anywhere = `%${likeLiteral(term)}%`;
  const name = fullNameSql(users.firstName, users.lastName);
  const reversed = fullNameSql(users.lastName, users.firstName);
  const matches = term
    ? sql`(${name} ilike ${anywhere} or ${reversed} ilike ${anywhere} or ${users.email} ilike ${anywhere}
        or ${extensions.number} like ${prefix})`
    : undefined;
  const rank = term
    ? sql`case when ${extensions.number} = ${term} then 0 when ${name} ilike ${prefix} or ${reversed} ilike ${prefix} then 1
        when ${extensions.number} like ${prefix} then 2 else 3 end`
    : undefined;
  return exec
    .select({
      id: users.id,
      name,
      email: users.email,
      licence: users.licence,
      extension: extensions.number,
      deskPhone: devices.model,
    })
    .from(users)
    .leftJoin(extensions, and(eq(extensions.userId, users.id), eq(extensions.type, 'user'), eq(extensions.companyId, users.companyId)))
    .leftJoin(devices, and(eq(devices.userId, users.id), eq(devices.companyId, users.companyId)))
    .where(and(eq(users.companyId, companyId), licence ? eq(users.licence, licence) : undefined, matches))
    .orderBy(...(rank ? [rank] : []), users.lastName, users.firstName, users.id)
    .limit(PICKER_LIMIT);
}

/** The pickers' search for people: an admin's own company only. */
export const findUsers = defineAction({
  schema: userSearchSchema,
  async handler(input, { tx, actor }) {
    return searchUsers(tx, actor.companyId, input);
  },
});
