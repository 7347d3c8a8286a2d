import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, authThrottle, users } from '@/db/schema';
import { translator } from '@/lib/i18n/messages';
import { runAction } from '@/lib/runner/run-action';
import { commitUserImport, previewUserImport } from '@/lib/team/import-commit';
import type { ImportPreview } from '@/lib/team/import-preview';
import { IMPORT_CHECKS, importChecksKey } from '@/lib/team/import-throttle';
import { addMember, signUpCompany } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';
import { fileOf } from '../import/helpers';

// Issue 12, item 5: the import tells an admin why a colleague's address cannot be used, never
// that another company has one; and checking files against every account is limited per company.

useTestDatabase();

const HEADER = 'Prénom;Nom;E-mail;Type de licence;Poste';
const csvOf = (emails: string[]) =>
  [HEADER, ...emails.map((email, i) => `Nina;Nouvelle${i};${email};Free;`)].join('\r\n') + '\r\n';

async function usersWith(emails: string[]) {
  return db()
    .select({ email: users.email, companyId: users.companyId })
    .from(users)
    .where(inArray(users.email, emails.map((e) => e.toLowerCase())));
}

async function companyUsers(companyId: string) {
  const [row] = await db().select({ n: count() }).from(users).where(eq(users.companyId, companyId));
  return row!.n;
}

/** Company A (with a colleague, Max Member) and company B, whose names must never reach A. */
async function twoCompanies() {
  const a = await signUpCompany({ companyName: 'Alpha' });
  const colleague = await addMember(a.company.id, { firstName: 'Max', lastName: 'Member' });
  const b = await signUpCompany({ companyName: 'Beta Hidden', firstName: 'Bea', lastName: 'Secretname' });
  const fresh = `new-${randomUUID()}@example.com`;
  return { a, b, colleague, fresh };
}

describe('import: a colleague is named, another company is not', () => {
  it('the preview gives the own-company reason and the generic message, in both languages', async () => {
    const { a, b, colleague, fresh } = await twoCompanies();
    const file = fileOf(csvOf([colleague.email, b.admin.email.toUpperCase(), fresh]));
    const result = await runAction(previewUserImport, { userId: a.admin.id, locale: 'en', input: { file } });
    const data = result.data as ImportPreview;
    expect(data).toMatchObject({ validCount: 1, errorCount: 2 });
    expect(data.rows.map((r) => r.errors)).toEqual([
      [{ field: 'email', key: 'errors.emailInTeam', params: { name: 'Max Member' } }],
      [{ field: 'email', key: 'errors.emailTaken' }],
      [],
    ]);

    // What the preview table shows (it translates each key with its parameters).
    const shown = (locale: 'en' | 'fr') => data.rows.flatMap((r) => r.errors.map((e) => translator(locale)(e.key, e.params)));
    expect(shown('en')).toEqual(['Max Member already uses this address in your team.', 'This address cannot be used for a new account.']);
    expect(shown('fr')).toEqual([
      'Max Member utilise déjà cette adresse dans votre équipe.',
      'Cette adresse ne peut pas être utilisée pour un nouveau compte.',
    ]);
    // Nothing of company B in the answer: not its name, its admin's name, its id.
    const answer = JSON.stringify(result);
    for (const secret of ['Beta', 'Bea', 'Secretname', b.company.id, b.admin.id]) expect(answer).not.toContain(secret);
    // An address used elsewhere reads exactly like any other unusable one: no "another company".
    expect(shown('en')[1]).not.toMatch(/compan|another|other|elsewhere/i);
    expect(shown('fr')[1]).not.toMatch(/entreprise|autre|ailleurs/i);
  });

  it('the import itself judges the same: all or nothing refuses, valid only skips both and writes the new one', async () => {
    const { a, b, colleague, fresh } = await twoCompanies();
    const emails = [colleague.email, b.admin.email, fresh];
    const call = (mode: 'all_or_nothing' | 'valid_only') =>
      runAction(commitUserImport, { userId: a.admin.id, locale: 'en', input: { file: fileOf(csvOf(emails)), mode } });
    const before = await companyUsers(a.company.id);

    const refused = await call('all_or_nothing');
    expect(refused.formError).toBe('2 lines have errors: nothing was imported. Fix the file or import only the valid lines.');
    expect(await companyUsers(a.company.id)).toBe(before);

    expect(await call('valid_only')).toEqual({ ok: true, data: { imported: 1, skipped: 2 } });
    expect(await companyUsers(a.company.id)).toBe(before + 1);
    // The colleague and B's admin are untouched; only the new address was created, in A.
    expect((await usersWith(emails)).sort((x, y) => x.email.localeCompare(y.email))).toEqual(
      [
        { email: colleague.email, companyId: a.company.id },
        { email: b.admin.email, companyId: b.company.id },
        { email: fresh, companyId: a.company.id },
      ].sort((x, y) => x.email.localeCompare(y.email)),
    );
  });
});

describe('import checks are throttled per company, in PostgreSQL', () => {
  const T0 = new Date('2026-03-02T09:00:00Z');
  const at = (seconds: number) => () => new Date(T0.getTime() + seconds * 1000);

  it(`past ${IMPORT_CHECKS.free} checks: refused in the user's language, audited, nothing written; other companies go on`, async () => {
    const { a, b, fresh } = await twoCompanies();
    const other = await addMember(a.company.id, { role: 'admin', firstName: 'Otto', lastName: 'Second' });
    const file = () => fileOf(csvOf([fresh]));
    const preview = (userId: string, now: () => Date, locale: 'en' | 'fr' = 'en') =>
      runAction(previewUserImport, { userId, locale, input: { file: file() }, now });

    for (let i = 0; i < IMPORT_CHECKS.free; i++) expect((await preview(a.admin.id, at(i))).ok, `check ${i + 1}`).toBe(true);

    // The next one, in French: refused before the file is read, for a minute.
    expect(await preview(a.admin.id, at(40), 'fr')).toEqual({
      formError: 'Votre entreprise a vérifié beaucoup de fichiers au cours de la dernière heure. Réessayez dans 1 minute.',
    });
    // The import counts too, and writes nothing while the company is locked out.
    const before = await companyUsers(a.company.id);
    expect(await runAction(commitUserImport, { userId: a.admin.id, locale: 'en', input: { file: file(), mode: 'valid_only' }, now: at(41) })).toEqual({
      formError: 'Your company has checked many files in the last hour. Try again in 1 minute.',
    });
    expect(await companyUsers(a.company.id)).toBe(before);
    expect(await usersWith([fresh])).toEqual([]);
    // Per company: another admin of A cannot go round it; company B is not affected.
    expect((await preview(other.id, at(42))).formError).toMatch(/^Your company has checked many files/);
    expect((await preview(b.admin.id, at(43))).ok).toBe(true);

    // Each refusal is in A's audit log, with who asked; the refused attempts did not count.
    const refusals = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, a.company.id), eq(auditLog.action, 'team.importThrottled')));
    expect(refusals.map((r) => r.actorId)).toEqual([a.admin.id, a.admin.id, other.id]);
    expect(refusals[0]).toMatchObject({ card: null, after: { retryAt: at(IMPORT_CHECKS.free - 1 + 60)().toISOString() } });
    const [row] = await db().select().from(authThrottle).where(eq(authThrottle.key, importChecksKey(a.company.id).key));
    expect(row!.attempts).toBe(IMPORT_CHECKS.free);

    // The lock ends: one more check, which earns a longer lock (2 minutes).
    expect((await preview(a.admin.id, at(IMPORT_CHECKS.free - 1 + 61))).ok).toBe(true);
    expect((await preview(a.admin.id, at(IMPORT_CHECKS.free - 1 + 62))).formError).toBe(
      'Your company has checked many files in the last hour. Try again in 2 minutes.',
    );
  });
});
