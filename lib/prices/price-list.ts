import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { companies, PRICE_ITEMS, priceList, type PriceItem } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { COUNTRY_RULES, isCountryCode, type CountryCode, type Currency } from '@/lib/countries/rules';

/** Monthly prices by item, integers in minor units (cents) of the company's currency. */
export type Prices = Record<PriceItem, number>;

export type CompanyPrices = { country: CountryCode; currency: Currency; monthlyMinor: Prices };

/**
 * The one way to read a company's price list: its country's rows, in the currency the country
 * bills in (lib/countries), every item present. One statement. A company that does not exist is
 * `errors.notFound`; a missing item is `errors.priceMissing`, on `field` when the caller's form
 * has one for it. A row in another currency is a bug in the data and throws.
 */
export async function companyPrices(exec: Db | Tx, companyId: string, refusal: { field?: string } = {}): Promise<CompanyPrices> {
  const rows = await exec
    .select({ country: companies.country, item: priceList.item, currency: priceList.currency, monthlyMinor: priceList.monthlyMinor })
    .from(companies)
    .leftJoin(priceList, eq(priceList.country, companies.country))
    .where(eq(companies.id, companyId));
  const country = rows[0]?.country;
  if (country === undefined) throw new ActionError('errors.notFound');
  if (!isCountryCode(country)) throw new Error(`Unsupported country ${country}`);
  const { currency } = COUNTRY_RULES[country];
  const monthlyMinor: Partial<Prices> = {};
  for (const row of rows) {
    if (row.item === null || row.monthlyMinor === null) continue;
    if (row.currency !== currency) throw new Error(`price list for ${country} is in ${row.currency}, not ${currency}`);
    monthlyMinor[row.item] = row.monthlyMinor;
  }
  if (PRICE_ITEMS.some((item) => monthlyMinor[item] === undefined)) throw new ActionError('errors.priceMissing', refusal);
  return { country, currency, monthlyMinor: monthlyMinor as Prices };
}
