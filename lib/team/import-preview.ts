import { eq, sql } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import type { Db, Tx } from '@/db';
import { extensions, users, type Company } from '@/db/schema';
import type { CountryCode } from '@/lib/countries/rules';
import { fullNameSql } from '@/lib/format/person';
import { emailField, personNameField } from '@/lib/forms/fields';
import { block, checkExtensionNumber, type ExtensionLength } from '@/lib/extensions/numbering';
import { errorKeyOf, type ErrorKey, type Translate } from '@/lib/i18n/messages';
import { countOfficeSeatsUsed, seatUsage } from '@/lib/licences/seats';
import { parseLicence, type CsvRow, type ImportField, type ImportParams } from './import-parse';
import { emailHolders, emailRefusal } from './rules';
import type { Licence } from './schema';

/*
 * CSV import of users, step 2: every row of the parsed file with its own errors, against the
 * form rules, the file itself and the database, in a fixed number of queries whatever the
 * file's size. lib/team/import-commit.ts runs it again under the company lock before writing.
 */

export type RowError = { field: ImportField | 'row'; key: ErrorKey; params?: ImportParams };

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

type Queryable = Db | Tx;
export type ImportCompany = Pick<Company, 'id' | 'country' | 'extensionLength' | 'officeSeats'>;

/** The Add user form's name and e-mail rules (userFormSchema). */
const personSchema = z.object({ firstName: personNameField(), lastName: personNameField(), email: emailField });

/** "errors.tooLong" gets its {max}, like runAction's field errors; "errors.required" needs none. */
function issueParams(issue: z.core.$ZodIssue): ImportParams | undefined {
  const { maximum } = issue as { maximum?: unknown };
  return typeof maximum === 'number' ? { max: maximum } : undefined;
}

function rowError(field: RowError['field'], key: ErrorKey, params?: ImportParams): RowError {
  return params ? { field, key, params } : { field, key };
}

/**
 * nextFree('user', ...) for many rows at once: the same lowest-free-first order, but one walk
 * through the block instead of one per row (5,000 calls of nextFree are quadratic).
 * `used` must already hold every number taken; the numbers handed out need not be added.
 */
function* freeNumbers(rules: { length: ExtensionLength; country: CountryCode }, used: ReadonlySet<string>) {
  const [from, to] = block('user', rules.length, rules.country);
  for (let n = from; n <= to; n++) {
    const candidate = String(n);
    if (!used.has(candidate) && !checkExtensionNumber(candidate, rules)) yield candidate;
  }
}

/**
 * Validates every row against the shared form rules, the file itself and the database, then
 * auto-assigns missing extensions. Three queries whatever the number of rows: none per row.
 * Rows beyond the free Office seats (the last office rows, in file order) are flagged.
 */
export async function previewImport(
  q: Queryable,
  company: ImportCompany,
  rows: CsvRow[],
  opts: { t?: Translate; numberRoom?: { cap: number | null; room: number } } = {},
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
        errors.push(rowError(field, errorKeyOf(issue.message), issueParams(issue)));
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
  // At most 5,000 bind parameters: well within PostgreSQL's 65,535. What each row may be told
  // is the Add user form's rule: a colleague is named, another company's account is not.
  const taken = new Map((await emailHolders(q, emails)).map((h) => [h.email, emailRefusal(h, company.id)]));
  const existing = await q
    .select({
      number: extensions.number,
      type: extensions.type,
      name: sql<string | null>`coalesce(${fullNameSql(users.firstName, users.lastName)}, ${extensions.name})`,
    })
    .from(extensions)
    .leftJoin(users, eq(users.id, extensions.userId))
    .where(eq(extensions.companyId, company.id));
  const officeUsers = await countOfficeSeatsUsed(q, company.id);
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
      const refusal = taken.get(row.email);
      if (refusal) row.errors.push(rowError('email', refusal.key, refusal.params));
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
  const seatsFree = seatUsage(company.officeSeats, officeUsers).free;
  const officeRows = out.filter((r) => r.errors.length === 0 && r.licence === 'office');
  for (const row of officeRows.slice(seatsFree)) {
    row.errors.push(rowError('licence', 'errors.importNotEnoughSeats', { needed: officeRows.length, free: seatsFree }));
  }

  // Direct numbers until the first setup is finished (lib/numbers/limits.ts directNumberRoom,
  // which the caller reads): the Office rows beyond the room are flagged like those beyond the seats.
  const { cap, room } = opts.numberRoom ?? { cap: null, room: Infinity };
  for (const row of officeRows.filter((r) => r.errors.length === 0).slice(room)) {
    row.errors.push(rowError('licence', 'errors.importNumberCap', { cap: cap ?? 0, free: room }));
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
