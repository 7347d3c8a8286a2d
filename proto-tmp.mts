import { sql } from 'drizzle-orm';
import { connect } from './db/driver';
import { migrateConnection } from './db/migrate';
import { seedInventory } from './lib/numbers/inventory-seed';
const conn = connect({ kind: 'pglite', dataDir: process.argv[2] === 'disk' ? '/tmp/numproto/db' + Date.now() : undefined });
await migrateConnection(conn);
let t = performance.now();
const r = await seedInventory(conn.db);
console.log('seed', r, performance.now() - t);
t = performance.now();
const r2 = await seedInventory(conn.db);
console.log('seed again', r2, performance.now() - t);
const q = async (label: string, where: string) => {
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const res: any = await conn.db.execute(sql.raw(`select id, e164, area_code, region_name from phone_numbers where ${where} and (status = 'available' or (status = 'held' and (held_until <= now() or company_id = '00000000-0000-0000-0000-000000000000'))) order by e164 limit 21 offset 0`));
    times.push(performance.now() - t0); n = res.rows.length;
  }
  times.sort((a, b) => a - b);
  console.log(label, n, 'median', times[15].toFixed(2), 'p95', times[28].toFixed(2));
};
await conn.db.execute(sql`analyze phone_numbers`);
await q('area 212', `country='US' and type='local' and area_code = '212'`);
await q('area FR 1', `country='FR' and type='local' and area_code = '1'`);
await q('region NY (3 codes)', `country='US' and type='local' and area_code = any('{212,646,718}')`);
await q('digits 42', `country='US' and type='local' and national like '%42%'`);
await q('digits 4242', `country='US' and type='local' and national like '%4242%'`);
await q('digits 987654', `country='US' and type='local' and national like '%987654%'`);
await q('digits 98765432', `country='FR' and type='local' and national like '%98765432%'`);
await q('area+digits 212 77', `country='US' and type='local' and area_code='212' and national like '%77%'`);
await q('area+digits 212 7777', `country='US' and type='local' and area_code='212' and national like '%7777%'`);
await q('FR tf', `country='FR' and type='toll_free'`);
await q('offset deep', `country='FR' and type='local' offset 0 `.replace(' offset 0 ', ''));
const ex: any = await conn.db.execute(sql.raw(`explain analyze select id from phone_numbers where country='US' and type='local' and national like '%987654%' and (status = 'available' or (status = 'held' and held_until <= now())) order by e164 limit 21`));
console.log(ex.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
await conn.close();
