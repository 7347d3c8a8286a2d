import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/*
 * A person's name as the app shows it everywhere (lists, history, e-mails): "first last".
 * Client-safe: drizzle-orm's sql builder has no server-only import.
 */

/** "Inès" + "Roux" -> "Inès Roux". */
export function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}

/** A left-joined user's name: null when there is no user (their columns read NULL). */
export function fullNameOrNull(p: { firstName: string | null; lastName: string | null }): string | null {
  return p.firstName === null || p.lastName === null ? null : fullName({ firstName: p.firstName, lastName: p.lastName });
}

/**
 * The same name built by the database: `first || ' ' || last`. NULL when either part is NULL
 * (a left-joined user that is not there), so `coalesce(fullNameSql(...), other)` falls back.
 * Takes columns or SQL fragments (`sql\`u.first_name\`` in a raw query).
 */
export function fullNameSql<T extends string | null = string>(first: AnyColumn | SQL, last: AnyColumn | SQL): SQL<T> {
  return sql<T>`${first} || ' ' || ${last}`;
}
