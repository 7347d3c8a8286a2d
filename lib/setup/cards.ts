import { and, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { companies, SETUP_CARDS, setupProgress, users, type CardStatus, type SetupCard } from '@/db/schema';
import type { Actor } from '@/lib/actions/define';
import { writeAudit } from '@/lib/audit/log';
import { fullNameOrNull } from '@/lib/format/person';

export { SETUP_CARDS, type SetupCard, type CardStatus };
export { CARD_PATHS, neighbours, nextCardPath } from './paths';

export async function getSetupProgress(companyId: string): Promise<Record<SetupCard, CardStatus>> {
  const rows = await db().select().from(setupProgress).where(eq(setupProgress.companyId, companyId));
  const status = Object.fromEntries(SETUP_CARDS.map((c) => [c, 'not_started'])) as Record<SetupCard, CardStatus>;
  for (const row of rows) status[row.card] = row.status;
  return status;
}

/**
 * A saved change makes a card "in progress" unless it is already verified. Once setup is
 * complete, a change to any other card also puts the Review card back to "in progress": the
 * cost or what is missing may have changed, and Finish setup sends what is new.
 */
export async function markInProgress(tx: Tx, companyId: string, card: SetupCard) {
  await tx
    .insert(setupProgress)
    .values({ companyId, card, status: 'in_progress' })
    .onConflictDoUpdate({
      target: [setupProgress.companyId, setupProgress.card],
      set: { updatedAt: sql`now()` },
    });
  if (card === 'review') return;
  await tx
    .update(setupProgress)
    .set({ status: 'in_progress', updatedAt: sql`now()` })
    .where(
      and(
        eq(setupProgress.companyId, companyId),
        eq(setupProgress.card, 'review'),
        eq(setupProgress.status, 'verified'),
        sql`exists (select 1 from companies where companies.id = ${companyId} and companies.setup_completed_at is not null)`,
      ),
    );
}

/** When setup was last finished, and by whom (null until the first Finish). */
export async function getSetupCompletion(companyId: string) {
  const [row] = await db()
    .select({ completedAt: companies.setupCompletedAt, firstName: users.firstName, lastName: users.lastName, timeZone: companies.timeZone })
    .from(companies)
    .leftJoin(users, eq(users.id, companies.setupCompletedBy))
    .where(eq(companies.id, companyId));
  if (!row?.completedAt) return null;
  return {
    completedAt: row.completedAt,
    by: fullNameOrNull(row),
    timeZone: row.timeZone,
  };
}

export async function markVerified(tx: Tx, actor: Actor, card: SetupCard) {
  const [before] = await tx
    .select({ status: setupProgress.status })
    .from(setupProgress)
    .where(and(eq(setupProgress.companyId, actor.companyId), eq(setupProgress.card, card)));
  const values = { status: 'verified' as const, verifiedAt: new Date(), verifiedBy: actor.id, updatedAt: new Date() };
  await tx
    .insert(setupProgress)
    .values({ companyId: actor.companyId, card, ...values })
    .onConflictDoUpdate({ target: [setupProgress.companyId, setupProgress.card], set: values });
  await writeAudit(tx, { companyId: actor.companyId, actor, card }, [
    { action: 'card.verified', before: { status: before?.status ?? 'not_started' }, after: { status: 'verified' } },
  ]);
}
