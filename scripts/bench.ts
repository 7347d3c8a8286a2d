// `npm run bench`: server-side timings on a throw-away database.
//   default                     PGlite in memory
//   BENCH_DATABASE_URL=postgres://user@host:5432/db
//                               a fresh database created on that server, dropped afterwards
//   BENCH_CASES=import          only the cases whose name contains one of the comma-separated words
//                               ("pages": the production-server page and first-load JS figures, scripts/bench/pages.ts)
// Each case is one entry of CASES below: add a measurement by adding an entry.
import crypto from 'node:crypto';
import { first } from '../db/rows';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { db, setConnection } from '../db';
import { connect, type Connection } from '../db/driver';
import { migrateConnection } from '../db/migrate';
import { companies, extensions, users } from '../db/schema';
import type { Actor } from '../lib/actions/define';
import { loadActor } from '../lib/auth/actor';
import { cardContext, runAction } from '../lib/runner/run-action';
import { signUpSchema } from '../lib/auth/schema';
import { translator } from '../lib/i18n/messages';
import { createCompanyWithAdmin } from '../lib/auth/sign-up';
import { nextFree } from '../lib/extensions/numbering';
import { carrier, holdNumbers, purchaseNumbers } from '../lib/numbers/actions';
import { resolveArea } from '../lib/numbers/areas';
import type { NumberSearch } from '../lib/numbers/carrier';
import { inventoryIsEmpty, prng, seedInventory } from '../lib/numbers/inventory-seed';
import { commitImport } from '../lib/team/import-commit';
import { parseUserCsv } from '../lib/team/import-parse';
import { previewImport } from '../lib/team/import-preview';
import { getTeamCardData } from '../lib/team/queries';
import { runPageBench } from './bench/pages';

const benchContext = { t: translator('en'), locale: 'en' as const, now: () => new Date(), baseUrl: 'http://localhost:3000' };

type Target = { ms: number; stat: 'median' | 'p95'; note?: string };

type BenchCase<T = unknown> = {
  name: string;
  runs: number;
  warmup?: number;
  target?: Target;
  /** Once, before the runs (not timed). */
  setup?: () => Promise<void>;
  /** Before each run (not timed): its result is handed to `run`. */
  prepare?: () => Promise<T>;
  /** The timed part. */
  run: (prepared: T) => Promise<unknown>;
};

const defineCase = <T>(c: BenchCase<T>) => c as BenchCase<unknown>;

// ---------------------------------------------------------------------------------------------
// Fixtures

const SEED_USERS = 1_000;
const IMPORT_ROWS = 1_000;

/** A 4-digit French company: 1,000 users do not fit in the 3-digit user block. */
async function freshCompany(officeSeats: number): Promise<Actor> {
  const { company, admin } = await createCompanyWithAdmin(
    signUpSchema.parse({
      firstName: 'Bench',
      lastName: 'Admin',
      email: `bench-${crypto.randomUUID()}@example.com`,
      password: 'bench password 123',
      companyName: 'Bench SAS',
      country: 'FR',
      officeSeats: 1,
    }),
  );
  // Setup finished: before that, the cap on numbers (lib/numbers/limits.ts) refuses 100 Office rows.
  await db().update(companies).set({ extensionLength: 4, officeSeats, setupCompletedAt: new Date() }).where(eq(companies.id, company.id));
  await db().update(extensions).set({ number: '1010' }).where(eq(extensions.userId, admin.id));
  return (await loadActor(admin.id))!;
}

/** Users and their extensions inserted in bulk, like an import would leave them. */
async function seedUsers(companyId: string, count: number) {
  const used = new Set(['1010']);
  const rules = { length: 4, country: 'FR' } as const;
  const rows = Array.from({ length: count }, (_, i) => ({
    companyId,
    firstName: `Prénom${i}`,
    lastName: `Nom${i}`,
    email: `seed-${i}-${crypto.randomUUID()}@example.com`,
    role: 'member' as const,
    licence: i % 10 === 0 ? ('office' as const) : ('free' as const),
  }));
  for (let i = 0; i < rows.length; i += 500) {
    const ids = await db().insert(users).values(rows.slice(i, i + 500)).returning({ id: users.id });
    await db()
      .insert(extensions)
      .values(
        ids.map(({ id }) => {
          const number = nextFree('user', rules, used)!;
          used.add(number);
          return { companyId, number, type: 'user' as const, userId: id };
        }),
      );
  }
}

/** 1,000 rows, semicolon-separated with French headers, 10% Office, extensions left to auto-assignment. */
function importFile(rows: number) {
  const tag = crypto.randomUUID();
  const lines = Array.from(
    { length: rows },
    (_, i) => `Éloïse${i};Lefèvre${i};import-${i}-${tag}@example.com;${i % 10 === 0 ? 'Office' : 'Gratuit'};`,
  );
  return ['Prénom;Nom;E-mail;Type de licence;Poste', ...lines].join('\r\n');
}

// ---------------------------------------------------------------------------------------------
// Cases

let teamCompanyId = '';

const CASES: BenchCase[] = [
  defineCase({
    name: `Team card data (${SEED_USERS.toLocaleString('en')} users, page 1)`,
    runs: 20,
    warmup: 3,
    target: { ms: 200, stat: 'median', note: 'assumed: no figure in SPEC.md' },
    async setup() {
      const actor = await freshCompany(SEED_USERS + 1);
      teamCompanyId = actor.companyId;
      await seedUsers(teamCompanyId, SEED_USERS);
    },
    run: () => getTeamCardData(teamCompanyId, { q: '', page: 1 }),
  }),
  defineCase({
    name: `Import preview (${IMPORT_ROWS.toLocaleString('en')} rows)`,
    runs: 5,
    warmup: 1,
    prepare: async () => {
      const actor = await freshCompany(IMPORT_ROWS + 1);
      const company = first(
        await db().select().from(companies).where(eq(companies.id, actor.companyId)));
        return { company, csv: importFile(IMPORT_ROWS) };
      },
      run: async ({ company, csv }) => {
        const parsed = parseUserCsv(csv,
      );
      if (!parsed.ok) throw new Error(parsed.error.key);
      const preview = await previewImport(db(), company, parsed.rows);
      if (preview.errorCount) throw new Error(`${preview.errorCount} rows with errors`);
    },
  }),
  defineCase({
    name: `Import commit (${IMPORT_ROWS.toLocaleString('en')} rows, fresh company)`,
    runs: 5,
    warmup: 1,
    target: { ms: 1_000, stat: 'median' },
    prepare: async () => ({ actor: await freshCompany(IMPORT_ROWS + 1), csv: importFile(IMPORT_ROWS) }),
    run: async ({ actor, csv }) => {
      const result = await db().transaction(async (tx) =>
        commitImport(await cardContext(tx, 'team', actor, benchContext), { file: new File([csv], 'bench.csv'), mode: 'all_or_nothing' }),
      );
      if (result.imported !== IMPORT_ROWS) throw new Error(`imported ${result.imported}`);
    },
  }),
];

// ---------------------------------------------------------------------------------------------
// Phone numbers (issue 5): searches over the full inventory (seeded once by main(), ~119,000
// numbers), then holding and buying 10 numbers through the real actions.

let searchCompanyId = '';
const digitStream = prng(5);
const randomDigits = (n: number) => Array.from({ length: n }, () => Math.floor(digitStream() * 10)).join('');

function searchCase(name: string, query: () => NumberSearch) {
  return defineCase({
    name: `Number search: ${name}`,
    runs: 200,
    warmup: 20,
    target: { ms: 20, stat: 'p95', note: 'issue 5: p95 ≤ 20 ms over the full inventory' },
    async setup() {
      if (!searchCompanyId) searchCompanyId = (await freshCompany(5)).companyId;
    },
    prepare: async () => query(),
    run: async (q) => {
      const page = await carrier.search({ exec: db() }, searchCompanyId, q);
      if (q.areaCodes && !q.digits && page.rows.length === 0) throw new Error(`no result for ${JSON.stringify(q)}`);
    },
  });
}

CASES.push(
  searchCase('by area code (US 212)', () => ({ country: 'US', type: 'local', areaCodes: ['212'] })),
  searchCase('by region name ("Île-de-France", page 3)', () => ({
    country: 'FR',
    type: 'local',
    areaCodes: resolveArea('FR', 'local', 'Île-de-France'),
    page: 3,
  })),
  searchCase('by region name ("New York": 4 area codes)', () => ({
    country: 'US',
    type: 'local',
    areaCodes: resolveArea('US', 'local', 'New York'),
  })),
  searchCase('by digits contained (2 random digits, FR local)', () => ({ country: 'FR', type: 'local', digits: randomDigits(2) })),
  searchCase('by digits contained (4 random digits, US local)', () => ({ country: 'US', type: 'local', digits: randomDigits(4) })),
  searchCase('by digits contained (7 random digits, FR local: mostly no match)', () => ({
    country: 'FR',
    type: 'local',
    digits: randomDigits(7),
  })),
  searchCase('toll-free by prefix and digits (US 800, 3 digits)', () => ({
    country: 'US',
    type: 'toll_free',
    areaCodes: ['800'],
    digits: randomDigits(3),
  })),
  defineCase({
    name: 'Hold and buy 10 numbers (two actions, fresh company)',
    runs: 20,
    warmup: 2,
    prepare: async () => {
      const actor = await freshCompany(5);
      const page = await carrier.search({ exec: db() }, actor.companyId, { country: 'FR', type: 'local', pageSize: 10 });
      return { actor, ids: page.rows.map((r) => r.id) };
    },
    run: async ({ actor, ids }) => {
      const call = (def: typeof holdNumbers | typeof purchaseNumbers, input: unknown) =>
        runAction(def as typeof holdNumbers, { userId: actor.id, locale: 'en', input });
      const held = await call(holdNumbers, { ids });
      if (!held.ok) throw new Error(JSON.stringify(held));
      const bought = await call(purchaseNumbers, { idempotencyKey: crypto.randomUUID(), ids });
      if (!bought.ok) throw new Error(JSON.stringify(bought));
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Runner

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const at = (i: number) => sorted[i] ?? 0;
  return at(lo) + (at(hi) - at(lo)) * (rank - lo);
}

type Outcome = { name: string; runs: number; median: number; p95: number; target?: Target; met?: boolean };

async function measure(c: BenchCase): Promise<Outcome> {
  await c.setup?.();
  const times: number[] = [];
  for (let i = 0; i < (c.warmup ?? 0) + c.runs; i++) {
    const prepared = await c.prepare?.();
    const start = performance.now();
    await c.run(prepared);
    const elapsed = performance.now() - start;
    if (i >= (c.warmup ?? 0)) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const met = c.target ? (c.target.stat === 'median' ? median : p95) <= c.target.ms : undefined;
  return { name: c.name, runs: c.runs, median, p95, target: c.target, met };
}

async function openDatabase(): Promise<{ conn: Connection; label: string }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const conn = connect({ kind: 'pglite', dataDir: undefined });
    await migrateConnection(conn);
    return { conn, label: 'PGlite (in memory)' };
  }
  const name = `sb_bench_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const conn = connect({ kind: 'pg', url: target.toString() });
  const close = async () => {
    await conn.close();
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
  try {
    await migrateConnection(conn);
  } catch (error) {
    await close();
    throw error;
  }
  return { conn: { ...conn, close }, label: `PostgreSQL (${target.host}, throw-away database ${name})` };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

function printTable(outcomes: Outcome[]) {
  const header = ['case', 'runs', 'median', 'p95', 'target', ''];
  const rows = outcomes.map((o) => [
    o.name,
    String(o.runs),
    ms(o.median),
    ms(o.p95),
    o.target ? `≤ ${o.target.ms >= 1000 ? `${o.target.ms / 1000} s` : `${o.target.ms} ms`} (${o.target.stat})` : '—',
    o.met === undefined ? '' : o.met ? 'ok' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 4 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const notes = outcomes.filter((o) => o.target?.note);
  for (const o of notes) console.log(`  target of "${o.name}": ${o.target!.note}`);
}

async function main() {
  const filter = process.env.BENCH_CASES?.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
  const cases = filter?.length ? CASES.filter((c) => filter.some((w) => c.name.toLowerCase().includes(w))) : CASES;
  const pages = !filter?.length || filter.includes('pages');
  if (cases.length === 0 && pages) return void (await runPages());
  const { conn, label } = await openDatabase();
  setConnection(conn);
  console.log(`database: ${label}\n`);
  try {
    // The number inventory, as `npm start` seeds it: the number searches read it, and Office
    // users (imports included) get their direct numbers from it.
    if (await inventoryIsEmpty(db())) {
      const seeded = await seedInventory(db());
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      console.log(
        `number inventory: ${seeded.inserted.toLocaleString('en')} numbers seeded in ${s(seeded.generateMs + seeded.insertMs)}` +
          ` (generate ${s(seeded.generateMs)}, insert and index ${s(seeded.insertMs)})\n`,
      );
    }
    const outcomes: Outcome[] = [];
    for (const c of cases) {
      process.stdout.write(`running: ${c.name}…\n`);
      outcomes.push(await measure(c));
    }
    console.log('');
    printTable(outcomes);
    if (outcomes.some((o) => o.met === false)) process.exitCode = 1;
  } finally {
    setConnection(undefined);
    await conn.close();
  }
  if (pages) await runPages();
}

async function runPages() {
  console.log('');
  if (!(await runPageBench())) process.exitCode = 1;
}

await main();
