import { ScopedMessages } from '@/components/i18n/scoped-messages';

export default function NumbersLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="numbers">{children}</ScopedMessages>;
}
