import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/shell/site-header';

export default async function Forbidden() {
  const t = await getTranslations('auth');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl p-6">
        <h1 className="text-2xl font-semibold">{t('forbiddenTitle')}</h1>
        <p className="mt-4">{t('forbiddenBody')}</p>
        <p className="mt-4">
          <Link className="underline" href="/me">
            {t('forbiddenLink')}
          </Link>
        </p>
      </main>
    </>
  );
}
