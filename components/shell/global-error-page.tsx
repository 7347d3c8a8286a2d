'use client';

import { useEffect, useState } from 'react';
import { ErrorView } from '@/components/shell/error-view';
import { Button } from '@/components/ui/button';
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';

type Strings = Messages['errorPage'];

// Loaded only when this page shows: the root layout (and its message provider) is gone here.
const catalogs: Record<Locale, () => Promise<{ default: { errorPage: Strings } }>> = {
  fr: () => import('@/messages/fr.json'),
  en: () => import('@/messages/en.json'),
};

/** The same choice as the server's (lib/i18n/request.ts): the switcher's cookie, then the browser's languages. */
function browserLocale(): Locale {
  const prefix = `${LOCALE_COOKIE}=`;
  const chosen = document.cookie
    .split('; ')
    .find((c) => c.startsWith(prefix))
    ?.slice(prefix.length);
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(navigator.languages.join(','));
}

/** The root layout itself failed (app/global-error.tsx): the error page in the user's language, with its own document. */
export function GlobalErrorPage({
  error,
  reset,
  retry,
}: {
  error: Error & { digest?: string };
  reset: () => void;
  retry?: () => void;
}) {
  const [page, setPage] = useState<{ locale: Locale; t: Strings } | null>(null);
  useEffect(() => {
    const locale = browserLocale();
    void catalogs[locale]().then((m) => setPage({ locale, t: m.default.errorPage }));
  }, []);
  return (
    <html lang={page?.locale}>
      <body className="min-h-screen antialiased">
        {page && (
          <ErrorView
            title={page.t.title}
            body={page.t.body}
            reference={error.digest ? page.t.reference.replace('{digest}', error.digest) : undefined}
          >
            <Button type="button" onClick={retry ?? reset}>
              {page.t.retry}
            </Button>
            {/* A full page load on purpose: it leaves the state that failed behind. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="text-sm underline underline-offset-4">
              {page.t.home}
            </a>
          </ErrorView>
        )}
      </body>
    </html>
  );
}
