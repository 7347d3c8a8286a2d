import { ScopedMessages } from '@/components/i18n/scoped-messages';

export default function OutboxLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="outbox">{children}</ScopedMessages>;
}
