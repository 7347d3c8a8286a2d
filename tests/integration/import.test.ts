import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, companies, extensions, setupProgress, users } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { loadActor } from '@/lib/auth/actor';
import { cardContext, runAction } from '@/lib/runner/run-action';
import { translator } from '@/lib/i18n/messages';
import type { Tx } from '@/db';
import type { Actor } from '@/lib/actions/define';
import { block, checkExtensionNumber } from '@/lib/extensions/numbering';
import { commitImport, commitUserImport, previewUserImport, type ImportResult } from '@/lib/team/import-commit';
import { parseUserCsv, type CsvRow } from '@/lib/team/import-parse';
import { previewImport, type ImportPreview } from '@/lib/team/import-preview';
import { addMember, signUpCompany } from '../helpers/factories';
import { useTestDatabase } from '../helpers/db';
import { fileOf } from './import/helpers';

/** What the runner hands the Team card's import: the company locked, history in the actor's name. */
const teamContext = (tx: Tx, actor: Actor, locale: 'en' | 'fr' = 'en') =>
  cardContext(tx, 'team', actor, { t: translator(locale), locale, now: () => new Date(), baseUrl: 'http://localhost:3000' });

useTestDatabase();

const HEADER = 'Prénom;Nom;E-mail;Type de licence;Poste';
type Line = { first: string; last: string; email: string; licence: string; ext: string };
const csvOf = (lines: Line[], header = HEADER) =>
  [header, ...lines.map((l) => [l.first, l.last, l.email, l.licence, l.ext].join(';'))].join('\r\n') + '\r\n';

async function companyCounts(companyId: string) {
  const [u] = await db().select({ n: count() }).from(users).where(eq(users.companyId, companyId));
  const [e] = await db().select({ n: count() }).from(extensions).where(eq(extensions.companyId, companyId));
  // The Team card's own history; Office rows also write a Phone numbers entry for their direct number.
  const [a] = await db()
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.companyId, companyId), eq(auditLog.card, 'team')));
  const [o] = await db()
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.companyId, companyId), eq(users.licence, 'office')));
  return { users: u.n, extensions: e.n, audit: a.n, office: o.n };
}

/**
 * A 4-digit French company: 1,000 users do not fit in the 3-digit user block (101-499). Its first
 * setup is finished: before that, the cap on numbers (lib/numbers/limits.ts) stops 100 Office rows.
 */
async function bigCompany(officeSeats: number) {
  const { company, admin } = await signUpCompany({ companyName: `Big ${randomUUID()}`, country: 'FR' });
  await db()
    .update(companies)
    .set({ extensionLength: 4, officeSeats, setupCompletedAt: new Date() })
    .where(eq(companies.id, company.id));
  await db().update(extensions).set({ number: '1010' }).where(eq(extensions.userId, admin.id));
  return { company: { ...company, extensionLength: 4, officeSeats }, admin };
}

function lines(n: number, prefix: string, licence = (i: number): string => (i % 10 === 0 ? 'Office' : i % 2 ? 'Gratuit' : 'Free')) {
  return Array.from({ length: n }, (_, i) => ({
    first: i % 7 === 0 ? 'Éloïse' : 'Gaëlle',
    last: `Nom${i}`,
    email: `${prefix}${i}@import.test`,
    licence: licence(i),
    ext: '',
  }));
}

describe('1,000-row file with 20 bad rows', () => {
  let admin: Actor;
  let companyId: string;
  let otherAdminEmail: string;
  let memberEmail: string;
  let csv: string;
  let expected: Map<number, string[]>;
  let preview: ImportPreview;

  beforeAll(async () => {
    const big = await bigCompany(2_000);
    companyId = big.company.id;
    admin = (await loadActor(big.admin.id))!;
    const member = await addMember(companyId, { firstName: 'Max', lastName: 'Member' });
    memberEmail = member.email;
    await db().insert(extensions).values({ companyId, number: '2000', type: 'user', userId: member.id });
    otherAdminEmail = (await signUpCompany({ companyName: 'Elsewhere' })).admin.email;

    // Even rows name their extension (3000, 3001, ...), odd rows leave it to auto-assignment.
    const rows = lines(1_000, 'user').map((l, i) => ({ ...l, ext: i % 2 === 0 ? String(3000 + i / 2) : '' }));
    const line = (i: number) => i + 2;
    expected = new Map();
    const bad = (i: number, change: Partial<Line>, keys: string[]) => {
      rows[i] = { ...rows[i], ...change };
      expected.set(line(i), keys);
    };
    bad(11, { email: 'not-an-email' }, ['errors.emailInvalid']);
    bad(51, { email: 'a@' }, ['errors.emailInvalid']);
    bad(91, { email: '' }, ['errors.required']);
    bad(131, { email: 'x y@example.com' }, ['errors.emailInvalid']);
    bad(201, { email: rows[3].email.toUpperCase() }, ['errors.importDuplicateEmail']);
    bad(241, { email: rows[5].email }, ['errors.importDuplicateEmail']);
    bad(281, { email: ` ${rows[7].email} ` }, ['errors.importDuplicateEmail']);
    bad(301, { email: otherAdminEmail }, ['errors.emailTaken']);
    bad(341, { email: admin.email.toUpperCase() }, ['errors.emailInTeam']);
    bad(381, { email: memberEmail }, ['errors.emailInTeam']);
    bad(401, { ext: '1120' }, ['errors.extensionReservedEmergency']);
    bad(441, { ext: '1500' }, ['errors.extensionReservedEmergency']);
    bad(481, { ext: '1160' }, ['errors.extensionReservedEmergency']);
    bad(501, { ext: '2000' }, ['errors.extensionTaken']);
    bad(541, { ext: '1010' }, ['errors.extensionTaken']);
    bad(600, { ext: '2000' }, ['errors.extensionTaken']);
    bad(641, { ext: '112' }, ['errors.extensionLength']);
    bad(681, { ext: '10100' }, ['errors.extensionLength']);
    bad(700, { ext: '3002' }, ['errors.importDuplicateExtension']);
    bad(901, { first: '' }, ['errors.required']);
    expect(expected.size).toBe(20);
    csv = csvOf(rows);

    const parsed = parseUserCsv(csv);
    if (!parsed.ok) throw new Error('unparsable');
    preview = await previewImport(db(), big.company, parsed.rows);
  });

  it('previews exactly the 20 bad rows, each with its own keys', () => {
    expect(preview.rows).toHaveLength(1_000);
    expect(preview).toMatchObject({ validCount: 980, errorCount: 20 });
    const flagged = new Map(preview.rows.filter((r) => r.errors.length).map((r) => [r.line, r.errors.map((e) => e.key)]));
    expect(flagged).toEqual(expected);
  });

  it('gives each error its field and its parameters', () => {
    const at = (line: number) => preview.rows.find((r) => r.line === line)!.errors;
    expect(at(203)).toEqual([{ field: 'email', key: 'errors.importDuplicateEmail', params: { line: 5 } }]);
    expect(at(243)).toEqual([{ field: 'email', key: 'errors.importDuplicateEmail', params: { line: 7 } }]);
    // Another company's address is refused without a reason; a colleague's names the colleague.
    expect(at(303)).toEqual([{ field: 'email', key: 'errors.emailTaken' }]);
    expect(at(343)).toEqual([{ field: 'email', key: 'errors.emailInTeam', params: { name: 'Ada Admin' } }]);
    expect(at(383)).toEqual([{ field: 'email', key: 'errors.emailInTeam', params: { name: 'Max Member' } }]);
    expect(at(403)).toEqual([{ field: 'extension', key: 'errors.extensionReservedEmergency', params: { code: '112' } }]);
    expect(at(483)).toEqual([{ field: 'extension', key: 'errors.extensionReservedEmergency', params: { code: '116000' } }]);
    expect(at(503)).toEqual([
      { field: 'extension', key: 'errors.extensionTaken', params: { number: '2000', name: 'Max Member' } },
    ]);
    expect(at(543)[0].params).toMatchObject({ number: '1010', name: 'Ada Admin' });
    expect(at(643)).toEqual([{ field: 'extension', key: 'errors.extensionLength', params: { length: 4 } }]);
    // Row 700 (line 702) repeats row 4's number (3002, line 6).
    expect(at(702)).toEqual([{ field: 'extension', key: 'errors.importDuplicateExtension', params: { line: 6 } }]);
    expect(at(903)).toEqual([{ field: 'firstName', key: 'errors.required' }]);
  });

  it('keeps accents, lower-cases e-mails and reads the licence column', () => {
    const first = preview.rows[0];
    expect(first).toMatchObject({ line: 2, firstName: 'Éloïse', lastName: 'Nom0', email: 'user0@import.test', licence: 'office' });
    expect(preview.rows[1].licence).toBe('free');
    expect(preview.rows[2].licence).toBe('free');
    expect(preview.officeNeeded).toBe(preview.rows.filter((r) => r.licence === 'office' && !r.errors.length).length);
  });

  it('auto-assigns the lowest free numbers of the user block to valid rows without one, in file order', () => {
    const auto = preview.rows.filter((r) => r.extensionAutoAssigned);
    // Odd rows leave it empty; the bad odd rows get none.
    const oddValid = preview.rows.filter((r, i) => i % 2 === 1 && !r.errors.length);
    expect(auto.map((r) => r.line)).toEqual(oddValid.map((r) => r.line));
    const numbers = auto.map((r) => Number(r.extension));
    // 1010 is the admin's: the first free one is 1011; 1120-1129 (112) is skipped.
    expect(numbers[0]).toBe(1011);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    const [from, to] = block('user', 4);
    for (const n of numbers) {
      expect(n).toBeGreaterThanOrEqual(from);
      expect(n).toBeLessThanOrEqual(to);
      expect(checkExtensionNumber(String(n), { length: 4, country: 'FR' })).toBeUndefined();
    }
    expect(numbers).not.toContain(1120);
    // Lowest free: no valid number is skipped between two assigned ones.
    const taken = new Set(['1010', '2000', ...preview.rows.filter((r) => !r.extensionAutoAssigned).map((r) => r.extension)]);
    for (let n = numbers[0]; n <= numbers.at(-1)!; n++) {
      const s = String(n);
      if (!checkExtensionNumber(s, { length: 4, country: 'FR' }) && !taken.has(s)) expect(numbers).toContain(n);
    }
  });

  it('runs the same, fixed number of queries for 10 rows and for 1,000', async () => {
    const parsed = parseUserCsv(csv);
    if (!parsed.ok) throw new Error('unparsable');
    const [company] = await db().select().from(companies).where(eq(companies.id, companyId));
    const countQueries = async (rows: CsvRow[]) => {
      let n = 0;
      const counting = new Proxy(db(), {
        get(target, prop, receiver) {
          if (prop === 'select') n++;
          return Reflect.get(target, prop, receiver);
        },
      });
      await previewImport(counting, company, rows);
      return n;
    };
    const small = await countQueries(parsed.rows.slice(0, 10));
    expect(small).toBeLessThanOrEqual(3);
    expect(await countQueries(parsed.rows)).toBe(small);
  });

  it('the preview action returns the same preview and writes nothing', async () => {
    const before = await companyCounts(companyId);
    const result = await runAction(previewUserImport, { userId: admin.id, locale: 'fr', input: { file: fileOf(csv), mode: 'valid_only' } });
    expect(result.ok).toBe(true);
    expect(result.data).toEqual(preview);
    expect(await companyCounts(companyId)).toEqual(before);
  });

  it('all_or_nothing refuses the file and writes nothing', async () => {
    const before = await companyCounts(companyId);
    await expect(db().transaction(async (tx) => commitImport(await teamContext(tx, admin), { file: fileOf(csv), mode: 'all_or_nothing' }))).rejects.toMatchObject({
      key: 'errors.importHasErrors',
      options: { params: { count: 20 } },
    });
    const result = await runAction(commitUserImport, { userId: admin.id, locale: 'en', input: { file: fileOf(csv), mode: 'all_or_nothing' } });
    expect(result.ok).toBeUndefined();
    expect(result.formError).toBeTruthy();
    expect(await companyCounts(companyId)).toEqual(before);
  });

  it('valid_only writes the 980 valid users with their extensions and one audit entry each', async () => {
    const before = await companyCounts(companyId);
    const result = await runAction(commitUserImport, { userId: admin.id, locale: 'en', input: { file: fileOf(csv), mode: 'valid_only' } });
    expect(result).toEqual({ ok: true, data: { imported: 980, skipped: 20 } satisfies ImportResult });

    const after = await companyCounts(companyId);
    expect(after.users - before.users).toBe(980);
    expect(after.extensions - before.extensions).toBe(980);
    expect(after.audit - before.audit).toBe(980);
    // The planner's statistics count the new rows (PGlite has no autovacuum): without them the
    // cards' reads of this company were planned as loops over every user, 2 s a page at 1,000.
    const [stats] = await db()
      .select({ n: sql<number>`reltuples`.mapWith(Number) })
      .from(sql`pg_class`)
      .where(sql`oid = 'users'::regclass`);
    expect(stats!.n).toBeGreaterThanOrEqual(980);

    const written = await db()
      .select({
        email: users.email,
        firstName: users.firstName,
        role: users.role,
        licence: users.licence,
        passwordHash: users.passwordHash,
        number: extensions.number,
        type: extensions.type,
      })
      .from(users)
      .innerJoin(extensions, eq(extensions.userId, users.id))
      .where(and(eq(users.companyId, companyId), eq(users.role, 'member')));
    const byEmail = new Map(written.map((w) => [w.email, w]));
    for (const row of preview.rows.filter((r) => !r.errors.length)) {
      expect(byEmail.get(row.email)).toEqual({
        email: row.email,
        firstName: row.firstName,
        role: 'member',
        licence: row.licence,
        passwordHash: null,
        number: row.extension,
        type: 'user',
      });
    }
    for (const row of preview.rows.filter((r) => r.errors.length && r.email.endsWith('@import.test'))) {
      // Duplicates keep the first occurrence; the others were not written.
      if (!row.errors.some((e) => e.key === 'errors.importDuplicateEmail')) expect(byEmail.has(row.email)).toBe(false);
    }

    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, companyId), eq(auditLog.action, 'user.imported')));
    expect(entries).toHaveLength(980);
    expect(new Set(entries.map((e) => (e.after as { email: string }).email)).size).toBe(980);
    const first = entries.find((e) => (e.after as { email: string }).email === 'user0@import.test')!;
    expect(first).toMatchObject({
      card: 'team',
      actorId: admin.id,
      actorName: admin.name,
      after: { name: 'Éloïse Nom0', email: 'user0@import.test', licence: 'office', extension: '3000' },
    });
    const [progress] = await db()
      .select()
      .from(setupProgress)
      .where(and(eq(setupProgress.companyId, companyId), eq(setupProgress.card, 'team')));
    expect(progress.status).toBe('in_progress');
  });

  it('importing the same file again finds every valid row already there', async () => {
    const again = await runAction(previewUserImport, { userId: admin.id, locale: 'en', input: { file: fileOf(csv), mode: 'valid_only' } });
    expect(again.data).toMatchObject({ validCount: 0, errorCount: 1_000 });
  });
});

describe('Office seats', () => {
  it('flags the last Office rows beyond the free seats and never over-allocates', async () => {
    // 5 seats, the admin holds one: 4 free.
    const { company, admin } = await signUpCompany({ companyName: 'Seats', officeSeats: 5 });
    const rows = lines(8, `seat-${randomUUID()}-`, (i) => (i < 6 ? 'Office' : 'Gratuite'));
    const csv = csvOf(rows);

    const result = await runAction(previewUserImport, { userId: admin.id, locale: 'fr', input: { file: fileOf(csv) } });
    const data = result.data!;
    expect(data).toMatchObject({ officeNeeded: 6, seatsFree: 4, validCount: 6, errorCount: 2 });
    expect(data.rows.filter((r) => r.errors.length).map((r) => [r.line, r.errors])).toEqual([
      [6, [{ field: 'licence', key: 'errors.importNotEnoughSeats', params: { needed: 6, free: 4 } }]],
      [7, [{ field: 'licence', key: 'errors.importNotEnoughSeats', params: { needed: 6, free: 4 } }]],
    ]);

    const refused = await runAction(commitUserImport, { userId: admin.id, locale: 'fr', input: { file: fileOf(csv) } });
    expect(refused.formError).toBeTruthy();
    expect((await companyCounts(company.id)).users).toBe(1);

    const done = await runAction(commitUserImport, { userId: admin.id, locale: 'fr', input: { file: fileOf(csv), mode: 'valid_only' } });
    expect(done).toEqual({ ok: true, data: { imported: 6, skipped: 2 } });
    expect(await companyCounts(company.id)).toMatchObject({ users: 7, office: 5 });
  });

  it('two imports at the same moment share the seats and the extensions without a clash', async () => {
    const { company, admin } = await signUpCompany({ companyName: 'Race', officeSeats: 5 });
    const file = (p: string) => csvOf(lines(30, `${p}-${randomUUID()}-`, (i) => (i < 3 ? 'Office' : 'Free')));
    const results = await Promise.all(
      ['a', 'b'].map((p) =>
        runAction(commitUserImport, { userId: admin.id, locale: 'en', input: { file: fileOf(file(p)), mode: 'valid_only' } }),
      ),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const imported = results.map((r) => r.data!.imported).sort();
    // One gets its 3 Office rows, the other the last free seat and 2 refused rows.
    expect(imported).toEqual([28, 30]);
    const counts = await companyCounts(company.id);
    expect(counts).toMatchObject({ users: 59, extensions: 59, office: 5 });
    const numbers = await db().select({ n: extensions.number }).from(extensions).where(eq(extensions.companyId, company.id));
    expect(new Set(numbers.map((r) => r.n)).size).toBe(59);
  });
});

describe('who may import', () => {
  it('refuses a member with both actions and writes nothing', async () => {
    const { company } = await signUpCompany({ companyName: 'Members' });
    const member = await addMember(company.id);
    const csv = csvOf(lines(3, `m-${randomUUID()}-`));
    const before = await companyCounts(company.id);
    const call = { userId: member.id, locale: 'en', input: { file: fileOf(csv), mode: 'valid_only' } } as const;
    for (const result of [await runAction(previewUserImport, call), await runAction(commitUserImport, call)]) {
      expect(result.ok).toBeUndefined();
      expect(result.data).toBeUndefined();
      expect(result.formError).toBeTruthy();
    }
    expect(await companyCounts(company.id)).toEqual(before);
  });

  it('refuses a signed-out caller', async () => {
    const result = await runAction(commitUserImport, { userId: undefined, locale: 'en', input: { file: fileOf('x') } });
    expect(result.formError).toBeTruthy();
  });

  it('an admin of another company only ever imports into their own company', async () => {
    const first = await signUpCompany({ companyName: 'First' });
    const second = await signUpCompany({ companyName: 'Second' });
    // The first company's member holds 102: in the second company it is free.
    const member = await addMember(first.company.id);
    await db().insert(extensions).values({ companyId: first.company.id, number: '102', type: 'user', userId: member.id });
    const rows = lines(3, `x-${randomUUID()}-`, () => 'Free').map((l, i) => ({ ...l, ext: i === 0 ? '102' : '' }));
    const csv = csvOf(rows);
    const firstBefore = await companyCounts(first.company.id);

    // A companyId in the input is not part of the schema: it is ignored.
    const input = { file: fileOf(csv), mode: 'valid_only', companyId: first.company.id };
    const preview = await runAction(previewUserImport, { userId: second.admin.id, locale: 'en', input });
    expect(preview.data).toMatchObject({ validCount: 3, errorCount: 0 });
    const result = await runAction(commitUserImport, { userId: second.admin.id, locale: 'en', input });
    expect(result).toEqual({ ok: true, data: { imported: 3, skipped: 0 } });

    expect(await companyCounts(first.company.id)).toEqual(firstBefore);
    const landed = await db().select({ companyId: users.companyId }).from(users).where(eq(users.email, rows[0].email));
    expect(landed).toEqual([{ companyId: second.company.id }]);
    const entries = await db().select().from(auditLog).where(eq(auditLog.action, 'user.imported'));
    expect(entries.filter((e) => e.companyId === first.company.id)).toEqual([]);
  });
});

describe('file-level errors through the actions', () => {
  it('a file without the required columns is refused by preview and commit', async () => {
    const { company, admin } = await signUpCompany({ companyName: 'Columns' });
    const csv = 'Prénom;Poste\nA;101\n';
    const preview = await runAction(previewUserImport, { userId: admin.id, locale: 'fr', input: { file: fileOf(csv) } });
    expect(preview.formError).toBeTruthy();
    expect(preview.data).toBeUndefined();
    const actor = (await loadActor(admin.id))!;
    await expect(db().transaction(async (tx) => commitImport(await teamContext(tx, actor, 'fr'), { file: fileOf(csv), mode: 'valid_only' }))).rejects.toEqual(
      new ActionError('errors.importMissingColumns', { params: { columns: 'Nom, E-mail' } }),
    );
    expect((await companyCounts(company.id)).users).toBe(1);
  });

  it('an empty input is a field error of the schema', async () => {
    const { admin } = await signUpCompany({ companyName: 'Empty' });
    const result = await runAction(previewUserImport, { userId: admin.id, locale: 'en', input: { file: fileOf('') } });
    expect(result.fieldErrors?.file).toBeTruthy();
  });
});
