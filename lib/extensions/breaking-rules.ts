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
 * query only leaves out the numbers that cannot fail it (reservedPrefixes), so a company of
 * 5,000 sends the few candidates, not every extension.
 */
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
        sql`(${extensions.number} !~ '^[1-9][0-9]*$' or length(${extensions.number}) <> ${rules.length}
          or ${extensions.number} like any(${`{${reservedPrefixes(rules).map((p) => `${p}%`).join(',')}}`}::text[]))`,
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
