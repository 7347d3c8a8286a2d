/** Amounts are integers in minor units (cents); only display turns them into decimals. */
export function formatMoney(minor: number, currency: string, locale: string) {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US', { style: 'currency', currency }).format(minor / 100);
}
