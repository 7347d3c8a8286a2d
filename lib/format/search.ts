import { ilike, like, or, type AnyColumn, type SQL } from 'drizzle-orm';
import { fullNameSql } from './person';

/** LIKE treats % and _ as wildcards: a search for "a_b" means the three characters. */
export function likeLiteral(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Column = AnyColumn | SQL;

/**
 * The one search of people every list shares (Team, Licences, Extensions, Phone numbers): the
 * name in either order ("Roux Inès" finds Inès Roux), the e-mail anywhere, the start of the
 * extension number, and any `also` columns anywhere (an extension's own name). Undefined for a
 * blank search, so `and(...)` drops it.
 */
export function personSearch(
  q: string,
  columns: { firstName: Column; lastName: Column; email: Column; extension: Column; also?: Column[] },
): SQL | undefined {
  const term = q.trim();
  if (!term) return undefined;
  const anywhere = `%${likeLiteral(term)}%`;
  return or(
    ilike(fullNameSql(columns.firstName, columns.lastName), anywhere),
    ilike(fullNameSql(columns.lastName, columns.firstName), anywhere),
    ilike(columns.email, anywhere),
    like(columns.extension, `${likeLiteral(term)}%`),
    ...(columns.also ?? []).map((c) => ilike(c, anywhere)),
  );
}
