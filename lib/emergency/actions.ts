import { and, eq, sql } from 'drizzle-orm';
import { first } from '@/db/rows';
import { emergencyNoticeAcks, emergencyRecipients } from '@/db/schema';
import { defineAction } from '@/lib/actions/define';
import { ActionError } from '@/lib/actions/errors';
import { isLocale } from '@/lib/i18n/locales';
import { EMERGENCY_NOTICES, hasEmergencyNotice, MAX_EMERGENCY_RECIPIENTS } from './notice';
import { queueNoticeReminders } from './reminder';
import { acknowledgeNoticeSchema, addRecipientSchema, removeRecipientSchema } from './schema';

/**
 * Someone told when a phone of the company dials an emergency code (Kari's Law: required in the
 * US, allowed everywhere). Kamailio's record of the call queues their e-mail (migration 0013).
 */
export const addEmergencyRecipient = defineAction({
  card: 'company',
  schema: addRecipientSchema,
  async handler(input, ctx) {
    const { tx, company } = ctx;
    const { count } = first(
      await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(emergencyRecipients)
        .where(eq(emergencyRecipients.companyId, company.id)),
    );
    if (Number(count) >= MAX_EMERGENCY_RECIPIENTS) {
      throw new ActionError('errors.emergencyRecipientsMax', { field: 'email', params: { max: MAX_EMERGENCY_RECIPIENTS } });
    }
    // The unique index decides, so two admins adding the same address at once get one row.
    const [row] = await tx
      .insert(emergencyRecipients)
      .values({ companyId: company.id, email: input.email, createdAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ id: emergencyRecipients.id });
    if (!row) throw new ActionError('errors.emergencyRecipientTaken', { field: 'email' });
    await ctx.record({ action: 'emergency.recipientAdded', target: input.email, after: { email: input.email } });
    return { id: row.id };
  },
});

export const removeEmergencyRecipient = defineAction({
  card: 'company',
  schema: removeRecipientSchema,
  async handler(input, ctx) {
    const { tx, company } = ctx;
    const [row] = await tx
      .delete(emergencyRecipients)
      .where(and(eq(emergencyRecipients.id, input.id), eq(emergencyRecipients.companyId, company.id)))
      .returning({ email: emergencyRecipients.email });
    if (!row) throw new ActionError('errors.notFound');
    await ctx.record({ action: 'emergency.recipientRemoved', target: row.email, before: { email: row.email } });
    return { email: row.email };
  },
});

/**
 * "I have read and accept" the VoIP emergency limitations notice of the company's country, in
 * the language the admin read it in. Only the current version is accepted (a page left open on
 * an older text must be reloaded); accepting it again changes nothing and queues nothing.
 */
export const acknowledgeEmergencyNotice = defineAction({
  card: 'company',
  schema: acknowledgeNoticeSchema,
  async handler(input, ctx) {
    const { tx, company, actor } = ctx;
    if (!hasEmergencyNotice(company.country)) throw new ActionError('errors.emergencyNoticeNone');
    const { version } = EMERGENCY_NOTICES[company.country];
    if (input.version !== version) throw new ActionError('errors.emergencyNoticeOutdated');
    const now = ctx.now();
    const locale = isLocale(ctx.locale) ? ctx.locale : 'fr';
    const inserted = await tx
      .insert(emergencyNoticeAcks)
      .values({ companyId: company.id, userId: actor.id, userName: actor.name, locale, version, acknowledgedAt: now })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) {
      const existing = first(
        await tx
          .select()
          .from(emergencyNoticeAcks)
          .where(and(eq(emergencyNoticeAcks.companyId, company.id), eq(emergencyNoticeAcks.version, version))),
      );
      return { id: existing.id, version, acknowledgedAt: existing.acknowledgedAt.toISOString(), reminders: 0 };
    }
    const ack = inserted[0]!;
    const reminders = await queueNoticeReminders(tx, company, company.country, ack, ctx.baseUrl);
    await ctx.record({
      action: 'emergency.noticeAcknowledged',
      target: version,
      after: { version, locale, acknowledgedAt: now.toISOString(), reminderDue: reminders[0]?.nextAttemptAt.toISOString() ?? null },
    });
    return { id: ack.id, version, acknowledgedAt: now.toISOString(), reminders: reminders.length };
  },
});
