import Papa from 'papaparse';
import type { Locale } from '@/lib/i18n/locales';
import type { Licence } from './schema';
import { restoreFormula } from './spreadsheet-cells';

/*
 * Import of users, step 1: reading the table (a CSV text with papaparse, ',' or ';', or the
 * first sheet of a workbook; French or English headers). Which bytes are which format is
 * lib/team/import-file.ts; what the rows mean, lib/team/import-preview.ts; writing them,
 * lib/team/import-commit.ts.
 */

export const IMPORT_MAX_ROWS = 5_000;

export type ImportField = 'firstName' | 'lastName' | 'email' | 'licence' | 'extension';
export type ImportParams = Record<string, string | number>;

/** One data row as written in the file (values trimmed, not validated). */
export type CsvRow = {
  /** 1-based line of the file where the row starts (a workbook's row number); the header is line 1. */
  line: number;
  firstName: string;
  lastName: string;
  email: string;
  licence: string;
  extension: string;
  /** papaparse could not read the row's quotes. */
  malformed?: boolean;
};

export type ParsedCsv =
  /** delimiter: null for a workbook. */
  | { ok: true; rows: CsvRow[]; delimiter: ',' | ';' | null; columns: ImportField[] }
  | { ok: false; error: { key: string; params?: ImportParams }; missing?: ImportField[] };

/** "Prénom " -> "prenom", "E-mail" -> "email", "Type de licence" -> "typedelicence". */
function headerKey(value: string) {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const HEADERS: Record<ImportField, readonly string[]> = {
  firstName: ['Prénom', 'First name', 'Firstname', 'Given name'],
  lastName: ['Nom', 'Nom de famille', 'Last name', 'Lastname', 'Surname', 'Family name'],
  email: ['E-mail', 'Email', 'Adresse e-mail', 'Adresse mail', 'Courriel', 'Mail', 'E-mail address'],
  licence: ['Type de licence', 'Licence', 'License', 'Licence type', 'License type'],
  extension: ['Poste', 'Extension', 'Ext', 'Numéro de poste'],
};
const HEADER_FIELDS = new Map<string, ImportField>(
  Object.entries(HEADERS).flatMap(([field, names]) => names.map((n) => [headerKey(n), field as ImportField] as const)),
);
const REQUIRED_COLUMNS: readonly ImportField[] = ['firstName', 'lastName', 'email'];
/** The columns in file order, as the template and the export write them. */
export const IMPORT_COLUMNS: readonly ImportField[] = ['firstName', 'lastName', 'email', 'licence', 'extension'];
/** Each language's header names: the first name the import accepts for each field. */
export const COLUMN_LABELS: Record<Locale, Record<ImportField, string>> = {
  en: { firstName: 'First name', lastName: 'Last name', email: 'Email', licence: 'License', extension: 'Extension' },
  fr: { firstName: 'Prénom', lastName: 'Nom', email: 'E-mail', licence: 'Type de licence', extension: 'Poste' },
};

/** Which field a header names, whatever its case, accents, spaces or hyphens. */
export function fieldForHeader(header: string): ImportField | undefined {
  return HEADER_FIELDS.get(headerKey(header));
}

const LICENCE_VALUES = new Map<string, Licence>([
  ['', 'free'],
  ['free', 'free'],
  ['gratuit', 'free'],
  ['gratuite', 'free'],
  ['office', 'office'],
]);

/** How the template and the export write a licence: values parseLicence reads back. */
export const LICENCE_LABELS: Record<Locale, Record<Licence, string>> = {
  en: { office: 'Office', free: 'Free' },
  fr: { office: 'Office', free: 'Gratuite' },
};

/** "Office" -> office; "Free", "Gratuit(e)" or empty -> free; anything else -> undefined. */
export function parseLicence(value: string): Licence | undefined {
  return LICENCE_VALUES.get(headerKey(value));
}

/** The header line's delimiter: whichever of ',' and ';' appears more often outside quotes. */
function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const unquoted = firstLine.replace(/"(?:[^"]|"")*"/g, '');
  const semicolons = unquoted.split(';').length - 1;
  const commas = unquoted.split(',').length - 1;
  return semicolons > commas ? ';' : ',';
}

function newlineOf(text: string): '\r\n' | '\n' | '\r' {
  const i = text.search(/\r\n|\n|\r/);
  if (i < 0) return '\n';
  return text[i] === '\n' ? '\n' : text[i + 1] === '\n' ? '\r\n' : '\r';
}

function countOf(haystack: string, needle: string, from = 0, to = haystack.length) {
  let n = 0;
  for (let i = haystack.indexOf(needle, from); i >= 0 && i < to; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

type Columns = { ok: true; columns: Map<string, ImportField> } | Extract<ParsedCsv, { ok: false }>;

/** Header -> field; with two headers for one field (e.g. "Email" and "Courriel") the first wins. */
function columnsOf(header: readonly string[], locale: Locale): Columns {
  const columns = new Map<string, ImportField>();
  for (const h of header) {
    const field = fieldForHeader(h);
    if (field && ![...columns.values()].includes(field) && !columns.has(h)) columns.set(h, field);
  }
  const found = new Set(columns.values());
  const missing = REQUIRED_COLUMNS.filter((f) => !found.has(f));
  if (missing.length > 0) {
    const names = missing.map((f) => COLUMN_LABELS[locale][f]).join(', ');
    return { ok: false, error: { key: 'errors.importMissingColumns', params: { columns: names } }, missing };
  }
  return { ok: true, columns };
}

/** A cell's value: trimmed, and without the apostrophe the export put before a formula-like value. */
function cellText(value: string) {
  return restoreFormula(value.trim());
}

/**
 * Reads the file with papaparse (header row, ',' or ';', quotes, UTF-8 BOM, blank lines
 * skipped). File-level problems (no usable header, too many rows) come back as one error;
 * row-level problems are left to previewImport.
 */
export function parseUserCsv(text: string, locale: Locale = 'en'): ParsedCsv {
  const input = text.replace(/^\uFEFF/, '');
  if (input.trim() === '') return { ok: false, error: { key: 'errors.importEmpty' } };

  const delimiter = detectDelimiter(input);
  const newline = newlineOf(input);
  const format = { delimiter, newline, skipEmptyLines: 'greedy' } as const;
  // The header row alone first: a file with no data rows still gets its columns checked.
  const header = Papa.parse<string[]>(input, { ...format, preview: 1 }).data[0] ?? [];
  const mapped = columnsOf(header, locale);
  if (!mapped.ok) return mapped;
  const { columns } = mapped;

  const rows: CsvRow[] = [];
  let tooMany = false;
  // Line bookkeeping: each row ends at meta.cursor; its first line is its last minus the
  // line breaks inside its quoted fields. Blank lines skipped by papaparse still count.
  let scanned = 0;
  let linesBefore = 0;

  Papa.parse<Record<string, unknown>>(input, {
    ...format,
    header: true,
    step(result, parser) {
      if (rows.length >= IMPORT_MAX_ROWS) {
        tooMany = true;
        parser.abort();
        return;
      }
      const end = Math.min(result.meta.cursor, input.length);
      // The row's own trailing line break is not part of it.
      const body = input.endsWith(newline, end) ? end - newline.length : end;
      const since = countOf(input, newline, scanned, body);
      linesBefore += since;
      scanned = body;
      const values: Record<ImportField, string> = { firstName: '', lastName: '', email: '', licence: '', extension: '' };
      let inner = 0;
      for (const [h, field] of columns) {
        const v = result.data[h];
        if (typeof v === 'string') values[field] = cellText(v);
      }
      for (const v of Object.values(result.data)) {
        if (typeof v === 'string') inner += countOf(v, newline);
        else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') inner += countOf(x, newline);
      }
      const malformed = result.errors.some((e) => e.type === 'Quotes');
      // An unterminated quote swallows the trailing line break too; `since` also holds the break
      // that ended the previous line, which is not inside this row.
      rows.push({ line: linesBefore + 1 - Math.min(inner, since - 1), ...values, ...(malformed ? { malformed } : {}) });
    },
  });

  if (tooMany) return { ok: false, error: { key: 'errors.importTooManyRows', params: { max: IMPORT_MAX_ROWS } } };
  if (rows.length === 0) return { ok: false, error: { key: 'errors.importNoRows' } };
  return { ok: true, rows, delimiter, columns: [...new Set(columns.values())] };
}

/** One cell of a workbook as read-excel-file gives it (numbers kept as their text). */
export type SheetCell = string | number | boolean | Date | null | undefined | object;

function sheetText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/**
 * The first sheet of a workbook, one array of cells per sheet row: the same rules as
 * parseUserCsv (header row, columns, row limit), blank rows skipped, lines are row numbers.
 */
export function parseUserSheet(table: readonly (readonly SheetCell[])[], locale: Locale = 'en'): ParsedCsv {
  const texts = table.map((cells) => cells.map(sheetText));
  const filled = texts.flatMap((cells, i) => (cells.some((c) => c.trim() !== '') ? [{ line: i + 1, cells }] : []));
  const [header, ...data] = filled;
  if (!header) return { ok: false, error: { key: 'errors.importEmpty' } };
  const mapped = columnsOf(header.cells, locale);
  if (!mapped.ok) return mapped;
  if (data.length > IMPORT_MAX_ROWS) return { ok: false, error: { key: 'errors.importTooManyRows', params: { max: IMPORT_MAX_ROWS } } };
  if (data.length === 0) return { ok: false, error: { key: 'errors.importNoRows' } };
  const index = [...mapped.columns].map(([h, field]) => [header.cells.indexOf(h), field] as const);
  const rows = data.map(({ line, cells }) => {
    const values: Record<ImportField, string> = { firstName: '', lastName: '', email: '', licence: '', extension: '' };
    for (const [i, field] of index) values[field] = cellText(cells[i] ?? '');
    return { line, ...values };
  });
  return { ok: true, rows, delimiter: null, columns: [...new Set(mapped.columns.values())] };
}
