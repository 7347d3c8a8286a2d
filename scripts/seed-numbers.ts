// `npm run db:seed-numbers`: fills the phone number inventory (lib/numbers/inventory-seed.ts),
// then gives a direct number to every Office user and conference bridge that has none.
//   --if-empty   seed only when the inventory is empty (what `npm start` runs at every start)
// Idempotent: the numbers are generated from a fixed seed and inserted with ON CONFLICT DO
// NOTHING, so a second run adds nothing. Uses DATABASE_URL like the app; migrate first.
import { setConnection } from '../db';
import { connect, resolveTarget } from '../db/driver';
import { backfillAllDirectNumbers } from '../lib/runner/system';
import { inventoryIsEmpty, seedInventory } from '../lib/numbers/inventory-seed';

const ifEmpty = process.argv.includes('--if-empty');
const started = performance.now();
const conn = connect(resolveTarget());
setConnection(conn);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
try {
  if (ifEmpty && !(await inventoryIsEmpty(conn.db))) {
    console.log('number inventory already seeded');
  } else {
    const r = await seedInventory(conn.db);
    console.log(
      `number inventory: ${r.inserted.toLocaleString('en')} new of ${r.generated.toLocaleString('en')} generated ` +
        `(generate ${s(r.generateMs)}, insert ${s(r.insertMs)})`,
    );
  }
  // Office users and bridges created before the inventory existed (or while it was empty).
  const backfill = await conn.db.transaction((tx) => backfillAllDirectNumbers(tx));
  if (backfill.assigned || backfill.missing) {
    console.log(
      `direct numbers: ${backfill.assigned} assigned in ${backfill.companies} companies` +
        (backfill.missing ? `, ${backfill.missing} still without (inventory exhausted)` : ''),
    );
  }
  console.log(`numbers ready in ${s(performance.now() - started)}`);
} finally {
  setConnection(undefined);
  await conn.close();
}
