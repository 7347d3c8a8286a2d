import { and, count, eq, inArray, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { z } from 'zod';
import type { Db, Tx } from '@/db';
import { companies, extensions, users, type Company } from '@/db/schema';
import { ActionError, pgErrorOf } from '@/lib/actions/errors';
import { defineAction, type CardContext } from '@/lib/actions/define';
import { emailField } from '@/lib/auth/schema';
import type { CountryCode } from '@/lib/company/countries';
import { requiredText } from '@/lib/company/schema';
import { block, checkExtensionNumber, type ExtensionLength } from '@/lib/extensions/numbering';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { assignDirectNumbersToUsers } from '@/lib/numbers/direct';
import { importSchema, type Licence } from './schema';

/*
 * CSV import of users: parse (papaparse) -> preview (every row with its own errors, a fixed
 * number of queries whatever the file's size) -> commit (re-parsed and re-validated on the
 * server under the company lock, bulk inserts, one audit entry per user).
 */

export const IMPORT_MAX_ROWS = 5_000;
/** Rows per multi-row INSERT: stays far below PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 500;
/** Same limit as the Add user form (userFormSchema). */
const NAME_MAX = 80;

export type ImportField = 'firstName' | 'lastName' | 'email' | 'licence' | 'extension';
type Params = Record<string, string | number>;

/** One data row as written in the file (values trimmed, not validated). */
export type CsvRow = {
  /** 1-based line of the file where the row starts; the header is line 1. */
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
  | { ok: true; rows: CsvRow[]; delimiter: ',' | ';'; columns: ImportField[] }
  | { ok: false; error: { key: string; params?: Params }; missing?: ImportField[] };

export type RowError = { field: ImportField | 'row'; key: string; params?: Params };

export type PreviewRow = {
  line: number;
  firstName: string;
  lastName: string;
  /** Lower-cased when valid, as written otherwise. */
  email: string;
  /** null when the file's value is not a known licence type. */
  licence: Licence | null;
  /** As written, or the number auto-assigned when the file left it empty. */
  extension: string;
  extensionAutoAssigned: boolean;
  errors: RowError[];
};

export type ImportPreview = {
  rows: PreviewRow[];
  validCount: number;
  errorCount: number;
  /** Office seats the otherwise valid rows ask for. */
  officeNeeded: number;
  seatsFree: number;
};

export type ImportResult = { imported: number; skipped: number };

// ---------------------------------------------------------------------------------------------
// Parsing

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
const COLUMN_LABELS: Record<Locale, Record<ImportField, string>> = {
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
  // Header -> field; with two headers for one field (e.g. "Email" and "Courriel") the first wins.
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
        if (typeof v === 'string') values[field] = v.trim();
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
  return { ok: true, rows, delimiter, columns: [...found] };
}

// ---------------------------------------------------------------------------------------------
// Preview

type Queryable = Db | Tx;
export type ImportCompany = Pick<Company, 'id' | 'country' | 'extensionLength' | 'officeSeats'>;

const personSchema = z.object({ firstName: requiredText(NAME_MAX), lastName: requiredText(NAME_MAX), email: emailField });

/** "errors.tooLong" gets its {max}, like runAction's field errors; "errors.required" needs none. */
function issueParams(issue: z.core.$ZodIssue): Params | undefined {
  const { maximum } = issue as { maximum?: unknown };
  return typeof maximum === 'number' ? { max: maximum } : undefined;
}

function rowError(field: RowError['field'], key: string, params?: Params): RowError {
  return params ? { field, key, params } : { field, key };
}

/**
 * nextFree('user', ...) for many rows at once: the same lowest-free-first order, but one walk
 * through the block instead of one per row (5,000 calls of nextFree are quadratic).
 * `used` must already hold every number taken; the numbers handed out need not be added.
 */
function* freeNumbers(rules: { length: ExtensionLength; country: CountryCode }, used: ReadonlySet<string>) {
  const [from, to] = block('user', rules.length);
  for (let n = from; n <= to; n++) {
    const candidate = String(n);
    if (!used.has(candidate) && !checkExtensionNumber(candidate, rules)) yield candidate;
  }
}

/**
 * Validates every row against the shared form rules, the file itself and the database, then
 * auto-assigns missing extensions. Four queries whatever the number of rows: none per row.
 * Rows beyond the free Office seats (the last office rows, in file order) are flagged.
 */
export async function previewImport(
  q: Queryable,
  company: ImportCompany,
  rows: CsvRow[],
  opts: { t?: Translate } = {},
): Promise<ImportPreview> {
  const rules = { length: company.extensionLength as ExtensionLength, country: company.country as CountryCode };
  const out: PreviewRow[] = [];
  const persons: ({ email: string } | undefined)[] = [];

  for (const row of rows) {
    const errors: RowError[] = [];
    if (row.malformed) errors.push(rowError('row', 'errors.importMalformedLine'));
    const parsed = personSchema.safeParse(row);
    const fieldsWithErrors = new Set<string>();
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]) as ImportField;
        if (fieldsWithErrors.has(field)) continue;
        fieldsWithErrors.add(field);
        errors.push(rowError(field, issue.message.startsWith('errors.') ? issue.message : 'errors.invalid', issueParams(issue)));
      }
    }
    const email = parsed.success ? parsed.data.email : fieldsWithErrors.has('email') ? row.email : row.email.toLowerCase();
    persons.push(fieldsWithErrors.has('email') ? undefined : { email });
    const licence = parseLicence(row.licence) ?? null;
    if (!licence) errors.push(rowError('licence', 'errors.importLicenceInvalid', { value: row.licence }));
    out.push({
      line: row.line,
      firstName: parsed.success ? parsed.data.firstName : row.firstName,
      lastName: parsed.success ? parsed.data.lastName : row.lastName,
      email,
      licence,
      extension: row.extension,
      extensionAutoAssigned: false,
      errors,
    });
  }

  // One query each: the file's e-mails already in use (any company), the company's extensions,
  // its Office users.
  const emails = [...new Set(persons.flatMap((p) => (p ? [p.email] : [])))];
  // At most 5,000 bind parameters: well within PostgreSQL's 65,535.
  const taken = new Set(
    emails.length === 0
      ? []
      : (await q.select({ email: users.email }).from(users).where(inArray(users.email, emails))).map((r) => r.email),
  );
  const existing = await q
    .select({
      number: extensions.number,
      type: extensions.type,
      name: sql<string | null>`coalesce(${users.firstName} || ' ' || ${users.lastName}, ${extensions.name})`,
    })
    .from(extensions)
    .leftJoin(users, eq(users.id, extensions.userId))
    .where(eq(extensions.companyId, company.id));
  const [{ officeUsers }] = await q
    .select({ officeUsers: count() })
    .from(users)
    .where(and(eq(users.companyId, company.id), eq(users.licence, 'office')));
  // Who holds a number, named like the Add user form does (lib/team/rules.ts).
  const holderName = (e: (typeof existing)[number]) => e.name ?? (opts.t ? opts.t(`team.extensionHolder.${e.type}`) : e.number);
  const existingNames = new Map(existing.map((e) => [e.number, holderName(e)]));

  // E-mails and extensions: the database first (every occurrence is told: fixing a duplicate
  // would not help), then earlier lines of the file (each later occurrence is told).
  const emailLine = new Map<string, number>();
  const extensionLine = new Map<string, number>();
  const used = new Set(existingNames.keys());
  out.forEach((row, i) => {
    if (persons[i]) {
      const first = emailLine.get(row.email);
      if (taken.has(row.email)) row.errors.push(rowError('email', 'errors.emailTaken'));
      else if (first !== undefined) row.errors.push(rowError('email', 'errors.importDuplicateEmail', { line: first }));
      else emailLine.set(row.email, row.line);
    }
    if (!row.extension) return;
    const problem = checkExtensionNumber(row.extension, rules);
    if (problem) {
      row.errors.push(rowError('extension', problem.key, 'params' in problem ? problem.params : undefined));
      return;
    }
    // A number written in the file is never handed out to another row, even if its own row fails.
    used.add(row.extension);
    const holder = existingNames.get(row.extension);
    const first = extensionLine.get(row.extension);
    if (holder !== undefined) {
      row.errors.push(rowError('extension', 'errors.extensionTaken', { number: row.extension, name: holder }));
    } else if (first !== undefined) {
      row.errors.push(rowError('extension', 'errors.importDuplicateExtension', { line: first }));
    } else extensionLine.set(row.extension, row.line);
  });

  // Seats: the first free-count Office rows (file order) get one, the rest are flagged.
  const seatsFree = Math.max(0, company.officeSeats - officeUsers);
  const officeRows = out.filter((r) => r.errors.length === 0 && r.licence === 'office');
  for (const row of officeRows.slice(seatsFree)) {
    row.errors.push(rowError('licence', 'errors.importNotEnoughSeats', { needed: officeRows.length, free: seatsFree }));
  }

  // Missing extensions: the lowest free numbers of the user block, in file order, for the
  // rows that will be imported (an invalid row would leave a gap).
  const free = freeNumbers(rules, used);
  for (const row of out) {
    if (row.extension || row.errors.length > 0) continue;
    const { value: number } = free.next();
    if (!number) {
      row.errors.push(rowError('extension', 'errors.extensionBlockFull'));
      continue;
    }
    row.extension = number;
    row.extensionAutoAssigned = true;
  }

  const errorCount = out.filter((r) => r.errors.length > 0).length;
  return { rows: out, validCount: out.length - errorCount, errorCount, officeNeeded: officeRows.length, seatsFree };
}

// ---------------------------------------------------------------------------------------------
// Commit

function parseOrThrow(csv: string, locale: Locale) {
  const parsed = parseUserCsv(csv, locale);
  if (!parsed.ok) throw new ActionError(parsed.error.key, { params: parsed.error.params });
  return parsed.rows;
}

function chunks<T>(items: T[], size = INSERT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Imports the file into the actor's company, never trusting a client-side preview:
 * re-parsed, re-validated under the company lock; all_or_nothing refuses a file with any
 * error, valid_only imports the valid rows. Bulk inserts; the caller's transaction rolls
 * everything back on any failure.
 */
export async function commitImport(
  ctx: CardContext,
  input: { csv: string; mode: 'all_or_nothing' | 'valid_only' },
): Promise<ImportResult> {
  // The company is locked (card action): seats and extension numbers can't move under this import.
  const { tx, company, locale, t } = ctx;
  const rows = parseOrThrow(input.csv, locale);
  const preview = await previewImport(tx, company, rows, { t });
  if (input.mode === 'all_or_nothing' && preview.errorCount > 0) {
    throw new ActionError('errors.importHasErrors', { params: { count: preview.errorCount } });
  }
  const valid = preview.rows.filter((r) => r.errors.length === 0);
  if (valid.length === 0) return { imported: 0, skipped: preview.errorCount };

  try {
    const ids = new Map<string, string>();
    for (const chunk of chunks(valid)) {
      const inserted = await tx
        .insert(users)
        .values(
          chunk.map((r) => ({
            companyId: company.id,
            firstName: r.firstName,
            lastName: r.lastName,
            email: r.email,
            role: 'member' as const,
            licence: r.licence!,
          })),
        )
        .returning({ id: users.id, email: users.email });
      for (const u of inserted) ids.set(u.email, u.id);
    }
    for (const chunk of chunks(valid)) {
      await tx
        .insert(extensions)
        .values(chunk.map((r) => ({ companyId: company.id, number: r.extension, type: 'user' as const, userId: ids.get(r.email)! })));
    }
    // One entry per user created, written in bulk.
    await ctx.record(
      valid.map((r) => {
        const name = `${r.firstName} ${r.lastName}`;
        return {
          action: 'user.imported',
          target: name,
          after: { name, email: r.email, licence: r.licence, extension: r.extension },
        };
      }),
    );
    // The Office users' direct numbers, in one statement; too few left refuses the whole import.
    const office = valid.filter((r) => r.licence === 'office').map((r) => ids.get(r.email)!);
    await assignDirectNumbersToUsers(ctx, office);
  } catch (error) {
    // Lost a race with a sign-up (e-mails are unique across companies): say so for the whole file.
    if (pgErrorOf(error)?.code === '23505') throw new ActionError('errors.importConflict');
    throw error;
  }
  return { imported: valid.length, skipped: preview.errorCount };
}

// ---------------------------------------------------------------------------------------------
// Actions (admin only, scoped to the actor's company)

/** Parses and validates the file; writes nothing. */
export const previewUserImport = defineAction({
  schema: importSchema,
  async handler(input, { tx, actor, locale, t }): Promise<ImportPreview> {
    const [company] = await tx.select().from(companies).where(eq(companies.id, actor.companyId));
    if (!company) throw new ActionError('errors.notFound');
    return previewImport(tx, company, parseOrThrow(input.csv, locale), { t });
  },
});

export const commitUserImport = defineAction({
  card: 'team',
  schema: importSchema,
  handler: (input, ctx): Promise<ImportResult> => commitImport(ctx, input),
});
