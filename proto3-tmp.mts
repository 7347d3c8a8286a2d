import { PGlite } from '@electric-sql/pglite';
import { generateInventory } from './lib/numbers/inventory-seed';
const rows = generateInventory();
async function fresh(extra = '') {
  const pg = new PGlite();
  await pg.exec(`create table p (id uuid primary key default gen_random_uuid(), e164 text not null, country text not null, type text not null, area_code text not null, region_name text not null, status text not null default 'available'); create unique index pe on p(e164); ${extra}`);
  return pg;
}
const lit = (xs: string[]) => `{${xs.map(x => `"${x}"`).join(',')}}`;
for (const chunk of [10000, 50000, 120000]) {
  const pg = await fresh();
  const t = performance.now();
  for (let i = 0; i < rows.length; i += chunk) {
    const c = rows.slice(i, i + chunk);
    await pg.query(`insert into p (e164, country, type, area_code, region_name) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) on conflict (e164) do nothing`, [lit(c.map(r=>r.e164)), lit(c.map(r=>r.country)), lit(c.map(r=>r.type)), lit(c.map(r=>r.areaCode)), lit(c.map(r=>r.regionName))]);
  }
  console.log('unnest chunk', chunk, performance.now() - t);
  await pg.close();
}
{
  const pg = await fresh();
  const t = performance.now();
  const csv = rows.map(r => `${r.e164}\t${r.country}\t${r.type}\t${r.areaCode}\t${r.regionName}`).join('\n') + '\n';
  await pg.query(`copy p (e164, country, type, area_code, region_name) from '/dev/blob'`, [], { blob: new Blob([csv]) });
  console.log('copy', performance.now() - t);
  await pg.close();
}
{
  const pg = new PGlite();
  await pg.exec(`create table p (id bigserial primary key, e164 text not null, country text not null, type text not null, area_code text not null, region_name text not null, status text not null default 'available'); create unique index pe on p(e164);`);
  const t = performance.now();
  const c = rows;
  await pg.query(`insert into p (e164, country, type, area_code, region_name) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) on conflict (e164) do nothing`, [lit(c.map(r=>r.e164)), lit(c.map(r=>r.country)), lit(c.map(r=>r.type)), lit(c.map(r=>r.areaCode)), lit(c.map(r=>r.regionName))]);
  console.log('bigserial pk', performance.now() - t);
}
{
  const pg = new PGlite();
  await pg.exec(`create table p (id uuid primary key default gen_random_uuid(), e164 text not null, country text not null, type text not null, area_code text not null, region_name text not null, status text not null default 'available');`);
  const t = performance.now();
  const c = rows;
  await pg.query(`insert into p (e164, country, type, area_code, region_name) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`, [lit(c.map(r=>r.e164)), lit(c.map(r=>r.country)), lit(c.map(r=>r.type)), lit(c.map(r=>r.areaCode)), lit(c.map(r=>r.regionName))]);
  console.log('only pk', performance.now() - t);
}
