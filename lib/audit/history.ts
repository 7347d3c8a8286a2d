import { and, desc, eq, sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { db, type Db } from '@/db';
import { pageInfo } from '@/lib/format/pages';
import { auditLog, companies, SETUP_CARDS, type SetupCard } from '@/db/schema';
import { defineAction } from '@/lib/actions/define';
import { formatDateTime } from '@/lib/format/date';
import type { Locale } from '@/lib/i18n/locales';
import { catalogs, type Messages } from '@/lib/i18n/messages';

export const HISTORY_PAGE_SIZE = 10;

export type HistoryChange = { field: string; label: string; before: string | null; after: string | null };

export type HistoryEntryView = {
  id: number;
  who: string;
  /** In the user's language and the company's time zone. */
  when: string;
  at: string;
  action: string;
  target: string | null;
  changes: HistoryChange[];
};

export type HistoryView = { card: SetupCard; page: number; pageCount: number; total: number; entries: HistoryEntryView[] };

type Row = typeof auditLog.$inferSelect;
type Has = (key: string) => boolean;
type T = (key: string, params?: Record<string, string | number>) => string;

function translatorWithHas(locale: Locale): { t: T; has: Has } {
  const tr = createTranslator({ locale, messages: catalogs[locale] as Messages });
  return {
    t: (key, params) => tr(key as never, params as never),
    has: (key) => tr.has(key as never),
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Fields holding an ISO 3166 country code, shown as the country's name. */
const COUNTRY_FIELDS = new Set(['country', 'addressCountry']);
/**
 * The one order fields are listed in, whatever the action: the order of history.fields in the
 * catalog (company, address, person, extension, money, numbers). JSONB does not keep the order
 * keys were written in; fields the catalog does not name come last, alphabetically.
 */
const FIELD_ORDER = new Map(Object.keys(catalogs.en.history.fields).map((field, index) => [field, index]));
const fieldRank = (field: string) => FIELD_ORDER.get(field) ?? Number.MAX_SAFE_INTEGER;
const byFieldOrder = (a: string, b: string) => fieldRank(a) - fieldRank(b) || a.localeCompare(b);

/** A stored before/after value as a reader sees it: translated enum values, dates, names. */
function formatValue(field: string, value: unknown, ctx: { t: T; has: Has; locale: Locale; timeZone: string }): string {
  if (value === null || value === undefined || value === '') return ctx.t('common.none');
  if (typeof value === 'boolean') return ctx.t(value ? 'history.yes' : 'history.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const key = `history.values.${field}.${value}`;
    if (/^[\w-]+$/.test(value) && ctx.has(key)) return ctx.t(key);
    if (COUNTRY_FIELDS.has(field) && /^[A-Z]{2}$/.test(value)) {
      return new Intl.DisplayNames([ctx.locale], { type: 'region' }).of(value) ?? value;
    }
    if (ISO.test(value)) {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) return formatDateTime(date, ctx.locale, ctx.timeZone);
    }
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return ctx.t('common.none');
    return value
      .map((item) =>
        item && typeof item === 'object' && 'name' in item && typeof item.name === 'string'
          ? item.name
          : formatValue(field, item, ctx),
      )
      .join(', ');
  }
  return Object.entries(value as Record<string, unknown>)
    .sort(([a], [b]) => byFieldOrder(a, b))
    .map(([k, v]) => `${label(k, ctx)}: ${formatValue(k, v, ctx)}`)
    .join(', ');
}

function label(field: string, ctx: { t: T; has: Has }) {
  const key = `history.fields.${field}`;
  return /^\w+$/.test(field) && ctx.has(key) ? ctx.t(key) : field;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * What the entry is about, as a reader names it: an id (an order, a row) is never shown; the
 * action's own description from its snapshot takes its place ("5 Office seats"), or nothing.
 */
function describeTarget(row: Row, ctx: { t: T; has: Has }): string | null {
  if (!row.target || !UUID.test(row.target)) return row.target;
  const key = `history.targets.${row.action}`;
  if (!/^[\w.]+$/.test(row.action) || !ctx.has(key)) return null;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries({ ...asRecord(row.before), ...asRecord(row.after) })) {
    if (typeof v === 'number' || typeof v === 'string') params[k] = v;
  }
  return ctx.t(key, params);
}

/** "field: old -> new" for every key of before/after; a key on one side only is an addition or a removal. */
export function describeEntry(row: Row, locale: Locale, timeZone: string): HistoryEntryView {
  const { t, has } = translatorWithHas(locale);
  const ctx = { t, has, locale, timeZone };
  const before = asRecord(row.before);
  const after = asRecord(row.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(byFieldOrder);
  const changes = fields
    .map((field) => ({
      field,
      label: label(field, ctx),
      before: field in before ? formatValue(field, before[field], ctx) : null,
      after: field in after ? formatValue(field, after[field], ctx) : null,
    }))
    // "Type: User -> User" says nothing.
    .filter((change) => change.before === null || change.after === null || change.before !== change.after);
  const actionKey = `history.actions.${row.action}`;
  return {
    id: row.id,
    who: row.actorName,
    when: formatDateTime(row.at, locale, timeZone),
    at: row.at.toISOString(),
    action: /^[\w.]+$/.test(row.action) && has(actionKey) ? t(actionKey) : row.action,
    target: describeTarget(row, { t, has }),
    changes,
  };
}

/** One page of a card's history, newest first: the page and its total in one statement. */
export async function loadHistory(
  companyId: string,
  card: SetupCard,
  page: number,
  locale: Locale,
  exec: Db = db(),
): Promise<HistoryView> {
  const current = Math.max(1, Math.floor(page) || 1);
  const rows = await exec
    .select({
      entry: auditLog,
      timeZone: companies.timeZone,
      total: sql<number>`count(*) over()`.mapWith(Number),
    })
    .from(auditLog)
    .innerJoin(companies, eq(companies.id, auditLog.companyId))
    .where(and(eq(auditLog.companyId, companyId), eq(auditLog.card, card)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(HISTORY_PAGE_SIZE)
    .offset((current - 1) * HISTORY_PAGE_SIZE);
  let total = rows[0]?.total ?? 0;
  let timeZone = rows[0]?.timeZone;
  if (rows.length === 0) {
    // Past the last page (or no history yet): the total and time zone without rows.
    const [row] = await exec
      .select({
        timeZone: companies.timeZone,
        total: sql<number>`(select count(*)::int from audit_log a where a.company_id = ${companyId} and a.card = ${card})`,
      })
      .from(companies)
      .where(eq(companies.id, companyId));
    total = Number(row?.total ?? 0);
    timeZone = row?.timeZone;
  }
  return {
    card,
    ...pageInfo(current, total, HISTORY_PAGE_SIZE),
    entries: rows.map((r) => describeEntry(r.entry, locale, timeZone ?? 'UTC')),
  };
}

export const historyPageSchema = z.object({
  card: z.enum(SETUP_CARDS),
  page: z.coerce.number().int().min(1).max(100_000),
});

/** Another page of a card's History panel (admins only, like every card). */
export const historyPage = defineAction({
  schema: historyPageSchema,
  handler: (input, { tx, actor, locale }) => loadHistory(actor.companyId, input.card, input.page, locale, tx),
});
