import { sql } from 'drizzle-orm';
import { getCountryCallingCode, PhoneNumber } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';
import type { Db } from '@/db';
import type { NumberType } from '@/db/schema';
import type { CountryCode } from '@/lib/company/countries';
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
    const number = new PhoneNumber(country, nationalNumber, metadata);
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

/** Rows per INSERT: five arrays whatever the size, so no bind-parameter limit applies. */
const CHUNK = 10_000;

export type SeedResult = { generated: number; inserted: number; generateMs: number; insertMs: number };

/** Generates and inserts; numbers already present (any status) are left as they are. */
export async function seedInventory(exec: Db, opts: GenerateOptions = {}): Promise<SeedResult> {
  const t0 = performance.now();
  const rows = generateInventory(opts);
  const t1 = performance.now();
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const column = (pick: (r: InventoryRow) => string) => `{${chunk.map(pick).join(',')}}`;
    const result = await exec.execute(sql`
      insert into phone_numbers (e164, country, type, area_code, region_name)
      select * from unnest(
        ${column((r) => r.e164)}::text[],
        ${column((r) => r.country)}::text[],
        ${column((r) => r.type)}::text[],
        ${column((r) => r.areaCode)}::text[],
        ${column((r) => `"${r.regionName.replace(/["\\]/g, (c) => `\\${c}`)}"`)}::text[]
      )
      on conflict (e164) do nothing`);
    inserted += affectedRows(result);
  }
  return { generated: rows.length, inserted, generateMs: t1 - t0, insertMs: performance.now() - t1 };
}

/** node-postgres says rowCount, PGlite affectedRows. */
export function affectedRows(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}

export async function inventoryIsEmpty(exec: Db): Promise<boolean> {
  const result = await exec.execute(sql`select exists (select 1 from phone_numbers) as any`);
  const rows = (result as unknown as { rows: { any: boolean }[] }).rows;
  return !rows[0]?.any;
}
