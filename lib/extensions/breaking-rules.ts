import { and, asc, eq, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db';
import { companies, extensions, users, type ExtensionType } from '@/db/schema';
import { fullNameOrNull } from '@/lib/format/person';
import { checkExtensionNumber, numberingRules, reservedPrefixes, type NumberingProblem } from './numbering';

/** An extension whose number the numbering rules no longer allow, and why (a message key). */
export type BreakingExtension = {
  id: string;
  number: string;
  type: ExtensionType;
  /** The user's full name for a user extension, the extension's own name otherwise. */
  name: string;
  problem: NumberingProblem;
};

/**
 * The company's extensions that break today's numbering rules: numbers given before a rule
 * existed (issue 14 reserved FR 191, US 988, GB 101, every BE and CH 1xx...). They are never
 * renumbered behind the admin's back, since people already dial them and phones are labelled
 * with them: the Extensions card lists them for renumbering and the Review blocks Finish.
 * The check is checkExtensionNumber itself, so this list and the forms never disagree; the
 * query only leaves out the numbers that cannot fail it (reservedPrefixes, mayBreak), so a
 * company of 5,000 reads the few candidates off an index, not every extension.
 */
/**
 * The extensions checkExtensionNumber may refuse, as ranges of extensions_company_order_idx: a
 * length other than the company's, or a number of its length starting with a reserved prefix
 * (for equal-length digit strings text order is number order). Digits without a leading zero
 * need no test: extensions_number_digits_check keeps every other number out of the table.
 */
function mayBreak(rules: ReturnType<typeof numberingRules>) {
  const n = extensions.number;
  const reserved = reservedPrefixes(rules).map(
    (p) => sql`(length(${n}) = ${rules.length} and ${n} between ${p.padEnd(rules.length, '0')} and ${p.padEnd(rules.length, '9')})`,
  );
  return sql`(length(${n}) < ${rules.length} or length(${n}) > ${rules.length} ${sql.join(
    reserved.map((r) => sql` or ${r}`),
  )})`;
}

export async function extensionsBreakingRules(companyId: string, exec: Db | Tx = db()): Promise<BreakingExtension[]> {
  const [company] = await exec
    .select({ extensionLength: companies.extensionLength, country: companies.country })
    .from(companies)
    .where(eq(companies.id, companyId));
  if (!company) return [];
  const rules = numberingRules(company);
  const rows = await exec
    .select({
      id: extensions.id,
      number: extensions.number,
      type: extensions.type,
      name: extensions.name,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(extensions)
    .leftJoin(users, and(eq(users.id, extensions.userId), eq(users.companyId, extensions.companyId)))
    .where(
      and(
        eq(extensions.companyId, companyId),
        mayBreak(rules),
      ),
    )
    .orderBy(sql`length(${extensions.number})`, asc(extensions.number));
  return rows.flatMap((row) => {
    const problem = checkExtensionNumber(row.number, rules);
    if (!problem) return [];
    const name = (row.type === 'user' ? fullNameOrNull(row) : null) ?? (row.name || row.number);
    return [{ id: row.id, number: row.number, type: row.type, name, problem }];
  });
}
