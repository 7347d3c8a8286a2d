import type { CountryCode } from '@/lib/countries/rules';

interface PostalRule {
  /** Tested against the upper-cased input with all whitespace removed. */
  pattern: RegExp;
  format: (compact: string) => string;
}

const same = (s: string) => s;
// CA and GB inward codes are always the last 3 characters, so the space can be re-inserted reliably.
const spaceBeforeLast3 = (s: string) => `${s.slice(0, -3)} ${s.slice(-3)}`;

const POSTAL_RULES: Record<CountryCode, PostalRule> = {
  // 00xxx and 99xxx are not allocated to addresses.
  FR: { pattern: /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/, format: same },
  US: {
    pattern: /^\d{5}(?:-?\d{4})?$/,
    format: (s) => (s.length === 5 ? s : `${s.slice(0, 5)}-${s.slice(-4)}`),
  },
  // Canada Post never uses D F I O Q U (too close to digits / each other), nor W Z in first position.
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/, format: spaceBeforeLast3 },
  // UK government bulk-data regex, adapted to space-less input.
  GB: {
    pattern: /^(?:GIR0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d[\dABEHMNPRV-Y]?|\d[A-HJKPS-UW])\d[ABD-HJLNP-UW-Z]{2})$/,
    format: spaceBeforeLast3,
  },
  BE: { pattern: /^[1-9]\d{3}$/, format: same },
  CH: { pattern: /^[1-9]\d{3}$/, format: same },
};

/** Shown as input placeholders; the error message itself stays country-neutral. */
export const POSTAL_CODE_EXAMPLES: Record<CountryCode, string> = {
  FR: '75008', US: '94105', CA: 'H2X 1Y4', GB: 'SW1A 1AA', BE: '1000', CH: '1201',
};

/** Canonical form of a postal code, or null if it is not valid for the country. */
export function normalizePostalCode(country: CountryCode, raw: string): string | null {
  const compact = raw.toUpperCase().replace(/\s+/g, '');
  const rule = POSTAL_RULES[country];
  return rule.pattern.test(compact) ? rule.format(compact) : null;
}

export function isValidPostalCode(country: CountryCode, raw: string): boolean {
  return normalizePostalCode(country, raw) !== null;
}

// Emergency services must be dispatched to a physical location, so mail-only addresses are refused.
// Plain "CP" is deliberately absent: in FR/CH it is as often "code postal" as "case postale".
const PO_BOX_PATTERNS: readonly RegExp[] = [
  /\bp\s*\.?\s*o\s*\.?\s*box\b/, // PO Box, P.O. Box, P O Box, POBox
  /\bpost\s+office\s+box\b/,
  /\bb\s*\.?\s*p\s*\.?\s*(?:n\s*[°o]\s*\.?\s*)?\d/, // BP 123, B.P. 12, BP n° 4 (a digit is required: "BP" alone is ambiguous)
  /\bboite\s+postale\b/,
  /\bcase\s+postale\b/,
  /\bcasella\s+postale\b/, // Swiss Italian
  /\bpostfach\b/,
];

export function isPoBox(street: string): boolean {
  // Strip accents so "Boîte" and "Boite" match the same pattern.
  const s = street.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  return PO_BOX_PATTERNS.some((re) => re.test(s));
}
