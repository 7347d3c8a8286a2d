import '@/lib/zod-jitless';
import { z } from 'zod';
import { cutAt, withoutControlCharacters } from './text';

/** Where a paginated list stands: the page shown, how many pages there are (at least one), the total. */
export function pageInfo(page: number, total: number, pageSize: number) {
  return { page, pageCount: Math.max(1, Math.ceil(total / pageSize)), total };
}

/**
 * A list's total, read off its page's rows (each carries `count(*) over()`). Past the last page
 * no row carries it: `count` runs then, and only then.
 */
export async function pageTotal(rows: readonly { total: number | string }[], page: number, count: () => Promise<number>) {
  if (rows.length > 0 || page <= 1) return Number(rows[0]?.total ?? 0);
  return count();
}

/** A page number for a link's query: none for the first page, which is the default. */
export function laterPage(page: number | undefined): string | undefined {
  return page && page > 1 ? String(page) : undefined;
}

/*
 * The shapes of the pages' query parameters. A URL is typed by hand, pasted, cut or crafted, so
 * every shape falls back to its default instead of failing: the page always renders (never a
 * 500) and the database only ever sees a small integer or a clean, bounded text.
 */

/** What Next hands a page for `?a=1&a=2`, `?a=1` and no `a`. */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Rows per page of the cards' lists (Team, Licences, Extensions, Phone numbers). 25 keeps each
 * card's HTML under issue 15's 150 kB whatever the company's size: a Phone numbers row, with its
 * picker and forms, is about 2 kB of HTML and as much again of payload.
 */
export const LIST_PAGE_SIZE = 25;

/** The highest page a URL may ask for; an offset past it would not fit PostgreSQL's integers anyway. */
export const PAGE_MAX = 10_000;
/** How much of a search text is kept. */
export const SEARCH_TEXT_MAX = 100;

/** A repeated parameter counts by its first value. */
export const firstValue = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** Every parameter by its first value, absent ones left out (so defaults spread under them survive). */
export function firstValues(params: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = firstValue(value);
    if (typeof first === 'string') out[key] = first;
  }
  return out;
}

/** `?page=`: a whole number from 1 to `max`; anything else (abc, -1, 0, 2.5, 1e20) is page 1. */
export const pageParam = (max = PAGE_MAX) =>
  z.preprocess(firstValue, z.coerce.number<unknown>().int().min(1).max(max)).catch(1);

/** A free text parameter: control characters dropped, trimmed, cut at `max` characters; '' when absent. */
export const textParam = (max = SEARCH_TEXT_MAX) =>
  z.preprocess(firstValue, z.string().transform((v) => cutAt(withoutControlCharacters(v).trim(), max))).catch('');

/** `?q=`: what the admin searched for. */
export const searchTextParam = () => textParam(SEARCH_TEXT_MAX);

/** One of `values`, or undefined for anything else. */
export const choiceParam = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(firstValue, z.enum(values).optional()).catch(undefined);

/** Pages that only page through a list. */
export const pageSearchSchema = z.object({ page: pageParam() });

/**
 * A dynamic route segment as it was typed (Next hands it over percent-encoded). A malformed
 * encoding (`%E0%A4%A`) reads as '' so the page says the link is not valid.
 */
export function decodeSegment(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}

/**
 * A path whose percent-encoding is malformed (`/activate/%E0%A4%A`, a lone `%`) makes Next's
 * router answer a bare 500 before any page runs. This is the same path with the bad escapes
 * made literal `%` signs, so it routes like any other (a dynamic segment then reads it as
 * text, an unknown path gets the 404 page); undefined when the path decodes fine.
 */
export function repairedPath(pathname: string): string | undefined {
  if (canDecode(pathname)) return undefined;
  const lenient = pathname.replace(/%(?![0-9a-f]{2})/gi, '%25');
  // Escapes that are hex but no UTF-8 character (%E0%A4 cut short, %C0%80): all literal.
  return canDecode(lenient) ? lenient : pathname.replaceAll('%', '%25');
}

function canDecode(value: string) {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}
