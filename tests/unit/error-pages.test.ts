import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { ErrorPage } from '@/components/shell/error-page';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

// The 500 page renders inside the root layout's message provider: it speaks the user's language.
describe('the 500 page (app/error.tsx)', () => {
  for (const [locale, messages] of [['fr', fr], ['en', en]] as const) {
    it(`is in ${locale}, with a way to retry and a reference`, () => {
      const error = Object.assign(new Error('boom'), { digest: 'abc123' });
      const html = renderToString(
        createElement(
          NextIntlClientProvider,
          { locale, messages, timeZone: 'Europe/Paris' } as Parameters<typeof NextIntlClientProvider>[0],
          createElement(ErrorPage, { error, reset: () => {} }),
        ),
      );
      // React escapes ' in text.
      const text = (s: string) => s.replace(/'/g, '&#x27;');
      expect(html).toContain(text(messages.errorPage.title));
      expect(html).toContain(text(messages.errorPage.retry));
      expect(html).toContain(text(messages.errorPage.reference.replace('{digest}', 'abc123')));
      expect(html).not.toContain('boom');
    });
  }
});
