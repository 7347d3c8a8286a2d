import { CA_PROVINCES, type CountryCode } from '@/lib/countries/rules';
import type { Locale } from '@/lib/i18n/locales';

/*
 * Which holiday calendars a business-hours schedule can follow. A calendar id is the country's
 * ISO 3166-1 code, alone when the country has one national list (`FR`, `BE`, `US`: federal
 * holidays), or followed by the region's code when holidays differ by region: `CH-VD` (the 26
 * cantons), `CA-QC` (the 13 provinces and territories), `GB-SCT` (ENG, SCT, WLS, NIR), plus
 * `FR-ALSACE-MOSELLE` for the three departments (57, 67, 68) whose local law adds Good Friday
 * and 26 December. The ids are stored in schedules: never rename one.
 */

type Names = Readonly<Record<Locale, string>>;

/** date-holidays' country and state for each calendar. */
interface CalendarSource {
  country: CountryCode;
  state?: string;
  name: Names;
}

const CH_CANTONS: Record<string, Names> = {
  AG: { fr: 'Argovie', en: 'Aargau' },
  AI: { fr: 'Appenzell Rhodes-Intérieures', en: 'Appenzell Innerrhoden' },
  AR: { fr: 'Appenzell Rhodes-Extérieures', en: 'Appenzell Ausserrhoden' },
  BE: { fr: 'Berne', en: 'Bern' },
  BL: { fr: 'Bâle-Campagne', en: 'Basel-Landschaft' },
  BS: { fr: 'Bâle-Ville', en: 'Basel-Stadt' },
  FR: { fr: 'Fribourg', en: 'Fribourg' },
  GE: { fr: 'Genève', en: 'Geneva' },
  GL: { fr: 'Glaris', en: 'Glarus' },
  GR: { fr: 'Grisons', en: 'Graubünden' },
  JU: { fr: 'Jura', en: 'Jura' },
  LU: { fr: 'Lucerne', en: 'Lucerne' },
  NE: { fr: 'Neuchâtel', en: 'Neuchâtel' },
  NW: { fr: 'Nidwald', en: 'Nidwalden' },
  OW: { fr: 'Obwald', en: 'Obwalden' },
  SG: { fr: 'Saint-Gall', en: 'St. Gallen' },
  SH: { fr: 'Schaffhouse', en: 'Schaffhausen' },
  SO: { fr: 'Soleure', en: 'Solothurn' },
  SZ: { fr: 'Schwytz', en: 'Schwyz' },
  TG: { fr: 'Thurgovie', en: 'Thurgau' },
  TI: { fr: 'Tessin', en: 'Ticino' },
  UR: { fr: 'Uri', en: 'Uri' },
  VD: { fr: 'Vaud', en: 'Vaud' },
  VS: { fr: 'Valais', en: 'Valais' },
  ZG: { fr: 'Zoug', en: 'Zug' },
  ZH: { fr: 'Zurich', en: 'Zurich' },
};

// French names where they differ from CA_PROVINCES' English ones.
const CA_FRENCH: Partial<Record<keyof typeof CA_PROVINCES, string>> = {
  BC: 'Colombie-Britannique', NB: 'Nouveau-Brunswick', NL: 'Terre-Neuve-et-Labrador',
  NS: 'Nouvelle-Écosse', NT: 'Territoires du Nord-Ouest', PE: 'Île-du-Prince-Édouard', QC: 'Québec',
};

const GB_NATIONS: Record<string, Names> = {
  ENG: { fr: 'Angleterre', en: 'England' },
  NIR: { fr: 'Irlande du Nord', en: 'Northern Ireland' },
  SCT: { fr: 'Écosse', en: 'Scotland' },
  WLS: { fr: 'Pays de Galles', en: 'Wales' },
};

const SOURCES: Record<string, CalendarSource> = {
  FR: { country: 'FR', name: { fr: 'France', en: 'France' } },
  // Moselle (57), Bas-Rhin (67) and Haut-Rhin (68) share one local law: date-holidays' 57 list.
  'FR-ALSACE-MOSELLE': { country: 'FR', state: '57', name: { fr: 'Alsace-Moselle', en: 'Alsace-Moselle' } },
  BE: { country: 'BE', name: { fr: 'Belgique', en: 'Belgium' } },
  ...Object.fromEntries(
    Object.entries(CH_CANTONS).map(([code, name]) => [`CH-${code}`, { country: 'CH', state: code, name }]),
  ),
  ...Object.fromEntries(
    Object.entries(CA_PROVINCES).map(([code, en]) => [
      `CA-${code}`,
      { country: 'CA', state: code, name: { fr: CA_FRENCH[code as keyof typeof CA_PROVINCES] ?? en, en } },
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(GB_NATIONS).map(([code, name]) => [`GB-${code}`, { country: 'GB', state: code, name }]),
  ),
  US: { country: 'US', name: { fr: 'États-Unis (jours fériés fédéraux)', en: 'United States (federal holidays)' } },
};

/** Every calendar id, in a stable order (for the schema's enum). */
export const CALENDAR_IDS = Object.keys(SOURCES) as [string, ...string[]];
export type CalendarId = string;

export function isCalendarId(value: unknown): value is CalendarId {
  return typeof value === 'string' && Object.hasOwn(SOURCES, value);
}

/** date-holidays' country and state for a calendar; throws on an unknown id (a bug upstream). */
export function calendarSource(calendar: CalendarId): CalendarSource {
  const source = SOURCES[calendar];
  if (!source) throw new Error(`Unknown holiday calendar ${calendar}`);
  return source;
}

export interface CalendarChoice {
  id: CalendarId;
  name: Names;
}

/**
 * The calendars a company in `country` can pick, sorted by their name in `locale`; the first is
 * the one to propose by default (the national list, or the first region).
 */
export function listCalendars(country: CountryCode, locale: Locale = 'en'): CalendarChoice[] {
  const choices = Object.entries(SOURCES)
    .filter(([, source]) => source.country === country)
    .map(([id, source]) => ({ id, name: source.name }));
  const national = choices.filter((c) => c.id === country);
  const regional = choices
    .filter((c) => c.id !== country)
    .sort((a, b) => a.name[locale].localeCompare(b.name[locale], locale));
  return [...national, ...regional];
}

/** The country a calendar belongs to. */
export function countryOfCalendar(calendar: CalendarId): CountryCode {
  return calendarSource(calendar).country;
}
