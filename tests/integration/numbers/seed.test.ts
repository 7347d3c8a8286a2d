import { count, eq, sql } from 'drizzle-orm';
import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { phoneNumbers } from '@/db/schema';
import { AREAS, NANP_TOLL_FREE } from '@/lib/numbers/areas';
import { generateInventory, inventoryIsEmpty, seedInventory } from '@/lib/numbers/inventory-seed';
import { useTestDatabase } from '../../helpers/db';

// An empty inventory: this file seeds its own slices.
useTestDatabase({ numbers: 0 });

describe('the generator', () => {
  const full = generateInventory();

  it('generates at least 100,000 numbers, every area filled', () => {
    expect(full.length).toBeGreaterThanOrEqual(100_000);
    const perArea = new Map<string, number>();
    for (const r of full) perArea.set(`${r.country}:${r.type}:${r.areaCode}`, (perArea.get(`${r.country}:${r.type}:${r.areaCode}`) ?? 0) + 1);
    for (const a of AREAS) expect(perArea.get(`${a.country}:${a.type}:${a.areaCode}`), `${a.country} ${a.areaCode}`).toBe(a.count);
  });

  it('covers the areas the issue lists', () => {
    const codes = (country: string, type: string) => new Set(AREAS.filter((a) => a.country === country && a.type === type).map((a) => a.areaCode));
    expect([...codes('FR', 'local')].sort()).toEqual(['1', '2', '3', '4', '5', '9']);
    expect([...codes('FR', 'toll_free')].sort()).toEqual(['800', '801', '802', '803', '804', '805']);
    expect(codes('US', 'local').size + codes('CA', 'local').size).toBeGreaterThanOrEqual(30);
    for (const c of ['US', 'CA']) expect([...codes(c, 'toll_free')].sort()).toEqual([...NANP_TOLL_FREE].sort());
    for (const c of ['GB', 'BE', 'CH']) expect(codes(c, 'local').size).toBeGreaterThanOrEqual(3);
    const name = (country: string, code: string) => AREAS.find((a) => a.country === country && a.areaCode === code)?.name;
    expect(name('FR', '1')).toBe('Île-de-France');
    expect(name('US', '212')).toBe('New York, NY');
    expect(name('CA', '514')).toBe('Montréal, QC');
    expect(name('GB', '161')).toBe('Manchester');
    expect(name('CH', '22')).toBe('Genève');
  });

  it('produces only numbers libphonenumber-js says are valid, of the right country, type and area', () => {
    // Every 7th number (17,000) through the public API, the full metadata, from E.164.
    for (let i = 0; i < full.length; i += 7) {
      const row = full[i];
      expect(isValidPhoneNumber(row.e164), row.e164).toBe(true);
      const parsed = parsePhoneNumberFromString(row.e164, row.country as never)!;
      expect(parsed.isValid()).toBe(true);
      expect(parsed.nationalNumber.startsWith(row.areaCode), row.e164).toBe(true);
      const type = parsed.getType();
      if (row.type === 'toll_free') expect(type).toBe('TOLL_FREE');
      else expect(['FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'VOIP']).toContain(type);
      // NANP numbers parse as US by default; the others must be of their own country.
      if (!['US', 'CA'].includes(row.country)) expect(parsed.country).toBe(row.country);
    }
  });

  it('never repeats a number and is deterministic', () => {
    expect(new Set(full.map((r) => r.e164)).size).toBe(full.length);
    const again = generateInventory({ perArea: 5 });
    expect(again).toEqual(generateInventory({ perArea: 5 }));
    // A slice is the start of the full run: seeding a slice, then everything, adds the rest.
    const first = full.filter((r) => r.country === 'GB' && r.areaCode === '161').slice(0, 5);
    expect(again.filter((r) => r.country === 'GB' && r.areaCode === '161')).toEqual(first);
  });
});

describe('seeding', () => {
  const total = async () => (await db().select({ n: count() }).from(phoneNumbers))[0].n;

  it('inserts a slice, then nothing the second time, and keeps what companies did with numbers', async () => {
    expect(await inventoryIsEmpty(db())).toBe(true);
    const first = await seedInventory(db(), { perArea: 10 });
    expect(first.inserted).toBe(first.generated);
    expect(await total()).toBe(first.generated);
    expect(await inventoryIsEmpty(db())).toBe(false);

    const [someone] = await db().select().from(phoneNumbers).limit(1);
    await db().update(phoneNumbers).set({ regionName: 'edited' }).where(eq(phoneNumbers.id, someone.id));
    const second = await seedInventory(db(), { perArea: 10 });
    expect(second).toMatchObject({ generated: first.generated, inserted: 0 });
    expect(await total()).toBe(first.generated);
    const [after] = await db().select().from(phoneNumbers).where(eq(phoneNumbers.id, someone.id));
    expect(after.regionName).toBe('edited');

    // A bigger slice adds only the numbers the smaller one did not have.
    const third = await seedInventory(db(), { perArea: 12 });
    expect(third.inserted).toBe(third.generated - first.generated);
  });

  it('stores the national digits the "digits contained" search reads', async () => {
    const rows = await db()
      .select({ e164: phoneNumbers.e164, national: phoneNumbers.national })
      .from(phoneNumbers)
      .where(sql`${phoneNumbers.country} in ('FR', 'US', 'GB')`)
      .limit(200);
    for (const r of rows) {
      expect(r.national).toBe(parsePhoneNumberFromString(r.e164)!.formatNational().replace(/\D/g, ''));
    }
  });
});
