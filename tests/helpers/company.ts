import type { CompanyDetailsInput } from '@/lib/company/schema';

/** Valid Company card details for a company in Paris, as the form submits them. */
export const FR_DETAILS = {
  name: 'Acme Paris',
  country: 'FR',
  timeZone: 'Europe/Paris',
  locale: 'fr',
  extensionLength: '3',
  street: '10 rue de Rivoli',
  city: 'Paris',
  postalCode: '75001',
  region: '',
  addressCountry: 'FR',
} satisfies CompanyDetailsInput;
