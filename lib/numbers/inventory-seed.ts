import { sql } from 'drizzle-orm';
import { getCountryCallingCode, PhoneNumber, type MetadataJson } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';
import type { Db, Tx } from '@/db';
import type { NumberType } from '@/db/schema';
import type { CountryCode } from '@/lib/countries/rules';
import { AREAS, type Area } from './areas';

/*
 * The local carrier's inventory: numbers generated per area from a seeded PRNG (the same run
 * gives the same numbers, so seeding twice adds nothing), kept only when libphonenumber-js
 * says the number is valid AND of the expected type, then bulk inserted with
 * ON CONFLICT (e164) DO NOTHING.
 */

export type InventoryRow = { e164: string; country: string; type: NumberType; areaCode: string; regionName: string };

export type GenerateOptions = {
  /** Numbers per area instead of the area's full count (tests seed a small slice). */
  perArea?: number;
  /** Only these areas (default: all of AREAS). */
  areas?: readonly Area[];
  seed?: number;
};

/** mulberry32: tiny, fast, and good enough to scatter subscriber numbers. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: each area gets its own stream, so an area's numbers don't depend on the others. */
function hash(text: string) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * PhoneNumber's (country, national number, metadata) constructor: the one parse() itself uses,
 * typed in the library's JSDoc but not in its .d.ts. Twice as fast as parsing a string, which
 * matters for 100,000+ candidates at every fresh `npm start`; the tests check every generated
 * number again with the public isValidPhoneNumber().
 */
const FromParts = PhoneNumber as unknown as new (country: CountryCode, nationalNumber: string, metadata: MetadataJson) => PhoneNumber;

const EXPECTED_TYPES: Record<NumberType, readonly string[]> = {
  // FR 09 numbers are VOIP in libphonenumber's metadata; NANP local numbers FIXED_LINE_OR_MOBILE.
  local: ['FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'VOIP'],
  toll_free: ['TOLL_FREE'],
};

/**
 * Valid for libphonenumber-js (full metadata) in this country, and of the type the inventory
 * sells it as. Built from country + national number: +1 alone would read every NANP number
 * as a US one.
 */
export function isSellable(country: CountryCode, nationalNumber: string, type: NumberType): boolean {
  try {
    const number = new FromParts(country, nationalNumber, metadata);
    return number.isValid() && EXPECTED_TYPES[type].includes(number.getType() ?? '');
  } catch {
    return false;
  }
}

function subscriber(area: Area, random: () => number) {
  let digits = '';
  for (let i = 0; i < area.subscriberDigits; i++) {
    // NANP exchange codes start with 2-9; elsewhere a leading 0 or 1 is rarely valid either.
    const first = i === 0;
    digits += first ? String(2 + Math.floor(random() * 8)) : String(Math.floor(random() * 10));
  }
  // NANP: no N11 exchanges, no 555 (directory and fiction).
  if (area.country === 'US' || area.country === 'CA') {
    const exchange = digits.slice(0, 3);
    if (exchange.endsWith('11') || exchange === '555') return undefined;
  }
  return digits;
}

/** The numbers of one area, in a fixed order: the first n of a larger run are the same n. */
export function* areaNumbers(area: Area, seed = 1): Generator<InventoryRow> {
  const random = prng(hash(`${seed}:${area.country}:${area.type}:${area.areaCode}`));
  const callingCode = getCountryCallingCode(area.country, metadata);
  const seen = new Set<string>();
  // Invalid candidates are skipped; a cap keeps a bad area from looping forever.
  for (let attempts = 0; attempts < area.count * 20; attempts++) {
    const rest = subscriber(area, random);
    if (!rest) continue;
    const national = area.areaCode + rest;
    const e164 = `+${callingCode}${national}`;
    if (seen.has(e164) || !isSellable(area.country, national, area.type)) continue;
    seen.add(e164);
    yield { e164, country: area.country, type: area.type, areaCode: area.areaCode, regionName: area.name };
  }
}

export function generateInventory(opts: GenerateOptions = {}): InventoryRow[] {
  const rows: InventoryRow[] = [];
  const seen = new Set<string>();
  for (const area of opts.areas ?? AREAS) {
    const wanted = Math.min(opts.perArea ?? area.count, area.count);
    let n = 0;
    for (const row of areaNumbers(area, opts.seed)) {
      if (n >= wanted) break;
      // NANP toll-free prefixes are shared by US and CA: a number belongs to one of them.
      if (seen.has(row.e164)) continue;
      seen.add(row.e164);
      rows.push(row);
      n++;
    }
  }
  return rows;
}

/** Rows per INSERT. */
const CHUNK = 10_000;
/** From this many rows into an empty table, indexes are built once after the load instead. */
const BULK_LOAD = 20_000;

export type SeedResult = { generated: number; inserted: number; generateMs: number; insertMs: number };

type Exec = Db | Tx;

function arrayLiteral(values: string[]) {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** Five array parameters per statement whatever the chunk's size: no bind-parameter limit applies. */
async function insertRows(exec: Exec, rows: InventoryRow[], { skipExisting }: { skipExisting: boolean }) {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const column = (pick: (r: InventoryRow) => string) => arrayLiteral(chunk.map(pick));
    const result = await exec.execute(sql`
      insert into phone_numbers (e164, country, type, area_code, region_name)
      select * from unnest(
        ${column((r) => r.e164)}::text[],
        ${column((r) => r.country)}::text[],
        ${column((r) => r.type)}::text[],
        ${column((r) => r.areaCode)}::text[],
        ${column((r) => r.regionName)}::text[]
      )
      ${skipExisting ? sql`on conflict (e164) do nothing` : sql``}`);
    inserted += affectedRows(result);
  }
  return inserted;
}

/** Drops every index but the primary key and returns the statements that rebuild them. */
async function deferIndexes(tx: Tx): Promise<string[]> {
  const result = await tx.execute(sql`
    select indexname, indexdef from pg_indexes
    where schemaname = current_schema() and tablename = 'phone_numbers' and indexname <> 'phone_numbers_pkey'`);
  const rows = rowsOf<{ indexname: string; indexdef: string }>(result);
  for (const r of rows) await tx.execute(sql.raw(`drop index "${r.indexname}"`));
  return rows.map((r) => r.indexdef);
}

/**
 * Generates and inserts, in one transaction; numbers already present (any status) are left as
 * they are (ON CONFLICT (e164) DO NOTHING). A first load into an empty table (what `npm start`
 * does on a fresh machine) inserts with the primary key alone and builds the other indexes
 * once afterwards, the e164 unique index included: about twice as fast, and the generator
 * never yields the same number twice.
 */
export async function seedInventory(exec: Db, opts: GenerateOptions = {}): Promise<SeedResult> {
  const t0 = performance.now();
  const rows = generateInventory(opts);
  const t1 = performance.now();
  const inserted = await exec.transaction(async (tx) => {
    const bulk = rows.length >= BULK_LOAD && (await inventoryIsEmpty(tx));
    if (!bulk) return insertRows(tx, rows, { skipExisting: true });
    const rebuild = await deferIndexes(tx);
    const count = await insertRows(tx, rows, { skipExisting: false });
    for (const statement of rebuild) await tx.execute(sql.raw(statement));
    // PGlite has no autovacuum: without statistics the planner would not know the table is big.
    await tx.execute(sql`analyze phone_numbers`);
    return count;
  });
  return { generated: rows.length, inserted, generateMs: t1 - t0, insertMs: performance.now() - t1 };
}

/** node-postgres says rowCount, PGlite affectedRows. */
export function affectedRows(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export async function inventoryIsEmpty(exec: Exec): Promise<boolean> {
  const result = await exec.execute(sql`select exists (select 1 from phone_numbers) as "any"`);
  return !rowsOf<{ any: boolean }>(result)[0]?.any;
}
