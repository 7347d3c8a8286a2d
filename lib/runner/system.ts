import type { Tx } from '@/db';
import type { SetupCard } from '@/db/schema';
import type { AuditEntry, CardWriter } from '@/lib/actions/define';
import { writeAudit } from '@/lib/audit/log';
import { lockCompany } from '@/lib/company/lock';
import { backfillDirectNumbers, extensionsWithoutNumber } from '@/lib/numbers/direct';

/**
 * A card writer for changes nobody clicked (start-up catch-up, scripts): the company locked like
 * a card action, history entries in the system's name.
 */
export async function systemWriter(tx: Tx, companyId: string, card: SetupCard = 'numbers'): Promise<CardWriter> {
  const company = await lockCompany(tx, companyId);
  const record = async (entry: AuditEntry | AuditEntry[]) =>
    writeAudit(tx, { companyId, actor: null, card }, Array.isArray(entry) ? entry : [entry]);
  return { tx, company, record, now: () => new Date() };
}

/**
 * Office users and bridges of every company that have no direct number get one, as the system
 * (`npm run db:seed-numbers`, which `npm start` runs): for data created before numbers existed
 * or while the inventory was empty. Leaves them without when the inventory runs out.
 */
export async function backfillAllDirectNumbers(tx: Tx) {
  const companyIds = new Set((await extensionsWithoutNumber(tx)).map((w) => w.companyId));
  const total = { companies: companyIds.size, assigned: 0, missing: 0 };
  for (const companyId of companyIds) {
    const done = await backfillDirectNumbers(await systemWriter(tx, companyId), { optional: true });
    total.assigned += done.assigned;
    total.missing += done.missing;
  }
  return total;
}
