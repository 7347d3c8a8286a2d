import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/shell/site-header';
import { ErrorView } from '@/components/shell/error-view';

/** Any address that matches no page (and every notFound()), in the user's language. */
export default async function NotFound() {
  const t = await getTranslations('errorPage');
  return (
    <>
      <SiteHeader />
      <ErrorView title={t('notFoundTitle')} body={t('notFoundBody')}>
        <Link href="/" className="text-sm underline underline-offset-4">
          {t('home')}
        </Link>
      </ErrorView>
    </>
  );
}
