import { ScopedMessages } from '@/components/i18n/scoped-messages';

/** Its own scope: the card's list page then sends none of this form's messages. */
export default function ImportLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="teamImport">{children}</ScopedMessages>;
}
