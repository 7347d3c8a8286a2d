import { getTranslations } from 'next-intl/server';
import type { EmergencyDuties, NoticeAcknowledgement } from '@/lib/emergency/duties';
import { paragraphsOf } from '@/lib/emergency/notice';
import { formatDateTime } from '@/lib/format/date';
import type { Locale } from '@/lib/i18n/locales';
import { AcceptNoticeButton, AddRecipientForm, RemoveRecipientButton } from './emergency-forms';

/**
 * The Company card's emergency section (issue 14): who is told of emergency calls (required in
 * the US) and, in CA, GB and CH, the VoIP emergency limitations notice to accept. Review's
 * blockers link here (#emergency).
 */
export async function EmergencySection(props: { duties: EmergencyDuties; locale: Locale; timeZone: string }) {
  const { duties, locale, timeZone } = props;
  const t = await getTranslations();
  const ackText = (key: 'emergency.notice.acknowledged' | 'emergency.notice.previous', a: NoticeAcknowledgement) =>
    t(key, {
      name: a.userName,
      date: formatDateTime(a.acknowledgedAt, locale, timeZone),
      language: t(`app.languageNames.${a.locale === 'en' ? 'en' : 'fr'}`),
      version: a.version,
    });
  const notice = duties.notice;
  const country = duties.country as 'CA' | 'GB' | 'CH';
  return (
    <section id="emergency" aria-labelledby="emergency-title" className="grid gap-6 rounded-lg border p-4" data-testid="emergency-section">
      <h2 id="emergency-title" className="text-lg font-semibold">
        {t('emergency.title')}
      </h2>
      {notice && (
        <section aria-labelledby="emergency-notice-title" className="grid gap-3" data-testid="emergency-notice" data-version={notice.version}>
          <h3 id="emergency-notice-title" className="font-semibold">
            {t(`emergency.notice.${country}.title`)}
          </h3>
          <div className="grid gap-2 text-sm">
            {paragraphsOf(t(`emergency.notice.${country}.body`)).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
          {notice.acknowledgement ? (
            <p role="status" data-testid="emergency-notice-acknowledged">
              {ackText('emergency.notice.acknowledged', notice.acknowledgement)}
            </p>
          ) : (
            <>
              {duties.previous && <p>{ackText('emergency.notice.previous', duties.previous)}</p>}
              <AcceptNoticeButton version={notice.version} />
            </>
          )}
        </section>
      )}
      <section aria-labelledby="emergency-recipients-title" className="grid gap-3" data-testid="emergency-recipients">
        <h3 id="emergency-recipients-title" className="font-semibold">
          {t('emergency.recipients.title')}
        </h3>
        <p className="text-sm text-muted-foreground">
          {duties.recipientsRequired ? t('emergency.recipients.hintRequired') : t('emergency.recipients.hintOptional')}
        </p>
        {duties.recipients.length === 0 ? (
          <p>{t('emergency.recipients.empty')}</p>
        ) : (
          <ul className="grid gap-2">
            {duties.recipients.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2">
                <span className="break-all">{r.email}</span>
                <RemoveRecipientButton id={r.id} email={r.email} />
              </li>
            ))}
          </ul>
        )}
        <AddRecipientForm />
      </section>
    </section>
  );
}
