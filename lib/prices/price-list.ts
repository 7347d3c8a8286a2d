import { and, eq } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { priceList, type PriceItem } from '@/db/schema';

export async function getPrice(country: string, item: PriceItem, tx?: Tx) {
  const [row] = await (tx ?? db())
    .select()
    .from(priceList)
    .where(and(eq(priceList.country, country), eq(priceList.item, item)));
  if (!row) throw new Error(`no price for ${item} in ${country}`);
  return row;
}
