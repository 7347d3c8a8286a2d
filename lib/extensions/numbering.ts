import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '@/db';
import { extensions, users, type Company } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import type { Translate } from '@/lib/i18n/messages';
import type { ExtensionType } from '@/db/schema';
import type { CountryCode } from '@/lib/countries/rules';
import { fullName } from '@/lib/format/person';

export type ExtensionLength = 3 | 4;

/** Emergency and service short codes per country; `x` stands for any digit (FR 116xxx). */
export const RESERVED_CODES: Record<CountryCode, readonly string[]> = {
  FR: ['112', '15', '17', '18', '114', '115', '119', '116xxx'],
  US: ['911', '933', '211', '311', '411', '511', '611', '711', '811'],
  CA: ['911', '933', '211', '311', '411', '511', '611', '711', '811'],
  GB: ['999', '112'],
  BE: ['112', '100', '101'],
  CH: ['112', '117', '118', '144'],
};

/** Auto-assignment blocks for 3 digits; 4-digit companies use the same blocks times ten. */
const BLOCKS_3: Record<ExtensionType, [number, number]> = {
  user: [101, 499],
  ring_group: [500, 599],
  conference: [800, 899],
};

export function block(type: ExtensionType, length: ExtensionLength): [number, number] {
  const [from, to] = BLOCKS_3[type];
  return length === 3 ? [from, to] : [from * 10, to * 10 + 9];
}

/**
 * The code a number collides with: dialled digit by digit, an extension that starts with a
 * short code (or that a short code starts with) would never reach the extension, or worse,
 * would reach the emergency services.
 */
export function reservedCodeFor(number: string, country: CountryCode): string | undefined {
  return RESERVED_CODES[country].find((code) => {
    const n = Math.min(code.length, number.length);
    for (let i = 0; i < n; i++) if (code[i] !== 'x' && code[i] !== number[i]) return false;
    return true;
  });
}

export type NumberingProblem =
  | { key: 'errors.extensionDigits' }
  | { key: 'errors.extensionLength'; params: { length: number } }
  | { key: 'errors.extensionLeadingZero' }
  | { key: 'errors.extensionReserved'; params: { code: string } };

/** Which numbers are allowed: everything but uniqueness, which the database enforces. */
export function checkExtensionNumber(
  number: string,
  rules: { length: ExtensionLength; country: CountryCode },
): NumberingProblem | undefined {
  if (!/^\d+$/.test(number)) return { key: 'errors.extensionDigits' };
  if (number.length !== rules.length) return { key: 'errors.extensionLength', params: { length: rules.length } };
  if (number.startsWith('0')) return { key: 'errors.extensionLeadingZero' };
  const code = reservedCodeFor(number, rules.country);
  if (code) return { key: 'errors.extensionReserved', params: { code: code.replace(/x/g, '') } };
  return undefined;
}

/** Which is next: the lowest allowed, unused number of the type's block, or undefined when full. */
export function nextFree(
  type: ExtensionType,
  rules: { length: ExtensionLength; country: CountryCode },
  used: Iterable<string>,
): string | undefined {
  const taken = new Set(used);
  const [from, to] = block(type, rules.length);
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
