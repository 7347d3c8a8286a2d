import path from 'node:path';
import { migrate as migrateNeon } from 'drizzle-orm/neon-serverless/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Connection } from './driver';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export async function migrateConnection(conn: Connection, migrationsFolder = MIGRATIONS_FOLDER) {
  const config = { migrationsFolder };
  // Each migrator takes its own driver's database type; they share the same runtime shape.
  if (conn.kind === 'pglite') await migratePglite(conn.db as never, config);
  else if (conn.kind === 'neon') await migrateNeon(conn.db as never, config);
  else await migratePg(conn.db as never, config);
}
