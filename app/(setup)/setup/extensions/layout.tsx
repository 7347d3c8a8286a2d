import { ScopedMessages } from '@/components/i18n/scoped-messages';

export default function ExtensionsLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="extensions">{children}</ScopedMessages>;
}
