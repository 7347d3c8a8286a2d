import { and, sql, type SQL } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { choiceParam, pageParam, searchTextParam } from '@/lib/format/pages';
import { likeLiteral, personSearch } from '@/lib/format/search';

export const NUMBER_MAPPINGS = ['mapped', 'unmapped'] as const;
export type NumberMapping = (typeof NUMBER_MAPPINGS)[number];

/** The Phone numbers tab's URL: `?q=` (number, extension, name), `?mapping=mapped|unmapped`, `?page=`. */
export const ownedNumbersSearchSchema = z.object({ q: searchTextParam(), mapping: choiceParam(NUMBER_MAPPINGS), page: pageParam() });
export type OwnedNumbersSearch = { q?: string; mapping?: NumberMapping; page?: number };

/**
 * The digits of a typed number as they appear in E.164: "01 42 68 53 00" and "+33 1 42 68 53 00"
 * both find +33142685300 (a national number's leading 0 is the trunk prefix, not in E.164).
 */
export function e164Digits(q: string): string {
  const digits = q.replace(/\D/g, '');
  return q.trim().startsWith('+') ? digits : digits.replace(/^0/, '');
}

/**
 * Which owned numbers a search keeps, over a raw query's aliases: `pn` (phone_numbers), `e` (the
 * extension it rings) and `u` (that extension's user). The number anywhere in its digits, or the
 * extension and person like every list (lib/format/search.ts).
 */
export function ownedNumbersWhere({ q = '', mapping }: OwnedNumbersSearch): SQL | undefined {
  const digits = e164Digits(q);
  const person = personSearch(q, {
    firstName: sql`u.first_name`,
    lastName: sql`u.last_name`,
    email: sql`u.email`,
    extension: sql`e.number`,
    also: [sql`e.name`],
  });
  const text = person && digits ? sql`(${person} or pn.e164 like ${`%${likeLiteral(digits)}%`})` : person;
  return and(
    mapping === 'mapped' ? sql`e.id is not null` : mapping === 'unmapped' ? sql`e.id is null` : undefined,
    text,
  );
}
