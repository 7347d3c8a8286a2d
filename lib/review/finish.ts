import { and, eq } from 'drizzle-orm';
import { after } from 'next/server';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { companies, orders } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/define';
import { env } from '@/lib/env';
import { queueWelcomeEmails } from '@/lib/mail/welcome';
import { kickOutbox } from '@/lib/mail/worker';
import { markVerified } from '@/lib/setup/cards';
import { blockersOf, describeMissing, getMissing } from './missing';

export type FinishResult = { completedAt: string; ordersCompleted: number; emailsQueued: number };

export const finishSchema = z.object({});

/**
 * Finish setup, in one transaction under the company lock (the same row lock every card action
 * takes first, so a concurrent change or a second Finish waits and then sees this one's result):
 * refuses while a blocker is left; completes the orders still pending; records when and by
 * whom setup was completed; verifies the Review card; queues a welcome e-mail for each user
 * who never got one. Finishing again only completes and sends what is new.
 */
export const finishSetup = defineAction({
  card: 'review',
  schema: finishSchema,
  async handler(_input, ctx): Promise<FinishResult> {
    const { tx, actor, company, t } = ctx;
    const now = ctx.now();
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
    const queued = await queueWelcomeEmails(tx, company, { baseUrl: ctx.baseUrl, now });

    await ctx.record({
      action: 'setup.finished',
      target: company.name,
      before: { setupCompletedAt: company.setupCompletedAt?.toISOString() ?? null },
      after: { setupCompletedAt: now.toISOString(), ordersCompleted: completed.length, welcomeEmails: queued.length },
    });
    return { completedAt: now.toISOString(), ordersCompleted: completed.length, emailsQueued: queued.length };
  },
  // The welcome e-mails go out right away when a mail server is configured, after the response.
  afterCommit(result) {
    if (result.emailsQueued && env.SMTP_URL) after(() => kickOutbox());
  },
});
