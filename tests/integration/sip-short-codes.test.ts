import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { RESERVED_CODES } from '@/lib/extensions/numbering';
import { useTestDatabase } from '../helpers/db';

// Kamailio sends the codes of sip.short_codes to the carrier as emergency calls; the numbering
// rules refuse extensions that collide with RESERVED_CODES. The two lists must be the same.

useTestDatabase({ numbers: 0 });

describe('the short codes Kamailio routes as emergency calls', () => {
  it('are exactly the codes the numbering rules reserve, country by country, emergencies flagged alike', async () => {
    const rows = (await db().execute(sql`select country, code, emergency from sip.short_codes`)) as unknown as {
      rows: { country: string; code: string; emergency: boolean }[];
    };
    const inDb = rows.rows.map((r) => `${r.country} ${r.code} ${r.emergency ? 'emergency' : 'service'}`).sort();
    const inRules = Object.entries(RESERVED_CODES)
      .flatMap(([country, codes]) => codes.map((c) => `${country} ${c.code} ${c.emergency ? 'emergency' : 'service'}`))
      .sort();
    expect(inDb).toEqual(inRules);
    // Issue 14's additions are in both.
    for (const code of ['FR 116117 emergency', 'FR 191 emergency', 'FR 196 emergency', 'FR 197 emergency', 'US 933 emergency',
      'US 988 service', 'CA 988 service', 'GB 101 service', 'GB 105 service', 'GB 111 service', 'GB 116xxx service',
      'BE 1xx service', 'CH 1xx service']) {
      expect(inDb).toContain(code);
    }
  });

  it('match a dialled number digit for digit, x standing for any digit', async () => {
    const match = async (country: string, dialled: string) =>
      ((await db().execute(sql`select sip.short_code(${country}, ${dialled}) as code`)) as unknown as { rows: { code: string | null }[] }).rows[0]?.code ??
      null;
    expect(await match('FR', '116006')).toBe('116xxx');
    expect(await match('FR', '1160')).toBeNull();
    expect(await match('FR', '1120')).toBeNull();
    expect(await match('US', '911')).toBe('911');
    expect(await match('FR', '911')).toBeNull();
    expect(await match('US', '988')).toBe('988');
    expect(await match('GB', '116123')).toBe('116xxx');
    // A range overlapping single codes: the emergency code is the one named.
    expect(await match('FR', '116000')).toBe('116000');
    expect(await match('BE', '101')).toBe('101');
    expect(await match('BE', '123')).toBe('1xx');
    expect(await match('CH', '1414')).toBe('1414');
    expect(await match('CH', '1813')).toBe('1xxx');
    expect(await match('CH', '200')).toBeNull();
  });

  it('say which calls are emergencies: 911 and 933, not 988 or 411', async () => {
    const emergency = async (country: string, dialled: string) =>
      (
        (await db().execute(sql`select sip.short_code_emergency(${country}, ${dialled}) as e`)) as unknown as {
          rows: { e: boolean | null }[];
        }
      ).rows[0]?.e ?? null;
    expect(await emergency('US', '911')).toBe(true);
    expect(await emergency('US', '933')).toBe(true);
    expect(await emergency('CA', '933')).toBe(true);
    expect(await emergency('US', '988')).toBe(false);
    expect(await emergency('US', '411')).toBe(false);
    expect(await emergency('BE', '101')).toBe(true);
    expect(await emergency('BE', '102')).toBe(false);
    expect(await emergency('FR', '116006')).toBe(false);
    expect(await emergency('FR', '116117')).toBe(true);
    expect(await emergency('US', '912')).toBeNull();
  });
});
