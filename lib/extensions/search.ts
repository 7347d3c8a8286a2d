import { and, eq, inArray, sql } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { EXTENSION_TYPES, extensions, users, type ExtensionType } from '@/db/schema';
import type { Db, Tx } from '@/db';
import { defineAction } from '@/lib/actions/define';
import { keyedError } from '@/lib/forms/fields';
import { likeLiteral } from '@/lib/format/search';
import { PICKER_LIMIT, pickerQueryField } from '@/lib/forms/picker';
import { fullNameSql } from '@/lib/format/person';

/** One extension a picker offers: the client words it ("101 · Alice Martin"). */
export type ExtensionMatch = { id: string; number: string; type: ExtensionType; name: string; userId: string | null };

export const extensionSearchSchema = z.object({
  q: pickerQueryField(),
  // Which kinds the picker offers (a number rings any; a call state's "extension" no ring group).
  kinds: z
    .array(z.enum(EXTENSION_TYPES, keyedError()), keyedError())
    .min(1, { error: 'errors.invalid' })
    .max(EXTENSION_TYPES.length, { error: 'errors.invalid' })
    .optional(),
});

/**
 * The company's extensions matching what was typed: the number from its start, the name (a
 * user's full name either way round, or the group's or bridge's own name) or a user's e-mail
 * anywhere. At most PICKER_LIMIT, the best first: the exact number, then numbers starting with
 * it, then names starting with it, then the rest; by type, then in number order.
 */
export async function searchExtensions(
  exec: Db | Tx,
  companyId: string,
  { q = '', kinds = [...EXTENSION_TYPES] }: { q?: string; kinds?: readonly ExtensionType[] },
): Promise<ExtensionMatch[]> {
  const term = q.trim();
  const prefix = `${likeLiteral(term)}%`;
  const anywhere = `%${likeLiteral(term)}%`;
  const name = sql<string>`coalesce(${fullNameSql(users.firstName, users.lastName)}, ${extensions.name}, '')`;
  const matches = term
    ? sql`(${extensions.number} like ${prefix}
        or ${name} ilike ${anywhere}
        or ${fullNameSql(users.lastName, users.firstName)} ilike ${anywhere}
        or ${users.email} ilike ${anywhere})`
    : undefined;
  const rank = term
    ? sql`case when ${extensions.number} = ${term} then 0 when ${extensions.number} like ${prefix} then 1
        when ${name} ilike ${prefix} then 2 else 3 end`
    : undefined;
  return exec
    .select({ id: extensions.id, number: extensions.number, type: extensions.type, name, userId: extensions.userId })
    .from(extensions)
    .leftJoin(users, and(eq(users.id, extensions.userId), eq(users.companyId, extensions.companyId)))
    .where(and(eq(extensions.companyId, companyId), inArray(extensions.type, [...kinds]), matches))
    .orderBy(
      ...(rank ? [rank] : []),
      sql`array_position(array['user','ring_group','conference']::text[], ${extensions.type}::text)`,
      sql`length(${extensions.number})`,
      extensions.number,
    )
    .limit(PICKER_LIMIT);
}

/** The pickers' search (number mapping, no-answer and call targets): an admin's own company only. */
export const findExtensions = defineAction({
  schema: extensionSearchSchema,
  async handler(input, { tx, actor }) {
    return searchExtensions(tx, actor.companyId, input);
  },
});
