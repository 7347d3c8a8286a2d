import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { outbox } from '@/db/schema';
import { runAction } from '@/lib/runner/run-action';
import { lookUpActivation } from '@/lib/auth/activation';
import { deliverOutbox, MAX_ATTEMPTS, retryDelayMs, SENDING_LEASE_MS } from '@/lib/mail/deliver';
import { smtpTransport, type MailTransport } from '@/lib/mail/transport';
import { finishSetup } from '@/lib/review/finish';
import { useTestDatabase } from '../helpers/db';
import { activationLinkIn, outboxOf, readyCompany } from '../helpers/review';
import { startSmtpServer } from '../helpers/smtp';
import { addMemberWithExtension } from '../helpers/team';

useTestDatabase();

const MIN = 60_000;
let clock = new Date('2026-03-02T09:30:00Z').getTime();
/** Each test gets its own stretch of time, so earlier tests' messages are never due again. */
function nextEpoch() {
  clock += 30 * 24 * 60 * MIN;
  return clock;
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let transport: MailTransport;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  smtp = await startSmtpServer();
  transport = smtpTransport(smtp.url)!;
});
afterAll(() => smtp.close());
beforeEach(async () => {
  // Nothing from an earlier test is left pending.
  await db().update(outbox).set({ status: 'sent' }).where(eq(outbox.status, 'pending'));
});

/** A finished company with Marc (no password yet): two welcome e-mails queued at `now`. */
async function finishedCompany(now: Date) {
  const { company, admin } = await readyCompany({ companyName: 'Mail SARL' });
  const { user: marc } = await addMemberWithExtension(company.id, '102', {
    firstName: 'Marc',
    lastName: 'Member',
    email: `marc-${company.id}@example.com`,
    locale: 'en',
  });
  const done = await runAction(finishSetup, {
    userId: admin.id,
    locale: 'en',
    input: {},
    baseUrl: 'http://localhost:3000',
    now: () => now,
  });
  expect(done.ok).toBe(true);
  return { company, admin, marc };
}

const receivedBy = (email: string) => smtp.received.filter((m) => m.to.includes(email));

describe('retryDelayMs', () => {
  it('backs off 1, 5, 25, 125 minutes, then every 6 hours', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n) / MIN)).toEqual([1, 5, 25, 125, 360, 360, 360]);
  });
});

describe('deliverOutbox', () => {
  it('without SMTP (no transport) nothing is claimed: the mail stays pending for /setup/outbox', async () => {
    const now = new Date(nextEpoch());
    const { company } = await finishedCompany(now);
    expect(await deliverOutbox({ now: new Date(now.getTime() + MIN) })).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
    expect((await outboxOf(company.id)).map((m) => [m.status, m.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
  });

  it('sends each due message through SMTP exactly once, with its activation link', async () => {
    const now = new Date(nextEpoch());
    const { company, marc } = await finishedCompany(now);
    const report = await deliverOutbox({ now: new Date(now.getTime() + 1000), transport });
    expect(report).toEqual({ claimed: 2, sent: 2, retrying: 0, failed: 0 });

    const [message] = receivedBy(marc.email);
    expect(receivedBy(marc.email)).toHaveLength(1);
    const queued = (await outboxOf(company.id)).find((m) => m.userId === marc.id)!;
    expect(message.subject).toBe('Your phone line at Mail SARL');
    expect(message.text).toBe(queued.bodyText);
    expect(message.messageId).toBe(`<${queued.id}@switchboard.outbox>`);
    const token = activationLinkIn(message.text)![1];
    expect((await lookUpActivation(token, now)).state).toBe('valid');

    expect((await outboxOf(company.id)).map((m) => [m.status, m.attempts, m.lastError])).toEqual([
      ['sent', 1, null],
      ['sent', 1, null],
    ]);
    // A second run finds nothing to send.
    expect(await deliverOutbox({ now: new Date(now.getTime() + 10 * MIN), transport })).toMatchObject({ claimed: 0 });
    expect(receivedBy(marc.email)).toHaveLength(1);
  });

  it('retries after the server refused once (451), with backoff, and the message arrives once', async () => {
    const now = new Date(nextEpoch());
    const { company, admin, marc } = await finishedCompany(now);
    smtp.refuse(1);
    const first = await deliverOutbox({ now, transport });
    expect(first).toEqual({ claimed: 2, sent: 1, retrying: 1, failed: 0 });

    const [refused] = (await outboxOf(company.id)).filter((m) => m.status === 'pending');
    expect(refused.attempts).toBe(1);
    expect(refused.lastError).toMatch(/451|try again/i);
    expect(refused.nextAttemptAt.getTime()).toBe(now.getTime() + MIN);

    // Not due yet: nothing happens.
    expect(await deliverOutbox({ now: new Date(now.getTime() + MIN - 1), transport })).toMatchObject({ claimed: 0 });
    // Due: sent.
    expect(await deliverOutbox({ now: new Date(now.getTime() + MIN), transport })).toEqual({
      claimed: 1,
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(receivedBy(marc.email)).toHaveLength(1);
    expect(receivedBy(admin.email)).toHaveLength(1);
    const after = (await outboxOf(company.id)).find((m) => m.id === refused.id)!;
    expect(after).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(activationLinkIn(receivedBy(marc.email)[0].text)).not.toBeNull();
  });

  it(`gives up after ${MAX_ATTEMPTS} failed attempts and marks the message failed`, async () => {
    let now = nextEpoch();
    const { company } = await finishedCompany(new Date(now));
    const broken: MailTransport = {
      sendMail: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1');
      },
    };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const report = await deliverOutbox({ now: new Date(now), transport: broken });
      expect(report.claimed).toBe(2);
      expect(report.failed).toBe(attempt === MAX_ATTEMPTS ? 2 : 0);
      now += retryDelayMs(attempt);
    }
    expect((await outboxOf(company.id)).map((m) => [m.status, m.attempts, m.lastError])).toEqual([
      ['failed', MAX_ATTEMPTS, 'connect ECONNREFUSED 127.0.0.1:1'],
      ['failed', MAX_ATTEMPTS, 'connect ECONNREFUSED 127.0.0.1:1'],
    ]);
    expect(await deliverOutbox({ now: new Date(now + 365 * 24 * 60 * MIN), transport: broken })).toMatchObject({ claimed: 0 });
  });

  it('overlapping runs never claim the same message: the claim leases it', async () => {
    const now = new Date(nextEpoch());
    const { company } = await finishedCompany(now);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const slow: MailTransport = {
      async sendMail(message) {
        await gate;
        sent.push(String(message.to));
      },
    };
    const running = deliverOutbox({ now, transport: slow });
    // Wait until the first run has claimed (its lease is in the table), then start another.
    await expect
      .poll(async () => (await outboxOf(company.id)).every((m) => m.attempts === 1), { timeout: 5000 })
      .toBe(true);
    expect(await deliverOutbox({ now, transport: slow })).toMatchObject({ claimed: 0 });
    // Even long after, while the lease lasts, nobody else takes them.
    expect(await deliverOutbox({ now: new Date(now.getTime() + SENDING_LEASE_MS - 1), transport: slow })).toMatchObject({
      claimed: 0,
    });
    release();
    expect(await running).toMatchObject({ claimed: 2, sent: 2 });
    expect(sent).toHaveLength(2);
  });

  it('two delivery runs at once over SMTP: every message arrives once', async () => {
    const now = new Date(nextEpoch());
    const companies = await Promise.all([finishedCompany(now), finishedCompany(now), finishedCompany(now)]);
    const reports = await Promise.all([
      deliverOutbox({ now, transport, limit: 4 }),
      deliverOutbox({ now, transport, limit: 4 }),
      deliverOutbox({ now, transport, limit: 4 }),
    ]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(6);
    for (const { admin, marc } of companies) {
      expect(receivedBy(marc.email)).toHaveLength(1);
      expect(receivedBy(admin.email)).toHaveLength(1);
    }
  });
});
