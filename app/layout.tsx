import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { messagesFor } from '@/lib/i18n/client-messages';
import type { Messages } from '@/lib/i18n/messages';
import { connection } from 'next/server';
import { LazyToaster } from '@/components/ui/lazy-toaster';
import { StackedTableLabels } from '@/components/tables/stacked-labels';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: t('name'), description: t('tagline') };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request: the CSP nonce proxy.ts makes must reach Next's inline scripts.
  await connection();
  const locale = await getLocale();
  const t = await getTranslations('app');
  // Only the error boundary's messages: each route group and card layout sends its own.
  const messages = messagesFor('root', (await getMessages()) as Messages);
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:p-2"
        >
          {t('skipToContent')}
        </a>
        <NextIntlClientProvider messages={messages}>
          {children}
          {/* Sonner's own label is English; its Alt+T hotkey is real, so the label names it. */}
          <LazyToaster customAriaLabel={t('notifications')} />
          <StackedTableLabels />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
