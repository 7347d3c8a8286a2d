import { eq, sql } from 'drizzle-orm';
import { companies, extensions, users } from '@/db/schema';
import { ActionError, pgErrorOf } from '@/lib/actions/errors';
import { defineAction, type CardContext } from '@/lib/actions/define';
import { fullName } from '@/lib/format/person';
import type { Locale } from '@/lib/i18n/locales';
import { assignDirectNumbersToUsers } from '@/lib/numbers/direct';
import { directNumberRoom, numberCapError } from '@/lib/numbers/limits';
import { readImportFile } from './import-file';
import { previewImport, type ImportPreview } from './import-preview';
import { importChecksGate } from './import-throttle';
import { importSchema, type ImportMode } from './schema';

/*
 * Import of users, step 3: the file re-read and re-validated on the server under the
 * company lock, bulk inserts, one history entry per user; and the Team card's two import
 * actions (preview, import).
 */

/** Rows per multi-row INSERT: stays far below PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 500;

export type ImportResult = { imported: number; skipped: number };

async function readOrThrow(file: Blob, locale: Locale) {
  const parsed = await readImportFile(file, locale);
  if (!parsed.ok) throw new ActionError(parsed.error.key, { params: parsed.error.params });
  return parsed.rows;
}

function chunks<T>(items: T[], size = INSERT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An import this large changes the tables' shape enough to refresh the planner's statistics. */
const ANALYZE_AFTER_ROWS = 100;

/**
 * Imports the file into the actor's company, never trusting a client-side preview:
 * re-parsed, re-validated under the company lock; all_or_nothing refuses a file with any
 * error, valid_only imports the valid rows. Bulk inserts; the caller's transaction rolls
 * everything back on any failure.
 */
export async function commitImport(
  ctx: CardContext,
  input: { file: Blob; mode: ImportMode },
): Promise<ImportResult> {
  // The company is locked (card action): seats and extension numbers can't move under this import.
  const { tx, company, locale, t, now } = ctx;
  const rows = await readOrThrow(input.file, locale);
  const numberRoom = await directNumberRoom(tx, company, now());
  const preview = await previewImport(tx, company, rows, { t, numberRoom });
  if (input.mode === 'all_or_nothing' && preview.errorCount > 0) {
    // Over the cap on numbers says so for the whole file: no fix to a row would help.
    if (preview.rows.some((r) => r.errors.some((e) => e.key === 'errors.importNumberCap'))) throw numberCapError(numberRoom.cap!);
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
        const name = fullName(r);
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
    // The embedded PGlite has no autovacuum: without fresh statistics after a bulk import, the
    // planner keeps guessing two users per company and reads the cards by quadratic loops.
    if (valid.length >= ANALYZE_AFTER_ROWS) await tx.execute(sql`analyze users, extensions, phone_numbers, audit_log`);
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
  // Each check tells which of the file's addresses cannot be used: limited per company.
  gate: importChecksGate,
  async handler(input, { tx, actor, locale, t, now }): Promise<ImportPreview> {
    const [company] = await tx.select().from(companies).where(eq(companies.id, actor.companyId));
    if (!company) throw new ActionError('errors.notFound');
    const numberRoom = await directNumberRoom(tx, company, now());
    return previewImport(tx, company, await readOrThrow(input.file, locale), { t, numberRoom });
  },
});

export const commitUserImport = defineAction({
  card: 'team',
  schema: importSchema,
  // It checks the file again, so it counts like a preview: no way round the limit.
  gate: importChecksGate,
  handler: (input, ctx): Promise<ImportResult> => commitImport(ctx, input),
});
