import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { parseUserCsv } from '@/lib/team/import-parse';
import { previewImport } from '@/lib/team/import-preview';
import { signUpCompany } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

useTestDatabase();

const csv = (rows: string[]) => ['First name;Last name;E-mail;Licence type;Extension', ...rows].join('\r\n') + '\r\n';

// The import hands out extensions with the same rule as one added by hand: where the 1xx block is
// reserved or full of service codes (GB, BE, CH), users start at 200.
describe('import auto-assigns extensions in the country user block', () => {
  it.each([
    ['GB', ['201', '202']],
    ['BE', ['201', '202']],
    ['FR', ['102', '103']],
  ] as const)('%s', async (country, expected) => {
    const { company } = await signUpCompany({ companyName: `Block ${randomUUID()}`, country });
    const rows = ['Ann;One', 'Bob;Two'].map((n, i) => `${n};u${i}-${randomUUID()}@example.com;Free;`);
    const parsed = parseUserCsv(csv(rows));
    if (!parsed.ok) throw new Error(parsed.error.key);
    const preview = await previewImport(db(), company, parsed.rows);
    expect(preview.rows.map((r) => [r.extension, r.errors])).toEqual(expected.map((e) => [e, []]));
  });
});
