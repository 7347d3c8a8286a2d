import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { companies, type Company } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';

/**
 * Takes the company row's write lock for the rest of the transaction. Every card action takes
 * it first (the runner does, for actions that declare a card), so two admins' changes to one
 * company run one after the other and each sees what the other committed (seat count, admins
 * left, extension holders). NO KEY UPDATE rather than UPDATE: it still excludes other lockers,
 * but does not block the foreign-key checks of unrelated inserts (audit entries) on the company.
 */
export async function lockCompany(tx: Tx, companyId: string): Promise<Company> {
  const [company] = await tx.select().from(companies).where(eq(companies.id, companyId)).for('no key update');
  if (!company) throw new ActionError('errors.notFound');
  return company;
}
