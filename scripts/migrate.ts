// Applies db/migrations to DATABASE_URL (or the embedded PGlite in .data/), then exits.
// Also tops up the holiday dates the SIP server reads (lib/calls/holiday-dates.ts): `npm start`
// runs this at every start, which keeps them three years ahead.
import { connect, resolveTarget } from '../db/driver';
import { migrateConnection } from '../db/migrate';
import { refreshHolidayDates } from '../lib/calls/holiday-dates';

const target = resolveTarget();
const conn = connect(target);
try {
  await migrateConnection(conn);
  console.log(`migrations applied (${target.kind})`);
  const refreshed = await refreshHolidayDates(conn.db);
  if (refreshed > 0) console.log(`holiday dates refreshed for ${refreshed} schedule(s)`);
} finally {
  await conn.close();
}
