import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { RESERVED_CODES } from '@/lib/extensions/numbering';
import { useTestDatabase } from '../helpers/db';

// Kamailio sends the codes of sip.short_codes to the carrier as emergency calls; the numbering
// rules refuse extensions that collide with RESERVED_CODES. The two lists must be the same.

useTestDatabase({ numbers: 0 });

describe('the short codes Kamailio routes as emergency calls', () => {
  it('are exactly the codes the numbering rules reserve, country by country', async () => {
    const rows = (await db().execute(sql`select country, code from sip.short_codes`)) as unknown as { rows: { country: string; code: string }[] };
    const inDb = rows.rows.map((r) => `${r.country} ${r.code}`).sort();
    const inRules = Object.entries(RESERVED_CODES)
      .flatMap(([country, codes]) => codes.map((code) => `${country} ${code}`))
      .sort();
    expect(inDb).toEqual(inRules);
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
  });
});
