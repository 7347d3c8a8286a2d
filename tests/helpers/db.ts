import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import pg from 'pg';
import { setConnection } from '@/db';
import { connect, type Connection } from '@/db/driver';
import { migrateConnection } from '@/db/migrate';
import { seedInventory } from '@/lib/numbers/inventory-seed';

/**
 * Numbers per area of the inventory every test database starts with (about 4,700 numbers, 240
 * local ones in France): Office users and conference bridges get a direct number when they are
 * created, so every suite needs some. `useTestDatabase({ numbers: 0 })` starts empty.
 */
export const TEST_NUMBERS_PER_AREA = 40;

/** Which database the integration suite runs on: PGlite by default, PostgreSQL with TEST_DB=pg. */
export const testDbKind = process.env.TEST_DB === 'pg' ? 'pg' : 'pglite';

function adminUrl() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=pg needs TEST_DATABASE_URL');
  return url;
}

/** A fresh, migrated database of its own for one test file, with a small number inventory. */
export async function createTestDatabase(
  opts: { numbers?: number } = {},
): Promise<Connection & { url?: string }> {
  const perArea = opts.numbers ?? TEST_NUMBERS_PER_AREA;
  // The run's template (tests/helpers/db-template.ts) is this very database, already migrated and seeded.
  const template = perArea === TEST_NUMBERS_PER_AREA ? templates() : {};
  if (testDbKind === 'pglite') {
    if (template.pglite) return connect({ kind: 'pglite', dataDir: undefined, loadDataDir: template.pglite });
    const conn = connect({ kind: 'pglite', dataDir: undefined });
    await migrateConnection(conn);
    if (perArea > 0) await seedInventory(conn.db, { perArea });
    return conn;
  }
  const name = `sb_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(template.pg ? `create database ${name} template ${template.pg}` : `create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const conn = connect({ kind: 'pg', url: url.toString() });
  if (!template.pg) {
    await migrateConnection(conn);
    if (perArea > 0) await seedInventory(conn.db, { perArea });
  }
  return {
    ...conn,
    url: url.toString(),
    async close() {
      await conn.close();
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      // pg's Pool.end() resolves before its sockets have closed: a forced drop would then kill
      // those backends and their clients would raise an unhandled 57P01. Let them leave first.
      for (let i = 0; i < 50; i++) {
        const { rows } = await cleanup.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** The templates the run's globalSetup made, if this config has one (the SIP suite's has not). */
function templates(): { pglite?: Blob; pg?: string } {
  const pglite = inject('pgliteTemplate');
  const pgName = inject('pgTemplate');
  return {
    pglite: pglite && fs.existsSync(pglite) ? new Blob([fs.readFileSync(pglite)]) : undefined,
    pg: pgName || undefined,
  };
}

/** Installs a fresh database as the app's connection for the whole file. */
export function useTestDatabase(opts: { numbers?: number } = {}) {
  const holder: { conn?: Connection & { url?: string } } = {};
  beforeAll(async () => {
    holder.conn = await createTestDatabase(opts);
    setConnection(holder.conn);
  }, 60_000);
  afterAll(async () => {
    setConnection(undefined);
    await holder.conn?.close();
  });
  return holder;
}

/**
 * Installs a fresh database for the whole file through a connection whose statements are
 * counted: `count(fn)` runs `fn` and returns its result with the SQL it sent. On PGlite this is a
 * new in-memory database (it cannot be opened twice, so the counted connection is the only one),
 * with the number inventory only if `numbers` is set; on PostgreSQL it is a second pool on a fresh
 * database from createTestDatabase, which always has the inventory.
 */
export function useCountingDatabase(opts: { numbers?: boolean } = {}) {
  let statements: string[] | undefined;
  const onQuery = (sql: string) => void statements?.push(sql);
  const opened: (Connection & { url?: string })[] = [];

  beforeAll(async () => {
    if (testDbKind === 'pglite') {
      const conn = connect({ kind: 'pglite', dataDir: undefined }, { onQuery });
      await migrateConnection(conn);
      if (opts.numbers) await seedInventory(conn.db, { perArea: TEST_NUMBERS_PER_AREA });
      opened.push(conn);
      setConnection(conn);
    } else {
      const fresh = await createTestDatabase();
      const counted = connect({ kind: 'pg', url: fresh.url! }, { onQuery });
      opened.push(counted, fresh);
      setConnection(counted);
    }
  }, 60_000);

  afterAll(async () => {
    setConnection(undefined);
    for (const conn of opened) {
      await conn.close();
      // pg's pool.end() resolves before its sockets are closed; the next close drops the
      // database "with (force)", which would kill those still-closing backends noisily.
      if (opened.length > 1) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  async function count<T>(fn: () => Promise<T>) {
    const sql: string[] = [];
    statements = sql;
    try {
      const result = await fn();
      return { result, statements: sql };
    } finally {
      statements = undefined;
    }
  }

  return { count };
}
