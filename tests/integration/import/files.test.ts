import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { users } from '@/db/schema';
import { runAction } from '@/lib/runner/run-action';
import { commitUserImport, previewUserImport } from '@/lib/team/import-commit';
import { decodeCsvBytes, readImportFile } from '@/lib/team/import-file';
import { IMPORT_MAX_ROWS } from '@/lib/team/import-parse';
import { IMPORT_MAX_BYTES } from '@/lib/team/schema';
import { useTestDatabase } from '../../helpers/db';
import { signUpCompany } from '../../helpers/factories';
import { bigCompany, fileOf, windows1252, XLSX_TYPE } from './helpers';

useTestDatabase();

const HEADER = 'Prénom;Nom;E-mail;Type de licence;Poste';
const accented = (tag: string) =>
  [
    HEADER,
    `Léa;Müller-Œhlenschläger;lea-${tag}@exemple.fr;Gratuite;`,
    `François;Lefèvre “fils”;francois-${tag}@exemple.fr;Gratuite;210`,
    `Zoë;Nuñez;zoe-${tag}@exemple.fr;Free;`,
  ].join('\r\n') + '\r\n';

const preview = (userId: string, file: File, locale: 'en' | 'fr' = 'en') =>
  runAction(previewUserImport, { userId, locale, input: { file } });

describe('CSV encodings', () => {
  it('decodes a Windows-1252 file from Excel without mojibake, and imports it', async () => {
    const { admin, company } = await signUpCompany({ companyName: 'Cp1252' });
    const tag = randomUUID();
    const bytes = windows1252(accented(tag));
    // Not UTF-8: é is the single byte 0xE9, Œ is 0x8C (a Windows-only letter), “ is 0x93.
    expect(bytes.includes(0xe9) && bytes.includes(0x8c) && bytes.includes(0x93)).toBe(true);
    expect(decodeCsvBytes(bytes)).toMatchObject({ ok: true, encoding: 'windows-1252' });

    const result = await preview(admin.id, fileOf(bytes, 'équipe.csv'), 'fr');
    expect(result.formError).toBeUndefined();
    expect(result.data!.rows.map((r) => [r.firstName, r.lastName])).toEqual([
      ['Léa', 'Müller-Œhlenschläger'],
      ['François', 'Lefèvre “fils”'],
      ['Zoë', 'Nuñez'],
    ]);
    const done = await runAction(commitUserImport, { userId: admin.id, locale: 'fr', input: { file: fileOf(bytes) } });
    expect(done).toEqual({ ok: true, data: { imported: 3, skipped: 0 } });
    const [lea] = await db()
      .select({ firstName: users.firstName, lastName: users.lastName })
      .from(users)
      .where(and(eq(users.companyId, company.id), eq(users.email, `lea-${tag}@exemple.fr`)));
    expect(lea).toEqual({ firstName: 'Léa', lastName: 'Müller-Œhlenschläger' });
  });

  it('reads ISO-8859-1 bytes the same way (Latin-1 letters are the same bytes)', () => {
    const latin1 = Uint8Array.from(Buffer.from('Prénom;Nom;E-mail\nLéa;Noël;lea@exemple.fr\n', 'latin1'));
    const decoded = decodeCsvBytes(latin1);
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(decoded.ok && decoded.text).toContain('Léa;Noël');
  });

  it('reads UTF-8 with and without a BOM as UTF-8', async () => {
    const { admin } = await signUpCompany({ companyName: 'Utf8' });
    for (const text of [accented(randomUUID()), `\uFEFF${accented(randomUUID())}`]) {
      expect(decodeCsvBytes(new TextEncoder().encode(text))).toMatchObject({ ok: true, encoding: 'utf-8' });
      const result = await preview(admin.id, fileOf(text));
      expect(result.data!.rows[0]).toMatchObject({ firstName: 'Léa', lastName: 'Müller-Œhlenschläger' });
    }
  });

  it('refuses UTF-16 (Excel’s “Unicode text”), with or without a BOM, saying how to save the file', async () => {
    const { admin } = await signUpCompany({ companyName: 'Utf16' });
    const text = accented(randomUUID());
    const files = [
      Buffer.from(`\uFEFF${text}`, 'utf16le'),
      Buffer.from(text, 'utf16le'),
      Buffer.from(`\uFEFF${text}`, 'utf16le').swap16(),
    ];
    for (const bytes of files) {
      const result = await preview(admin.id, fileOf(new Uint8Array(bytes), 'unicode.txt'));
      expect(result.data).toBeUndefined();
      expect(result.formError).toBe(
        'This file is saved as UTF-16 (“Unicode text”), which the import does not read. In Excel, save it as “CSV UTF-8” or as an Excel workbook (.xlsx).',
      );
    }
    const fr = await preview(admin.id, fileOf(new Uint8Array(files[0]!)), 'fr');
    expect(fr.formError).toMatch(/^Ce fichier est enregistré en UTF-16/);
  });

  it('refuses an old .xls and a file that is no text, each with its own message', async () => {
    const { admin } = await signUpCompany({ companyName: 'Binary' });
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await preview(admin.id, fileOf(xls, 'old.xls'))).formError).toBe(
      'Old Excel files (.xls) are not read. In Excel, save it as an Excel workbook (.xlsx) or as “CSV UTF-8”.',
    );
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await preview(admin.id, fileOf(png, 'photo.csv'))).formError).toBe(
      'This file is neither a CSV text nor an Excel workbook (.xlsx). Save it in one of these formats.',
    );
    const brokenZip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await preview(admin.id, fileOf(brokenZip, 'broken.xlsx'))).formError).toMatch(/^This Excel file could not be read/);
  });
});

describe('Excel workbooks', () => {
  it('imports the first sheet of an .xlsx: numbers as text, blank rows skipped, lines are row numbers', async () => {
    const { admin, company } = await signUpCompany({ companyName: 'Xlsx' });
    const tag = randomUUID();
    const workbook = await writeXlsxFile([
      {
        sheet: 'Équipe',
        data: [
          [null, null],
          ['First name', 'Last name', 'Email', 'License', 'Extension'],
          ['Léa', 'Noël', `lea-${tag}@example.com`, 'Free', 210],
          [null, null, null],
          ['Anaïs', "O'Brien; Jr.", `anais-${tag}@example.com`, 'Free', null],
          ['Bad', 'Row', 'not-an-email', 'Free', 211],
        ],
      },
      { sheet: 'Other', data: [['Prénom', 'Nom', 'E-mail'], ['Ignored', 'Sheet', `ignored-${tag}@example.com`]] },
    ]).toBuffer();
    // Named .csv on purpose: the bytes say what the file is.
    for (const name of ['team.xlsx', 'team.csv']) {
      const result = await preview(admin.id, fileOf(new Uint8Array(workbook), name, XLSX_TYPE));
      expect(result.formError).toBeUndefined();
      expect(result.data!.rows.map((r) => [r.line, r.firstName, r.lastName, r.extension, r.errors.map((e) => e.key)])).toEqual([
        [3, 'Léa', 'Noël', '210', []],
        [5, 'Anaïs', "O'Brien; Jr.", '102', []],
        [6, 'Bad', 'Row', '211', ['errors.emailInvalid']],
      ]);
    }
    const done = await runAction(commitUserImport, {
      userId: admin.id,
      locale: 'en',
      input: { file: fileOf(new Uint8Array(workbook), 'team.xlsx', XLSX_TYPE), mode: 'valid_only' },
    });
    expect(done).toEqual({ ok: true, data: { imported: 2, skipped: 1 } });
    const names = await db().select({ last: users.lastName }).from(users).where(eq(users.companyId, company.id));
    expect(names.map((n) => n.last).sort()).toEqual(['Admin', 'Noël', "O'Brien; Jr."]);
  });

  it('checks the headers of a workbook like those of a CSV', async () => {
    const { admin } = await signUpCompany({ companyName: 'XlsxHeaders' });
    const workbook = await writeXlsxFile([['Prénom', 'Poste'], ['Léa', '101']]).toBuffer();
    const result = await preview(admin.id, fileOf(new Uint8Array(workbook), 'x.xlsx', XLSX_TYPE), 'fr');
    expect(result.formError).toBe('Le fichier n’a pas de colonne pour : Nom, E-mail. Ajoutez une ligne d’en-tête avec ces colonnes.');
  });
});

describe('size and row limits', () => {
  /** Long names and addresses: 5,000 rows weigh more than the former 2 MB limit. */
  // An extra column the import ignores, as in an export from an HR system.
  const bigRow = (i: number, tag: string) =>
    `${'Éloïse-Marguerite'.padEnd(70, 'e')};${'de La Tour d’Auvergne'.padEnd(75, 'x')};${'prenom.nom'.padEnd(60, 'n')}${i}@${'departement'.padEnd(50, 'd')}.${tag}.example.com;Free;;${'Direction des systèmes d’information, site de Lyon'.padEnd(150, '.')}`;
  const bigFile = (rows: number, tag = randomUUID().slice(0, 8)) =>
    [`${HEADER};Service`, ...Array.from({ length: rows }, (_, i) => bigRow(i, tag))].join('\n') + '\n';

  it(`accepts a ${IMPORT_MAX_ROWS.toLocaleString('en')}-row file of more than 2 MB`, async () => {
    const { admin } = await bigCompany();
    const text = bigFile(IMPORT_MAX_ROWS);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2_000_000);
    expect(Buffer.byteLength(text)).toBeLessThan(IMPORT_MAX_BYTES);
    const result = await preview(admin.id, fileOf(text));
    expect(result.formError).toBeUndefined();
    expect(result.fieldErrors).toBeUndefined();
    expect(result.data!.rows).toHaveLength(IMPORT_MAX_ROWS);
    expect(result.data!.rows.at(-1)).toMatchObject({ line: IMPORT_MAX_ROWS + 1, firstName: expect.stringMatching(/^Éloïse/) });
  });

  it(`refuses a ${(IMPORT_MAX_ROWS + 1).toLocaleString('en')}-row file, CSV or .xlsx, with the row rule's message`, async () => {
    const { admin } = await bigCompany();
    const message = 'The file has more than 5,000 users. Split it into several files.';
    expect((await preview(admin.id, fileOf(bigFile(IMPORT_MAX_ROWS + 1)))).formError).toBe(message);
    const sheet = [['Prénom', 'Nom', 'E-mail'], ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => ['A', 'B', `u${i}@example.com`])];
    const workbook = new Uint8Array(await writeXlsxFile(sheet).toBuffer());
    expect((await preview(admin.id, fileOf(workbook, 'big.xlsx', XLSX_TYPE))).formError).toBe(message);
  });

  it('refuses a file over 5 MB with the size rule’s message, and an empty one', async () => {
    const { admin } = await signUpCompany({ companyName: 'Large' });
    const large = fileOf(new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x41));
    expect((await preview(admin.id, large)).fieldErrors).toEqual({ file: 'The file is too large (5 MB at most).' });
    expect((await preview(admin.id, fileOf(''), 'fr')).fieldErrors).toEqual({ file: 'Le fichier est vide.' });
    // A file, not its text: anything else is refused by the schema.
    expect((await runAction(previewUserImport, { userId: admin.id, locale: 'en', input: { file: 'Prénom;Nom' } })).fieldErrors?.file).toBeTruthy();
  });
});

describe('import the valid rows only', () => {
  it('all or nothing refuses a file with errors; valid_only imports the valid rows and counts the others', async () => {
    const { admin, company } = await signUpCompany({ companyName: 'Valid only' });
    const tag = randomUUID();
    const text = [
      HEADER,
      `Ana;Un;ana-${tag}@exemple.fr;Gratuite;`,
      `Bad;Deux;pas-une-adresse;Gratuite;`,
      `Cléo;Trois;cleo-${tag}@exemple.fr;Gratuite;`,
      `;Quatre;quatre-${tag}@exemple.fr;Gratuite;`,
      `Eve;Cinq;eve-${tag}@exemple.fr;Platinum;`,
    ].join('\n');
    const input = (mode: 'all_or_nothing' | 'valid_only') => ({ userId: admin.id, locale: 'en' as const, input: { file: fileOf(text), mode } });
    expect((await runAction(previewUserImport, input('valid_only'))).data).toMatchObject({ validCount: 2, errorCount: 3 });
    expect((await runAction(commitUserImport, input('all_or_nothing'))).formError).toBe(
      '3 lines have errors: nothing was imported. Fix the file or import only the valid lines.',
    );
    expect(await db().select().from(users).where(eq(users.companyId, company.id))).toHaveLength(1);
    expect(await runAction(commitUserImport, input('valid_only'))).toEqual({ ok: true, data: { imported: 2, skipped: 3 } });
    const names = await db().select({ first: users.firstName }).from(users).where(eq(users.companyId, company.id));
    expect(names.map((n) => n.first).sort()).toEqual(['Ada', 'Ana', 'Cléo']);
  });

  it('with no valid row, valid_only imports nothing and writes nothing', async () => {
    const { admin, company } = await signUpCompany({ companyName: 'None valid' });
    const text = `${HEADER}\nA;;x@exemple.fr;;\n;B;y@exemple.fr;;\n`;
    const result = await runAction(commitUserImport, { userId: admin.id, locale: 'en', input: { file: fileOf(text), mode: 'valid_only' } });
    expect(result).toEqual({ ok: true, data: { imported: 0, skipped: 2 } });
    expect(await db().select().from(users).where(eq(users.companyId, company.id))).toHaveLength(1);
  });

  it('readImportFile gives the same rows for the same table as CSV and as .xlsx', async () => {
    const rows = [['Prénom', 'Nom', 'E-mail', 'Poste'], ['=SUM(A1)', '\'+33 6 12', 'a@exemple.fr', '101']];
    const csv = await readImportFile(fileOf(rows.map((r) => r.join(';')).join('\n')), 'fr');
    const xlsx = await readImportFile(fileOf(new Uint8Array(await writeXlsxFile(rows).toBuffer())), 'fr');
    expect(csv.ok && csv.rows).toEqual(xlsx.ok && xlsx.rows);
  });
});
