import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/**
 * "Test call": who has no registered phone yet, so the admin knows whose phone to set up before
 * trying a call. A hint, never a blocker: phones are often set up after the setup is finished.
 */
export async function TestCallHint({ withoutPhone }: { withoutPhone: { count: number; names: string[] } }) {
  const t = await getTranslations('review');
  const more = withoutPhone.count - withoutPhone.names.length;
  const names = more > 0 ? t('missing.namesAndMore', { names: withoutPhone.names.join(', '), more }) : withoutPhone.names.join(', ');
  return (
    <section aria-labelledby="test-call-title" className="grid gap-2 rounded-lg border p-4" data-testid="test-call">
      <h2 id="test-call-title" className="text-lg font-semibold">
        {t('testCall.title')}
      </h2>
      <p>{t('testCall.intro')}</p>
      {withoutPhone.count === 0 ? (
        <p data-without-phone="0">{t('testCall.everyoneRegistered')}</p>
      ) : (
        <p data-without-phone={withoutPhone.count}>
          {t('testCall.withoutPhone', { count: withoutPhone.count, names })}{' '}
          <Link href="/me" className="text-sm underline underline-offset-4">
            {t('testCall.howTo')}
          </Link>
        </p>
      )}
    </section>
  );
}
