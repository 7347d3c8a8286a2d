import { and, asc, eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { db, type Db } from '@/db';
import { extensions, users } from '@/db/schema';
import { LOCALES, type Locale } from '@/lib/i18n/locales';
import { COLUMN_LABELS, IMPORT_COLUMNS, LICENCE_LABELS, type ImportField } from './import-parse';
import type { Licence } from './schema';
import { neutraliseFormula } from './spreadsheet-cells';

/*
 * The import's template and the team's export, as CSV or .xlsx: the same columns, headers and
 * licence words the import reads in that language, every cell neutralised against formulas
 * (lib/team/spreadsheet-cells.ts), so an exported file imports back unchanged.
 */

export const TEAM_FILE_FORMATS = ['csv', 'xlsx'] as const;
export type TeamFileFormat = (typeof TEAM_FILE_FORMATS)[number];

/** ?format=csv|xlsx&lang=fr|en on the template and export routes; anything else falls back. */
export const teamFileParamsSchema = z.object({
  format: z.enum(TEAM_FILE_FORMATS).catch('csv'),
  lang: z.enum(LOCALES).optional().catch(undefined),
});

export type TeamFileRow = { firstName: string; lastName: string; email: string; licence: Licence; extension: string | null };
export type TeamFile = { body: Uint8Array; contentType: string; extension: TeamFileFormat };

const CONTENT_TYPES: Record<TeamFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
// Excel opens a CSV with the list separator of the system's region: ';' in French, ',' in English.
const DELIMITERS: Record<Locale, ',' | ';'> = { fr: ';', en: ',' };
const SHEET_NAMES: Record<Locale, string> = { fr: 'Équipe', en: 'Team' };
const COLUMN_WIDTHS: Record<ImportField, number> = { firstName: 20, lastName: 24, email: 36, licence: 16, extension: 10 };

/** The company's users as the import reads them, in the Team card's order (by extension). */
export async function getTeamFileRows(companyId: string, exec: Db = db()): Promise<TeamFileRow[]> {
  return exec
    .select({
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      licence: users.licence,
      extension: extensions.number,
    })
    .from(users)
    .leftJoin(extensions, and(eq(extensions.userId, users.id), eq(extensions.type, 'user')))
    .where(eq(users.companyId, companyId))
    .orderBy(sql`length(${extensions.number})`, asc(extensions.number), users.lastName, users.firstName, users.id);
}

function cellsOf(row: TeamFileRow, locale: Locale): string[] {
  const values: Record<ImportField, string> = {
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    licence: LICENCE_LABELS[locale][row.licence],
    extension: row.extension ?? '',
  };
  return IMPORT_COLUMNS.map((field) => neutraliseFormula(values[field]));
}

/** The template (no rows) or an export (the team's rows), in one format and language. */
export async function teamFile(rows: readonly TeamFileRow[], format: TeamFileFormat, locale: Locale): Promise<TeamFile> {
  const header = IMPORT_COLUMNS.map((field) => COLUMN_LABELS[locale][field]);
  const data = rows.map((row) => cellsOf(row, locale));
  if (format === 'csv') {
    const text = Papa.unparse({ fields: header, data }, { delimiter: DELIMITERS[locale], newline: '\r\n' });
    // papaparse ends a header-only file with a line break, not one with rows.
    const lines = text.endsWith('\r\n') ? text : `${text}\r\n`;
    // The BOM makes Excel read the file as UTF-8 instead of the system's code page.
    return { body: new TextEncoder().encode(`\uFEFF${lines}`), contentType: CONTENT_TYPES.csv, extension: 'csv' };
  }
  // Every cell a String, so an extension or an e-mail never turns into a number or a date.
  const sheet = [
    header.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
    ...data.map((cells) => cells.map((value) => ({ value, type: String }))),
  ];
  const buffer = await writeXlsxFile(sheet, {
    sheet: SHEET_NAMES[locale],
    columns: IMPORT_COLUMNS.map((field) => ({ width: COLUMN_WIDTHS[field] })),
    stickyRowsCount: 1,
  }).toBuffer();
  return { body: new Uint8Array(buffer), contentType: CONTENT_TYPES.xlsx, extension: 'xlsx' };
}

/** The response of a template or export route: a download with its file name. */
export function teamFileResponse(file: TeamFile, name: string): Response {
  return new Response(file.body as BodyInit, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${name}.${file.extension}"`,
      // The team's e-mail addresses: never kept by a shared cache.
      'Cache-Control': 'private, no-store',
    },
  });
}
