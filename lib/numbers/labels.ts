import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { extensions, users } from '@/db/schema';
import { fullNameOrNull } from '@/lib/format/person';

/** "101 · Alice Martin", "800 · Weekly meeting": how the tab and the history name an extension. */
export async function extensionLabels(exec: Db | Tx, companyId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await exec
    .select({ id: extensions.id, number: extensions.number, name: extensions.name, firstName: users.firstName, lastName: users.lastName })
    .from(extensions)
    .leftJoin(users, eq(users.id, extensions.userId))
    .where(and(eq(extensions.companyId, companyId), inArray(extensions.id, [...ids])));
  return new Map(
    rows.map((r) => {
      const name = fullNameOrNull(r) ?? r.name;
      return [r.id, name ? `${r.number} · ${name}` : r.number] as const;
    }),
  );
}
