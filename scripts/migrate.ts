// Applies db/migrations to DATABASE_URL (or the embedded PGlite in .data/), then exits.
import { connect, resolveTarget } from '../db/driver';
import { migrateConnection } from '../db/migrate';

const target = resolveTarget();
const conn = connect(target);
try {
  await migrateConnection(conn);
  console.log(`migrations applied (${target.kind})`);
} finally {
  await conn.close();
}
