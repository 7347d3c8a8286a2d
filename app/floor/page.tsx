import { sql } from 'drizzle-orm';
import { db } from '@/db';

// The benchmark's floor (scripts/bench/pages.ts): the cheapest page this app can serve, through
// the same root layout, proxy and database as every card, so a card's time reads as a ratio to it.
export default async function FloorPage() {
  await db().execute(sql`select 1`);
  return <main id="main">ok</main>;
}
