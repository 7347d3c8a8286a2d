import { and, desc, eq, sql } from 'drizzle-orm';
import { after } from 'next/server';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { db, type Db } from '@/db';
import { pageInfo } from '@/lib/format/pages';
import { outbox, users } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/define';
import { env } from '@/lib/env';
import { fullName, fullNameOrNull } from '@/lib/format/person';
import { queueActivationLink } from './welcome';
import { kickOutbox } from './worker';

export const OUTBOX_PAGE_SIZE = 20;

export type OutboxRow = {
  id: string;
  kind: string;
  toEmail: string;
  subject: string;
  bodyText: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** Not sent before this (a yearly reminder queued a year ahead); null when due at once. */
  notBefore: Date | null;
  userId: string | null;
  userName: string | null;
  /** The user may get a new activation link: they exist and have not set a password yet. */
  canResend: boolean;
};

/** One page of the company's outbox, newest first, with its total: one statement. */
export async function getOutboxPage(companyId: string, page = 1, exec: Db = db()) {
  const current = Math.max(1, Math.floor(page) || 1);
  const rows = await exec
    .select({
      id: outbox.id,
      kind: outbox.kind,
      toEmail: outbox.toEmail,
      subject: outbox.subject,
      bodyText: outbox.bodyText,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      nextAttemptAt: outbox.nextAttemptAt,
      userId: outbox.userId,
      firstName: users.firstName,
      lastName: users.lastName,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      total: sql<number>`count(*) over()`.mapWith(Number),
    })
    .from(outbox)
    .leftJoin(users, and(eq(users.id, outbox.userId), eq(users.companyId, outbox.companyId)))
    .where(eq(outbox.companyId, companyId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((current - 1) * OUTBOX_PAGE_SIZE);
  const total = rows[0]?.total ?? 0;
  return {
    ...pageInfo(current, total, OUTBOX_PAGE_SIZE),
    rows: rows.map(
      (r): OutboxRow => ({
        id: r.id,
        kind: r.kind,
        toEmail: r.toEmail,
        subject: r.subject,
        bodyText: r.bodyText,
        status: r.status,
        attempts: r.attempts,
        lastError: r.lastError,
        createdAt: r.createdAt,
        sentAt: r.sentAt,
        notBefore: r.status === 'pending' && r.attempts === 0 && r.nextAttemptAt > r.createdAt ? r.nextAttemptAt : null,
        userId: r.userId,
        userName: fullNameOrNull(r),
        canResend: r.firstName !== null && !r.hasPassword,
      }),
    ),
  };
}

export const resendSchema = z.object({ userId: z.uuid({ error: 'errors.notFound' }) });

/**
 * A new activation link for a user of the company who has not set a password yet (their link
 * expired or got lost). Older links stop working. Queued like every e-mail; in the Team history.
 */
export const resendActivation = defineAction({
  card: 'team',
  schema: resendSchema,
  async handler(input, ctx) {
    const { tx, company } = ctx;
    const [user] = await tx
      .select({
        id: users.id,
        firstName: users.firstName,
        lastName: users.lastName,
        email: users.email,
        locale: users.locale,
        passwordHash: users.passwordHash,
      })
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.companyId, company.id)));
    if (!user) throw new ActionError('errors.notFound');
    if (user.passwordHash) throw new ActionError('errors.alreadyActivated');
    const queued = await queueActivationLink(tx, company, user, { baseUrl: ctx.baseUrl, now: ctx.now() });
    await ctx.record({
      action: 'activation.resent',
      target: fullName(user),
      after: { email: user.email, expiresAt: queued.expiresAt.toISOString() },
    });
    return { outboxId: queued.outboxId };
  },
  afterCommit() {
    if (env.SMTP_URL) after(() => kickOutbox());
  },
});
