import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChevronLeft } from 'lucide-react';
import { ResendButton } from '@/components/review/resend-button';
import { Pagination } from '@/components/setup/pagination';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { requireAdmin } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/date';
import { pageSearchSchema, type SearchParams } from '@/lib/format/pages';
import { isLocale } from '@/lib/i18n/locales';
import { getOutboxPage } from '@/lib/mail/outbox';
import { db } from '@/db';
import { first } from '@/db/rows';
import { companies } from '@/db/schema';
import { eq } from 'drizzle-orm';

const statusVariant = { pending: 'secondary', sent: 'success', failed: 'destructive' } as const;

/** The company's outgoing mail, bodies included: without SMTP this is where the links are. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin('/setup/outbox');
  const { page } = pageSearchSchema.parse(await searchParams);
  const [t, rawLocale, data, company] = await Promise.all([
    getTranslations('outbox'),
    getLocale(),
    getOutboxPage(actor.companyId, page),
    db().select({ timeZone: companies.timeZone }).from(companies).where(eq(companies.id, actor.companyId)).then(first),
  ]);
  const locale = isLocale(rawLocale) ? rawLocale : 'fr';
  const when = (d: Date) => formatDateTime(d, locale, company.timeZone);
  // One "new link" button per person, on their newest message.
  const seen = new Set<string>();
  const resendFor = (m: (typeof data.rows)[number]) => {
    if (!m.canResend || !m.userId || !m.userName || seen.has(m.userId)) return null;
    seen.add(m.userId);
    return <ResendButton userId={m.userId} name={m.userName} />;
  };
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('intro')}</p>
      </div>
      {data.rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ol className="grid gap-4" aria-label={t('title')}>
          {data.rows.map((m) => (
            <li key={m.id} data-outbox={m.toEmail} data-kind={m.kind} className="grid gap-2 rounded-lg border p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="font-semibold">{m.subject}</h2>
                <Badge variant={statusVariant[m.status]} data-status={m.status}>
                  {t(`statuses.${m.status}`)}
                </Badge>
              </div>
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-medium">{t('to')}</dt>
                <dd>{m.userName ? `${m.userName} <${m.toEmail}>` : m.toEmail}</dd>
                <dt className="font-medium">{t('queued')}</dt>
                <dd>{when(m.createdAt)}</dd>
                {m.notBefore && (
                  <>
                    <dt className="font-medium">{t('notBefore')}</dt>
                    <dd>{when(m.notBefore)}</dd>
                  </>
                )}
                {m.sentAt && (
                  <>
                    <dt className="font-medium">{t('sentAt')}</dt>
                    <dd>{when(m.sentAt)}</dd>
                  </>
                )}
                {m.attempts > 0 && m.status !== 'sent' && (
                  <>
                    <dt className="font-medium">{t('status')}</dt>
                    <dd>
                      {t('attempts', { count: m.attempts })}
                      {m.lastError ? ` · ${t('lastError', { error: m.lastError })}` : ''}
                    </dd>
                  </>
                )}
              </dl>
              <details>
                <summary className="cursor-pointer text-sm font-medium underline underline-offset-4">
                  {t('message', { to: m.toEmail })}
                </summary>
                <pre data-testid="outbox-body" className="mt-2 rounded-md bg-muted p-3 text-sm whitespace-pre-wrap break-words">
                  {m.bodyText}
                </pre>
              </details>
              {resendFor(m)}
            </li>
          ))}
        </ol>
      )}
      <Pagination path="/setup/outbox" page={data.page} pageCount={data.pageCount} />
      <nav className="flex flex-wrap gap-2 border-t pt-4" aria-label={t('backToSetup')}>
        <Button asChild variant="outline">
          <Link href="/setup/review">
            <ChevronLeft aria-hidden /> {t('backToReview')}
          </Link>
        </Button>
        <Button asChild variant="ghost">
          <Link href="/setup">{t('backToSetup')}</Link>
        </Button>
      </nav>
    </div>
  );
}
