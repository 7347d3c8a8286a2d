'use client';

import { useTranslations } from 'next-intl';
import { ErrorView } from '@/components/shell/error-view';
import { Button } from '@/components/ui/button';

/**
 * The 500 page (app/error.tsx): a page that failed to render, in the user's language: the root layout's
 * message provider is still there. `retry` re-renders the page on the server; the link is a
 * full reload on purpose, to leave whatever state caused the error behind.
 */
export function ErrorPage({
  error,
  reset,
  retry,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  retry?: () => void;
}) {
  const t = useTranslations('errorPage');
  return (
    <ErrorView title={t('title')} body={t('body')} reference={error.digest ? t('reference', { digest: error.digest }) : undefined}>
      <Button type="button" onClick={retry ?? reset}>
        {t('retry')}
      </Button>
      {/* A full page load on purpose: it leaves the state that failed behind. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/" className="text-sm underline underline-offset-4">
        {t('home')}
      </a>
    </ErrorView>
  );
}
