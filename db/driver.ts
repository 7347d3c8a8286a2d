import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Pool as NeonPool, neonConfig } from '@neondatabase/serverless';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNeon } from 'drizzle-orm/neon-serverless';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { Pool } from 'pg';
import ws from 'ws';
import { env } from '../lib/env';
import * as schema from './schema';

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DriverKind = 'pglite' | 'neon' | 'pg';

export type Target =
  // loadDataDir: a dumped data directory to start from (the tests' migrated template).
  | { kind: 'pglite'; dataDir: string | undefined; loadDataDir?: Blob }
  | { kind: 'neon' | 'pg'; url: string };

export const DEFAULT_DATA_DIR = '.data';

/** Reads DATABASE_URL the way the README documents it. */
export function resolveTarget(url = env.DATABASE_URL, driver: string | undefined = env.DATABASE_DRIVER): Target {
  if (!url || url.startsWith('file:') || url.startsWith('pglite:')) {
    const rest = url ? url.replace(/^(file|pglite):(\/\/)?/, '') : path.join(DEFAULT_DATA_DIR, 'pglite');
    // "pglite:memory" gives a throw-away database (tests, benches).
    return { kind: 'pglite', dataDir: rest === 'memory' || rest === '' ? undefined : rest };
  }
  const host = safeHost(url);
  if (driver === 'neon' || host.endsWith('.neon.tech')) return { kind: 'neon', url };
  return { kind: 'pg', url };
}

function safeHost(url: string) {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export type Connection = { db: Db; kind: DriverKind; close: () => Promise<void> };

/** `onQuery` sees every SQL statement: the tests count queries per page with it. */
export function connect(target: Target, opts: { onQuery?: (sql: string) => void } = {}): Connection {
  const logger = opts.onQuery ? { logQuery: (query: string) => opts.onQuery!(query) } : undefined;
  if (target.kind === 'pglite') {
    if (target.dataDir) fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
    // pg_trgm: the numbers search's trigram index (migration 0006); PostgreSQL and Neon ship it.
    const client = new PGlite({ dataDir: target.dataDir, loadDataDir: target.loadDataDir, extensions: { pg_trgm } });
    return { db: drizzlePglite({ client, schema, logger }) as unknown as Db, kind: 'pglite', close: () => client.close() };
  }
  if (target.kind === 'neon') {
    neonConfig.webSocketConstructor = ws;
    const pool = new NeonPool({ connectionString: target.url });
    return { db: drizzleNeon({ client: pool, schema, logger }) as unknown as Db, kind: 'neon', close: () => pool.end() };
  }
  const pool = new Pool({ connectionString: target.url, max: env.DATABASE_POOL_SIZE });
  return { db: drizzlePg({ client: pool, schema, logger }) as unknown as Db, kind: 'pg', close: () => pool.end() };
}
