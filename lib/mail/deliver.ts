import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { db } from '@/db';
import { outbox, type OutboxMessage } from '@/db/schema';
import { mailFrom, smtpTransport, type MailTransport } from './transport';

/** After this many failed attempts a message is marked failed and no longer retried. */
export const MAX_ATTEMPTS = 8;
/** How long a claimed message is reserved for the worker that claimed it. */
export const SENDING_LEASE_MS = 2 * 60 * 1000;
const FIRST_RETRY_MS = 60 * 1000;
const MAX_RETRY_MS = 6 * 60 * 60 * 1000;
const BATCH = 20;

/** 1 min, 5 min, 25 min, 125 min, then every 6 hours: the wait after the n-th failed attempt. */
export function retryDelayMs(attempts: number) {
  return Math.min(FIRST_RETRY_MS * 5 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number };

/**
 * Sends the outbox messages that are due. Each batch is claimed in one statement: the rows are
 * locked with FOR UPDATE SKIP LOCKED and their next attempt pushed past a sending lease, so
 * two server instances (or two overlapping runs) never pick the same message, and a message
 * is only claimed again if its worker died mid-send and the lease ran out. Marking it sent
 * right after the SMTP server accepted it is what keeps it from being sent twice.
 * PGlite runs the same SQL (it is PostgreSQL; with one connection SKIP LOCKED never skips).
 * Without a transport (no SMTP_URL) nothing is claimed: messages stay pending and readable
 * on /setup/outbox.
 */
export async function deliverOutbox(
  opts: { now?: Date; transport?: MailTransport; limit?: number } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  const transport = opts.transport ?? smtpTransport();
  if (!transport) return report;
  const now = opts.now ?? new Date();
  const limit = Math.max(1, opts.limit ?? BATCH);

  const due = db()
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db()
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + SENDING_LEASE_MS) })
    .where(and(inArray(outbox.id, due), eq(outbox.status, 'pending')))
    .returning();
  report.claimed = claimed.length;

  for (const message of claimed) {
    const outcome = await sendOne(transport, message);
    if (outcome.ok) {
      await db()
        .update(outbox)
        .set({ status: 'sent', sentAt: new Date(), lastError: null })
        .where(and(eq(outbox.id, message.id), eq(outbox.status, 'pending')));
      report.sent++;
      continue;
    }
    const giveUp = message.attempts >= MAX_ATTEMPTS;
    await db()
      .update(outbox)
      .set({
        status: giveUp ? 'failed' : 'pending',
        lastError: outcome.error.slice(0, 1000),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
      })
      .where(and(eq(outbox.id, message.id), eq(outbox.status, 'pending')));
    if (giveUp) report.failed++;
    else report.retrying++;
  }
  return report;
}

async function sendOne(transport: MailTransport, message: OutboxMessage): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await transport.sendMail({
      from: mailFrom(),
      to: message.toEmail,
      subject: message.subject,
      text: message.bodyText,
      // Stable per message: should a send ever be repeated, mail systems can tell it is the same one.
      messageId: `<${message.id}@switchboard.outbox>`,
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
