import type { NumberType } from '@/db/schema';
import { CA_PROVINCES, US_STATES, type CountryCode } from '@/lib/countries/rules';

/*
 * The areas the local inventory sells numbers in: one row per area code, with the name an
 * administrator searches for. Area codes are written without the trunk prefix (FR "1" is
 * dialled 01, GB "161" is 0161), like libphonenumber's national significant number starts.
 * Client-safe: the buy form lists them.
 */

/** The longest area search the buy form and the tab accept. */
export const AREA_MAX = 60;

export type Area = {
  country: CountryCode;
  type: NumberType;
  areaCode: string;
  /** City or zone as the country writes it; NANP entries end with the state or province code. */
  name: string;
  /** US state / CA province code, for "nearest to the emergency address". */
  state?: string;
  /** Other words the region search finds it by (the main cities of a French zone). */
  keywords?: string;
  /** Numbers of the full inventory in this area. */
  count: number;
  /** Digits after the area code, so the national significant number has the right length. */
  subscriberDigits: number;
};

const fr = (areaCode: string, name: string, keywords: string, count: number): Area => ({
  country: 'FR',
  type: 'local',
  areaCode,
  name,
  keywords,
  count,
  subscriberDigits: 8,
});
const frTollFree = (areaCode: string): Area => ({
  country: 'FR',
  type: 'toll_free',
  areaCode,
  name: 'Numéro gratuit',
  count: 1_000,
  subscriberDigits: 6,
});
const nanp = (country: 'US' | 'CA', areaCode: string, city: string, state: string, count = 800): Area => ({
  country,
  type: 'local',
  areaCode,
  name: `${city}, ${state}`,
  state,
  count,
  subscriberDigits: 7,
});
const nanpTollFree = (country: 'US' | 'CA', areaCode: string, count: number): Area => ({
  country,
  type: 'toll_free',
  areaCode,
  name: 'Toll-free',
  count,
  subscriberDigits: 7,
});
/** GB, BE, CH: the national significant number has a fixed length whatever the area code's. */
const geo = (country: 'GB' | 'BE' | 'CH', areaCode: string, name: string, count: number): Area => {
  const nsnLength = { GB: 10, BE: 8, CH: 9 }[country];
  return { country, type: 'local', areaCode, name, count, subscriberDigits: nsnLength - areaCode.length };
};

export const NANP_TOLL_FREE = ['800', '833', '844', '855', '866', '877', '888'] as const;

export const AREAS: readonly Area[] = [
  // France: the five geographic zones of the ARCEP plan and 09 (non-geographic, VoIP).
  fr('1', 'Île-de-France', 'Paris', 6_000),
  fr('2', 'Nord-Ouest', 'Rennes Nantes Rouen Caen Brest Orléans Tours Angers Le Mans', 6_000),
  fr('3', 'Nord-Est', 'Lille Strasbourg Reims Metz Nancy Dijon Besançon Amiens Mulhouse', 6_000),
  fr('4', 'Sud-Est', 'Lyon Marseille Nice Grenoble Montpellier Toulon Saint-Étienne Clermont-Ferrand Ajaccio', 6_000),
  fr('5', 'Sud-Ouest', 'Bordeaux Toulouse Limoges Poitiers Pau Bayonne La Rochelle', 6_000),
  fr('9', 'Non géographique', 'VoIP', 6_000),
  ...['800', '801', '802', '803', '804', '805'].map(frTollFree),

  // United States.
  nanp('US', '212', 'New York', 'NY'),
  nanp('US', '646', 'New York', 'NY'),
  nanp('US', '718', 'New York (Brooklyn, Queens)', 'NY'),
  nanp('US', '518', 'Albany', 'NY'),
  nanp('US', '213', 'Los Angeles', 'CA'),
  nanp('US', '310', 'Los Angeles', 'CA'),
  nanp('US', '415', 'San Francisco', 'CA'),
  nanp('US', '408', 'San Jose', 'CA'),
  nanp('US', '619', 'San Diego', 'CA'),
  nanp('US', '312', 'Chicago', 'IL'),
  nanp('US', '773', 'Chicago', 'IL'),
  nanp('US', '617', 'Boston', 'MA'),
  nanp('US', '202', 'Washington', 'DC'),
  nanp('US', '305', 'Miami', 'FL'),
  nanp('US', '407', 'Orlando', 'FL'),
  nanp('US', '813', 'Tampa', 'FL'),
  nanp('US', '404', 'Atlanta', 'GA'),
  nanp('US', '214', 'Dallas', 'TX'),
  nanp('US', '713', 'Houston', 'TX'),
  nanp('US', '512', 'Austin', 'TX'),
  nanp('US', '210', 'San Antonio', 'TX'),
  nanp('US', '206', 'Seattle', 'WA'),
  nanp('US', '503', 'Portland', 'OR'),
  nanp('US', '303', 'Denver', 'CO'),
  nanp('US', '602', 'Phoenix', 'AZ'),
  nanp('US', '702', 'Las Vegas', 'NV'),
  nanp('US', '215', 'Philadelphia', 'PA'),
  nanp('US', '412', 'Pittsburgh', 'PA'),
  nanp('US', '313', 'Detroit', 'MI'),
  nanp('US', '612', 'Minneapolis', 'MN'),
  nanp('US', '314', 'St. Louis', 'MO'),
  nanp('US', '615', 'Nashville', 'TN'),
  nanp('US', '704', 'Charlotte', 'NC'),
  nanp('US', '919', 'Raleigh', 'NC'),
  nanp('US', '801', 'Salt Lake City', 'UT'),
  nanp('US', '504', 'New Orleans', 'LA'),
  nanp('US', '216', 'Cleveland', 'OH'),
  nanp('US', '614', 'Columbus', 'OH'),
  nanp('US', '317', 'Indianapolis', 'IN'),
  nanp('US', '808', 'Honolulu', 'HI'),
  nanp('US', '907', 'Anchorage', 'AK'),
  nanp('US', '207', 'Portland', 'ME'),
  // Canada: every province.
  nanp('CA', '416', 'Toronto', 'ON'),
  nanp('CA', '647', 'Toronto', 'ON'),
  nanp('CA', '905', 'Mississauga', 'ON'),
  nanp('CA', '613', 'Ottawa', 'ON'),
  nanp('CA', '514', 'Montréal', 'QC'),
  nanp('CA', '438', 'Montréal', 'QC'),
  nanp('CA', '418', 'Québec', 'QC'),
  nanp('CA', '450', 'Laval', 'QC'),
  nanp('CA', '819', 'Gatineau', 'QC'),
  nanp('CA', '604', 'Vancouver', 'BC'),
  nanp('CA', '778', 'Vancouver', 'BC'),
  nanp('CA', '250', 'Victoria', 'BC'),
  nanp('CA', '403', 'Calgary', 'AB'),
  nanp('CA', '780', 'Edmonton', 'AB'),
  nanp('CA', '204', 'Winnipeg', 'MB'),
  nanp('CA', '306', 'Regina', 'SK'),
  nanp('CA', '902', 'Halifax', 'NS'),
  nanp('CA', '506', 'Moncton', 'NB'),
  nanp('CA', '709', "St. John's", 'NL'),
  // NANP toll-free prefixes are shared by the US and Canada: each country gets its own numbers.
  ...NANP_TOLL_FREE.map((code) => nanpTollFree('US', code, 1_000)),
  ...NANP_TOLL_FREE.map((code) => nanpTollFree('CA', code, 500)),

  // United Kingdom.
  geo('GB', '20', 'London', 1_000),
  geo('GB', '121', 'Birmingham', 600),
  geo('GB', '161', 'Manchester', 600),
  geo('GB', '113', 'Leeds', 600),
  geo('GB', '114', 'Sheffield', 600),
  geo('GB', '115', 'Nottingham', 600),
  geo('GB', '117', 'Bristol', 600),
  geo('GB', '151', 'Liverpool', 600),
  geo('GB', '131', 'Edinburgh', 600),
  geo('GB', '141', 'Glasgow', 600),
  geo('GB', '29', 'Cardiff', 600),
  geo('GB', '28', 'Belfast', 600),
  // Belgium.
  geo('BE', '2', 'Bruxelles / Brussel', 800),
  geo('BE', '3', 'Antwerpen', 600),
  geo('BE', '4', 'Liège', 600),
  geo('BE', '9', 'Gent', 600),
  geo('BE', '50', 'Brugge', 400),
  geo('BE', '71', 'Charleroi', 400),
  geo('BE', '81', 'Namur', 400),
  geo('BE', '16', 'Leuven', 400),
  geo('BE', '65', 'Mons', 400),
  // Switzerland.
  geo('CH', '22', 'Genève', 800),
  geo('CH', '21', 'Lausanne', 600),
  geo('CH', '44', 'Zürich', 800),
  geo('CH', '31', 'Bern', 600),
  geo('CH', '61', 'Basel', 600),
  geo('CH', '91', 'Lugano', 400),
  geo('CH', '41', 'Luzern', 400),
  geo('CH', '71', 'St. Gallen', 400),
  geo('CH', '26', 'Fribourg', 400),
  geo('CH', '27', 'Sion', 400),
];

/** Lower-case, accents and punctuation folded: "Île-de-France" and "ile de france" compare equal. */
export function foldName(value: string) {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function areasOf(country: CountryCode, type?: NumberType) {
  return AREAS.filter((a) => a.country === country && (!type || a.type === type));
}

/** Countries whose national format starts with the trunk prefix 0 (everything but NANP). */
export const hasTrunkZero = (country: CountryCode) => country !== 'US' && country !== 'CA';

/**
 * What the "area code or region" field means: digits are an area code (the trunk 0 may be
 * typed: "01", "0161"), anything else a region: a city, a zone, or a state or province
 * (code or name). Returns the matching area codes, or undefined when nothing matches.
 */
export function resolveArea(country: CountryCode, type: NumberType, text: string): string[] | undefined {
  const areas = areasOf(country, type);
  const value = text.trim();
  if (/^[0-9 ]+$/.test(value)) {
    let digits = value.replace(/ /g, '');
    if (hasTrunkZero(country) && digits.length > 1 && digits.startsWith('0')) digits = digits.slice(1);
    if (!hasTrunkZero(country) && digits.length === 4 && digits.startsWith('1')) digits = digits.slice(1);
    const found = areas.filter((a) => a.areaCode === digits).map((a) => a.areaCode);
    return found.length ? found : undefined;
  }
  const query = foldName(value);
  if (!query) return undefined;
  const states: Record<string, string> = country === 'US' ? US_STATES : country === 'CA' ? CA_PROVINCES : {};
  // Whole words from the start of one: "san" finds San Francisco and San Diego, "la" not Atlanta.
  const words = (s: string) => ` ${foldName(s)} `;
  const found = areas.filter((a) => {
    if (words(`${a.name} ${a.keywords ?? ''}`).includes(` ${query}`)) return true;
    return Boolean(a.state) && (foldName(a.state!) === query || foldName(states[a.state!] ?? '') === query);
  });
  return found.length ? [...new Set(found.map((a) => a.areaCode))] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Nearest area to an emergency address

/** ARCEP's five zones by département (first digits of the postal code; 20 is Corsica). */
const FR_ZONES: Record<string, readonly string[]> = {
  '1': ['75', '77', '78', '91', '92', '93', '94', '95'],
  '2': ['14', '18', '22', '27', '28', '29', '35', '36', '37', '41', '44', '45', '49', '50', '53', '56', '61', '72', '76', '85', '974', '976'],
  '3': ['02', '08', '10', '21', '25', '39', '51', '52', '54', '55', '57', '58', '59', '60', '62', '67', '68', '70', '71', '80', '88', '89', '90'],
  '4': ['01', '03', '04', '05', '06', '07', '11', '13', '15', '20', '26', '30', '34', '38', '42', '43', '48', '63', '66', '69', '73', '74', '83', '84'],
  '5': ['09', '12', '16', '17', '19', '23', '24', '31', '32', '33', '40', '46', '47', '64', '65', '79', '81', '82', '86', '87', '971', '972', '973'],
};
const FR_ZONE_OF = new Map(Object.entries(FR_ZONES).flatMap(([zone, depts]) => depts.map((d) => [d, zone] as const)));

/** The French zone ("1".."5") of a postal code, or undefined (Monaco, unknown). */
export function frenchZoneOf(postalCode: string | null | undefined): string | undefined {
  const code = (postalCode ?? '').replace(/\s/g, '');
  if (!/^\d{5}$/.test(code)) return undefined;
  return FR_ZONE_OF.get(code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2));
}

/**
 * The local area codes nearest to an address, best first: FR by département, US/CA by state
 * or province, GB/BE/CH by city name. Empty when the data does not say (any area will do).
 */
export function preferredAreaCodes(
  country: CountryCode,
  address: { postalCode?: string | null; region?: string | null; city?: string | null },
): string[] {
  const local = areasOf(country, 'local');
  if (country === 'FR') {
    const zone = frenchZoneOf(address.postalCode);
    return zone ? [zone] : [];
  }
  if (country === 'US' || country === 'CA') {
    const state = (address.region ?? '').trim().toUpperCase();
    return state ? local.filter((a) => a.state === state).map((a) => a.areaCode) : [];
  }
  const city = foldName(address.city ?? '');
  if (!city) return [];
  return local
    .filter((a) => foldName(a.name).split(' ').some((part) => part.length > 2 && city.split(' ').includes(part)))
    .map((a) => a.areaCode);
}
