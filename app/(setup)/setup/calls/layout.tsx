import { ScopedMessages } from '@/components/i18n/scoped-messages';

export default function CallsLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="calls">{children}</ScopedMessages>;
}
