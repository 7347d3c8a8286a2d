import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '@/db';
import { extensions, users, type Company } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import type { Translate } from '@/lib/i18n/messages';
import type { ExtensionType } from '@/db/schema';
import { COUNTRIES, type CountryCode } from '@/lib/countries/rules';
import { fullName } from '@/lib/format/person';

export type ExtensionLength = 3 | 4;

/**
 * A short code the country's callers dial without a prefix. `x` stands for any digit and only
 * ends a code, so `116xxx` is the range 116000-116999 (a prefix and a length). Emergency codes
 * go to the carrier as emergency calls (telephony/kamailio.cfg, `Priority: emergency`); the
 * others are service codes, sent with the location too but not as emergencies.
 */
export type ReservedCode = { code: string; emergency: boolean };

const emergency = (...codes: string[]) => codes.map((code) => ({ code, emergency: true }));
const service = (...codes: string[]) => codes.map((code) => ({ code, emergency: false }));
const NANP = [...emergency('911', '933'), ...service('988', '211', '311', '411', '511', '611', '711', '811')];

/**
 * Emergency and service short codes per country (SPEC.md "Extensions"), mirrored in
 * sip.short_codes (tests/integration/sip-short-codes.test.ts fails when they differ).
 * Decisions where the issue is silent: 933 (US/CA address readback test) is an emergency call
 * like 911; 988 is not (a crisis line: no emergency priority, and the Kari's Law notification
 * must not tell the company who called it). BE and CH reserve every short number starting
 * with 1 (3 and 4 digits, and the European 116xxx), so that each of them reaches the carrier;
 * CH 145 (poison) and 1414 (air rescue) are emergencies.
 */
export const RESERVED_CODES: Record<CountryCode, readonly ReservedCode[]> = {
  FR: [
    ...emergency('15', '17', '18', '112', '114', '115', '116000', '116117', '119', '191', '196', '197'),
    ...service('116xxx'),
  ],
  US: NANP,
  CA: NANP,
  GB: [...emergency('999', '112'), ...service('101', '105', '111', '116xxx')],
  BE: [...emergency('100', '101', '112'), ...service('1xx', '1xxx', '116xxx')],
  CH: [...emergency('112', '117', '118', '144', '145', '1414'), ...service('1xx', '1xxx', '116xxx')],
};

/**
 * Which code a collision names: an emergency code first, then the most specific one (most
 * fixed digits), then the one as long as the number (BE 4 digits: 1xxx rather than 1xx).
 */
const fixedDigits = (code: string) => code.replace(/x+$/, '').length;
const BY_RELEVANCE = new Map(
  COUNTRIES.map((country) => [
    country,
    [...RESERVED_CODES[country]].sort(
      (a, b) => Number(b.emergency) - Number(a.emergency) || fixedDigits(b.code) - fixedDigits(a.code),
    ),
  ]),
);

/**
 * Auto-assignment blocks for 3 digits; 4-digit companies use the same blocks times ten. Users
 * start at 200 where 1xx is reserved (BE, CH) or full of service codes (GB: 101, 105, 111,
 * 116xxx), as UK providers advise; 1xx numbers that are not reserved may still be typed there.
 */
const BLOCKS_3: Record<ExtensionType, [number, number]> = {
  user: [101, 499],
  ring_group: [500, 599],
  conference: [800, 899],
};
const USER_BLOCK_FROM_200: readonly CountryCode[] = ['GB', 'BE', 'CH'];

/** The type's block; without a country, the FR/US/CA one. */
export function block(type: ExtensionType, length: ExtensionLength, country?: CountryCode): [number, number] {
  const [from3, to] = BLOCKS_3[type];
  const from = type === 'user' && country && USER_BLOCK_FROM_200.includes(country) ? 200 : from3;
  return length === 3 ? [from, to] : [from * 10, to * 10 + 9];
}

/**
 * The code a number collides with: dialled digit by digit, an extension that starts with a
 * short code (or that a short code starts with) would never reach the extension, or worse,
 * would reach the emergency services.
 */
export function reservedCodeFor(number: string, country: CountryCode): ReservedCode | undefined {
  const matches = BY_RELEVANCE.get(country)!.filter(({ code }) => {
    const n = Math.min(code.length, number.length);
    for (let i = 0; i < n; i++) if (code[i] !== 'x' && code[i] !== number[i]) return false;
    return true;
  });
  const [best] = matches;
  const sameRank = (c: ReservedCode) => c.emergency === best?.emergency && fixedDigits(c.code) === fixedDigits(best.code);
  return matches.find((c) => sameRank(c) && c.code.length === number.length) ?? best;
}

export type NumberingProblem =
  | { key: 'errors.extensionDigits' }
  | { key: 'errors.extensionLength'; params: { length: number } }
  | { key: 'errors.extensionLeadingZero' }
  | { key: 'errors.extensionReserved' | 'errors.extensionReservedEmergency'; params: { code: string } };

/** Which numbers are allowed: everything but uniqueness, which the database enforces. */
export function checkExtensionNumber(
  number: string,
  rules: { length: ExtensionLength; country: CountryCode },
): NumberingProblem | undefined {
  if (!/^\d+$/.test(number)) return { key: 'errors.extensionDigits' };
  if (number.length !== rules.length) return { key: 'errors.extensionLength', params: { length: rules.length } };
  if (number.startsWith('0')) return { key: 'errors.extensionLeadingZero' };
  const reserved = reservedCodeFor(number, rules.country);
  if (reserved) {
    return { key: reserved.emergency ? 'errors.extensionReservedEmergency' : 'errors.extensionReserved', params: { code: reserved.code } };
  }
  return undefined;
}

/**
 * The leading digits a number of the company's length may not start with: each reserved code's
 * fixed digits, cut to that length (a shorter number is a prefix of the code). A number that
 * starts with none of them, has the length, only digits and no leading zero passes
 * checkExtensionNumber, so a query can leave the rest out before the check names the problem.
 */
export function reservedPrefixes(rules: { length: ExtensionLength; country: CountryCode }): string[] {
  return [...new Set(RESERVED_CODES[rules.country].map(({ code }) => code.slice(0, Math.min(fixedDigits(code), rules.length))))];
}

/** Which is next: the lowest allowed, unused number of the type's block, or undefined when full. */
export function nextFree(
  type: ExtensionType,
  rules: { length: ExtensionLength; country: CountryCode },
  used: Iterable<string>,
): string | undefined {
  const taken = new Set(used);
  const [from, to] = block(type, rules.length, rules.country);
  for (let n = from; n <= to; n++) {
    const candidate = String(n);
    if (!taken.has(candidate) && !checkExtensionNumber(candidate, rules)) return candidate;
  }
  return undefined;
}

/** The company's numbering rules, as the rules above take them. */
export function numberingRules(company: Pick<Company, 'extensionLength' | 'country'>) {
  return { length: company.extensionLength as ExtensionLength, country: company.country as CountryCode };
}

/**
 * Whether a number may be given: the company's numbering rules, then uniqueness with the
 * holder's name so the admin knows whom to renumber. The unique index still decides if two
 * requests race past this check. Throws an ActionError on the `extension` field.
 */
export async function assertExtensionAvailable(
  tx: Tx,
  t: Translate,
  company: Company,
  number: string,
  exceptExtensionId?: string,
) {
  const problem = checkExtensionNumber(number, numberingRules(company));
  if (problem) {
    throw new ActionError(problem.key, { field: 'extension', params: 'params' in problem ? problem.params : undefined });
  }
  const sameNumber = and(eq(extensions.companyId, company.id), eq(extensions.number, number));
  const [holder] = await tx
    .select({ type: extensions.type, name: extensions.name, firstName: users.firstName, lastName: users.lastName })
    .from(extensions)
    .leftJoin(users, eq(users.id, extensions.userId))
    .where(exceptExtensionId ? and(sameNumber, ne(extensions.id, exceptExtensionId)) : sameNumber);
  if (!holder) return;
  const name =
    holder.type === 'user' && holder.firstName
      ? fullName({ firstName: holder.firstName, lastName: holder.lastName! })
      : (holder.name ?? t(`team.extensionHolder.${holder.type}`));
  throw new ActionError('errors.extensionTaken', { field: 'extension', params: { number, name } });
}
