import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { extensions, users } from '@/db/schema';
import { block, checkExtensionNumber } from '@/lib/extensions/numbering';
import { runAction } from '@/lib/runner/run-action';
import { commitUserImport } from '@/lib/team/import-commit';
import { readImportFile } from '@/lib/team/import-file';
import { parseLicence } from '@/lib/team/import-parse';
import { getTeamFileRows, teamFile, type TeamFileRow } from '@/lib/team/team-file';
import { useTestDatabase } from '../../helpers/db';
import { bigCompany, fileOf, XLSX_TYPE } from './helpers';

useTestDatabase();

/** Names a spreadsheet would misread: formulas, quotes, both delimiters, accents, leading apostrophes. */
const FIRST = ['=SUM(A1:A9)', '+33 6 12 34 56 78', '-x', '@x', "'=déjà", "''+deux", 'Éloïse', 'Zoë "Zo"', 'Łukasz', 'Anne-Marie'];
const LAST = ['Dupont; fils', 'Smith, Jr.', 'O"Brien', '=HYPERLINK("http://x";"y")', "d'Artagnan", 'Lefèvre “l’aîné”', '-', 'Nuñez', '@home', 'Œuvre'];
const EMAIL = ['+33', '-x', "o'brien", 'eloise', 'a.b', 'x_y'];

/** The company's users as the import reads them back, admins and members alike. */
const snapshot = (companyId: string) => getTeamFileRows(companyId);

describe('export then import: 1,000 users come back unchanged', () => {
  let source: TeamFileRow[];
  let csv: Uint8Array;
  let xlsx: Uint8Array;
  let freeForAdmin: string;

  beforeAll(async () => {
    const { company } = await bigCompany({ officeSeats: 20 });
    const rules = { length: 4 as const, country: 'FR' as const };
    const [from, to] = block('user', 4);
    const numbers: string[] = [];
    for (let n = from; n <= to && numbers.length < 1_001; n++) {
      const s = String(n);
      if (s !== '1010' && !checkExtensionNumber(s, rules)) numbers.push(s);
    }
    // The last valid number is left for the admin of the companies the file is imported into.
    freeForAdmin = numbers.pop()!;
    const people = numbers.map((number, i) => ({
      companyId: company.id,
      firstName: FIRST[i % FIRST.length]!,
      lastName: `${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`,
      email: `${EMAIL[i % EMAIL.length]}${i}@round-trip.test`,
      role: 'member' as const,
      licence: i % 100 === 0 ? ('office' as const) : ('free' as const),
    }));
    const inserted = await db().insert(users).values(people).returning({ id: users.id, email: users.email });
    await db()
      .insert(extensions)
      .values(inserted.map((u, i) => ({ companyId: company.id, number: numbers[i]!, type: 'user' as const, userId: u.id })));
    source = await snapshot(company.id);
    csv = (await teamFile(source, 'csv', 'fr')).body;
    xlsx = (await teamFile(source, 'xlsx', 'en')).body;
    // E-mail addresses are unique across companies: the file goes back in once its users are gone.
    await db().delete(users).where(eq(users.companyId, company.id));
  });

  it('holds the 1,000 users and their admin, with every tricky name', () => {
    expect(source).toHaveLength(1_001);
    for (const name of FIRST) expect(source.some((r) => r.firstName === name)).toBe(true);
  });

  it('neutralises every formula-like cell of both files, and only those', async () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv);
    expect(text.startsWith('\uFEFFPrénom;Nom;E-mail;Type de licence;Poste\r\n')).toBe(true);
    const csvCells = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true }).data.flat();
    const xlsxCells = (await readSheet(Buffer.from(xlsx), { parseNumber: (n) => n, trim: false })).flat().map(String);
    for (const cells of [csvCells, xlsxCells]) {
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
      expect(cells).toContain("'=SUM(A1:A9)");
      expect(cells).toContain("'+33 6 12 34 56 78");
      expect(cells).toContain("''=déjà");
      expect(cells).toContain('Éloïse');
    }
    expect(csvCells).toContain('Gratuite');
    expect(xlsxCells).toContain('Free');
  });

  it('reads both files back to exactly the same rows', async () => {
    for (const file of [fileOf(csv, 'team.csv'), fileOf(xlsx, 'team.xlsx', XLSX_TYPE)]) {
      const parsed = await readImportFile(file, 'fr');
      if (!parsed.ok) throw new Error(parsed.error.key);
      const rows = parsed.rows.map((r) => ({
        firstName: r.firstName,
        lastName: r.lastName,
        email: r.email,
        licence: parseLicence(r.licence),
        extension: r.extension,
      }));
      expect(rows).toEqual(source);
    }
  });

  it.each([
    ['CSV (French)', () => fileOf(csv, 'équipe.csv')],
    ['XLSX (English)', () => fileOf(xlsx, 'team.xlsx', XLSX_TYPE)],
  ])('imports the %s export into another company: the same users, names, licences and extensions', async (_, file) => {
    const target = await bigCompany({ officeSeats: 20, adminExtension: freeForAdmin });
    const result = await runAction(commitUserImport, { userId: target.admin.id, locale: 'fr', input: { file: file() } });
    expect(result).toEqual({ ok: true, data: { imported: 1_001, skipped: 0 } });
    const landed = (await snapshot(target.company.id)).filter((r) => r.email !== target.admin.email);
    expect(landed).toEqual(source);
    // Let the next format go into a company of its own, with the same e-mail addresses.
    await db().delete(users).where(eq(users.companyId, target.company.id));
  });
});

describe('the template', () => {
  it('is the header row the import reads, in each language and format, and imports as "no users yet"', async () => {
    const csvFr = new TextDecoder('utf-8', { ignoreBOM: true }).decode((await teamFile([], 'csv', 'fr')).body);
    expect(csvFr).toBe('\uFEFFPrénom;Nom;E-mail;Type de licence;Poste\r\n');
    const csvEn = new TextDecoder('utf-8', { ignoreBOM: true }).decode((await teamFile([], 'csv', 'en')).body);
    expect(csvEn).toBe('\uFEFFFirst name,Last name,Email,License,Extension\r\n');
    const xlsxFr = (await teamFile([], 'xlsx', 'fr')).body;
    expect(await readSheet(Buffer.from(xlsxFr))).toEqual([['Prénom', 'Nom', 'E-mail', 'Type de licence', 'Poste']]);
    for (const file of [fileOf(csvFr), fileOf(csvEn), fileOf(xlsxFr, 'modèle.xlsx', XLSX_TYPE)]) {
      expect(await readImportFile(file, 'en')).toEqual({ ok: false, error: { key: 'errors.importNoRows' } });
    }
  });
});
