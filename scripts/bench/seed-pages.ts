// The page benchmark's companies (scripts/bench/pages.ts), written before the server starts (an
// embedded PGlite database allows one process at a time): for each size, a company whose admin
// signs in with a password and whose users come through the app's own import (commitImport, the
// Team card's "Import" action), 10% of them Office. Prints the accounts as JSON on its last line.
//   DATABASE_URL=pglite:<dir> node --import tsx scripts/bench/seed-pages.ts 10 1000 5000
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db, setConnection } from '../../db';
import { connect, resolveTarget } from '../../db/driver';
import { migrateConnection } from '../../db/migrate';
import { companies } from '../../db/schema';
import { loadActor } from '../../lib/auth/actor';
import { createCompanyWithAdmin } from '../../lib/auth/sign-up';
import { translator } from '../../lib/i18n/messages';
import { inventoryIsEmpty, seedInventory } from '../../lib/numbers/inventory-seed';
import { cardContext } from '../../lib/runner/run-action';
import { commitImport } from '../../lib/team/import-commit';

export type BenchAccount = { users: number; email: string; password: string; importMs: number };

const PASSWORD = 'bench password 123';
const benchContext = { t: translator('en'), locale: 'en' as const, now: () => new Date(), baseUrl: 'http://localhost' };

/**
 * Semicolon-separated with French headers, as an admin's spreadsheet export would be. The first
 * 3,000 extensions are auto-assigned; the 4-digit user block (1010-4999, less reserved codes) holds
 * fewer than 5,000, so later rows name theirs from 6000 up (free of the ring-group and
 * conference blocks), as an admin importing that many would.
 */
function importFile(rows: number, tag: string) {
  const extension = (i: number) => (i < 3000 ? '' : String(6000 + i - 3000));
  const lines = Array.from(
    { length: rows },
    (_, i) => `Éloïse${i};Lefèvre${i};user-${i}-${tag}@example.com;${i % 10 === 0 ? 'Office' : 'Gratuit'};${extension(i)}`,
  );
  return ['Prénom;Nom;E-mail;Type de licence;Poste', ...lines].join('\r\n');
}

async function seedCompany(size: number): Promise<BenchAccount> {
  const tag = crypto.randomUUID().slice(0, 8);
  const email = `bench-${size}-${tag}@example.com`;
  const { company, admin } = await createCompanyWithAdmin({
    firstName: 'Bench',
    lastName: 'Admin',
    email,
    password: PASSWORD,
    companyName: `Bench ${size}`,
    country: 'FR',
    officeSeats: 1,
  });
  // Setup finished, 4-digit extensions (1,000 users do not fit the 3-digit block), a seat per
  // Office row: what a company of this size would have after its setup.
  await db()
    .update(companies)
    .set({ extensionLength: 4, officeSeats: size + 1, setupCompletedAt: new Date() })
    .where(eq(companies.id, company.id));
  const actor = (await loadActor(admin.id))!;
  const csv = importFile(size, tag);
  const start = performance.now();
  const result = await db().transaction(async (tx) =>
    commitImport(await cardContext(tx, 'team', actor, benchContext), { file: new File([csv], 'bench.csv'), mode: 'all_or_nothing' }),
  );
  const importMs = performance.now() - start;
  if (result.imported !== size) throw new Error(`company of ${size}: imported ${result.imported} (${JSON.stringify(result).slice(0, 300)})`);
  return { users: size, email, password: PASSWORD, importMs };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const conn = connect(resolveTarget());
setConnection(conn);
try {
  await migrateConnection(conn);
  const started = performance.now();
  if (await inventoryIsEmpty(db())) await seedInventory(db());
  console.error(`  number inventory seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const accounts: BenchAccount[] = [];
  for (const size of sizes) accounts.push(await seedCompany(size));
  console.log(JSON.stringify(accounts));
} finally {
  setConnection(undefined);
  await conn.close();
}
