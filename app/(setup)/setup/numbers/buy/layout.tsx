import { ScopedMessages } from '@/components/i18n/scoped-messages';

/** Its own scope: the card's list page then sends none of this form's messages. */
export default function BuyNumbersLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="numbersBuy">{children}</ScopedMessages>;
}
