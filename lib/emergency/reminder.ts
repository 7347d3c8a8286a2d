import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { outbox, users, type Company } from '@/db/schema';
import { formatDate } from '@/lib/format/date';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { paragraphsOf, reminderDate, type NoticeCountry } from './notice';

export const REMINDER_KIND = 'emergency_notice_reminder';
const reminderKey = (ackId: string, userId: string) => `${REMINDER_KIND}:${ackId}:${userId}`;

type Ack = { id: string; version: string; userName: string; acknowledgedAt: Date };

/**
 * The yearly reminder of an acknowledged notice, queued now for a year later: the outbox's
 * next_attempt_at is its not-before date (lib/mail/deliver.ts sends only messages that are
 * due), so no scheduler is needed and any instance sends it. One per admin of the day, in their
 * language; reminders of an older version still waiting are dropped, the new one replaces them.
 */
export async function queueNoticeReminders(tx: Tx, company: Company, country: NoticeCountry, ack: Ack, baseUrl: string) {
  await tx
    .update(outbox)
    .set({ status: 'failed', lastError: 'not sent: a newer version of the notice was acknowledged' })
    .where(
      and(
        eq(outbox.companyId, company.id),
        eq(outbox.kind, REMINDER_KIND),
        eq(outbox.status, 'pending'),
      ),
    );
  const admins = await tx
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.companyId, company.id), eq(users.role, 'admin')))
    .orderBy(users.lastName, users.firstName, users.id);
  const due = reminderDate(ack.acknowledgedAt);
  const url = `${baseUrl.replace(/\/+$/, '')}/setup/company#emergency`;
  const rows = admins.map((admin) => {
    const locale: Locale = isLocale(admin.locale) ? admin.locale : isLocale(company.locale) ? company.locale : 'fr';
    const t = translator(locale);
    const body = [
      t('mail.welcome.greeting', { firstName: admin.firstName }),
      '',
      t('mail.emergencyReminder.intro', {
        date: formatDate(ack.acknowledgedAt, locale, company.timeZone),
        name: ack.userName,
        company: company.name,
        version: ack.version,
      }),
      '',
      t('mail.emergencyReminder.action'),
      url,
      '',
      t(`emergency.notice.${country}.title`),
      '',
      ...paragraphsOf(t(`emergency.notice.${country}.body`)).flatMap((p) => [p, '']),
      t('mail.signature', { company: company.name }),
    ].join('\n');
    return {
      companyId: company.id,
      userId: admin.id,
      kind: REMINDER_KIND,
      dedupeKey: reminderKey(ack.id, admin.id),
      toEmail: admin.email,
      subject: t('mail.emergencyReminder.subject', { company: company.name }),
      bodyText: body,
      nextAttemptAt: due,
      createdAt: ack.acknowledgedAt,
    };
  });
  if (rows.length === 0) return [];
  return tx
    .insert(outbox)
    .values(rows)
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id, toEmail: outbox.toEmail, nextAttemptAt: outbox.nextAttemptAt });
}
