import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { messagesFor, type MessageScope } from '@/lib/i18n/client-messages';
import type { Messages } from '@/lib/i18n/messages';

/** The messages the client components under this layout translate with, and no others. */
export async function ScopedMessages({ scope, children }: { scope: MessageScope; children: React.ReactNode }) {
  const messages = messagesFor(scope, (await getMessages()) as Messages);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
