import crypto from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { setConnection } from '@/db';
import { connect, type Connection } from '@/db/driver';
import { migrateConnection } from '@/db/migrate';

/** Which database the integration suite runs on: PGlite by default, PostgreSQL with TEST_DB=pg. */
export const testDbKind = process.env.TEST_DB === 'pg' ? 'pg' : 'pglite';

function adminUrl() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=pg needs TEST_DATABASE_URL');
  return url;
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<Connection & { url?: string }> {
  if (testDbKind === 'pglite') {
    const conn = connect({ kind: 'pglite', dataDir: undefined });
    await migrateConnection(conn);
    return conn;
  }
  const name = `sb_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const conn = connect({ kind: 'pg', url: url.toString() });
  await migrateConnection(conn);
  return {
    ...conn,
    url: url.toString(),
    async close() {
      await conn.close();
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Installs a fresh database as the app's connection for the whole file. */
export function useTestDatabase() {
  const holder: { conn?: Connection & { url?: string } } = {};
  beforeAll(async () => {
    holder.conn = await createTestDatabase();
    setConnection(holder.conn);
  }, 60_000);
  afterAll(async () => {
    setConnection(undefined);
    await holder.conn?.close();
  });
  return holder;
}
