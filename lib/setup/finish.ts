import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { companies, orders } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { defineAction, type ActionContext } from '@/lib/actions/run-action';
import { audit } from '@/lib/audit/log';
import { lockCompany } from '@/lib/licences/seats';
import { queueWelcomeEmails } from '@/lib/mail/welcome';
import { blockersOf, describeMissing, getMissing } from '@/lib/review/missing';
import { markVerified } from './cards';

export type FinishOptions = {
  /** Where links in e-mails point: APP_URL, or the request's own origin. */
  baseUrl: string;
  /** Injected clock for tests. */
  now?: () => Date;
};

export type FinishResult = { completedAt: string; ordersCompleted: number; emailsQueued: number };

/**
 * Finish setup, in one transaction under the company lock (the same row lock every team,
 * licence and extension change takes first, so a concurrent change or a second Finish waits
 * and then sees this one's result):
 * refuses while a blocker is left; completes the orders still pending; records when and by
 * whom setup was completed; verifies the Review card; queues a welcome e-mail for each user
 * who never got one. Finishing again only completes and sends what is new.
 */
export async function finishSetup({ tx, actor, t }: ActionContext, opts: FinishOptions): Promise<FinishResult> {
  const now = opts.now?.() ?? new Date();
  const company = await lockCompany(tx, actor.companyId);

  const blockers = blockersOf(await getMissing(company.id, tx));
  if (blockers.length > 0) {
    throw new ActionError('errors.setupBlocked', {
      params: { count: blockers.length, list: blockers.map((b) => describeMissing(b, t)).join(' · ') },
    });
  }

  const completed = await tx
    .update(orders)
    .set({ status: 'completed', completedAt: now })
    .where(and(eq(orders.companyId, company.id), eq(orders.status, 'pending')))
    .returning({ id: orders.id });
  await tx
    .update(companies)
    .set({ setupCompletedAt: now, setupCompletedBy: actor.id })
    .where(eq(companies.id, company.id));
  await markVerified(tx, actor, 'review');
  const queued = await queueWelcomeEmails(tx, company, { baseUrl: opts.baseUrl, now });

  await audit(tx, actor, {
    card: 'review',
    action: 'setup.finished',
    target: company.name,
    before: { setupCompletedAt: company.setupCompletedAt?.toISOString() ?? null },
    after: { setupCompletedAt: now.toISOString(), ordersCompleted: completed.length, welcomeEmails: queued.length },
  });
  return { completedAt: now.toISOString(), ordersCompleted: completed.length, emailsQueued: queued.length };
}

export const finishSchema = z.object({});

/** The action with its links' base URL and clock bound (the server action binds the request's). */
export function finishSetupAction(opts: FinishOptions) {
  return defineAction({ schema: finishSchema, handler: (_input, ctx) => finishSetup(ctx, opts) });
}

export const finishSetupDefault = finishSetupAction({ baseUrl: process.env.APP_URL ?? 'http://localhost:3000' });
