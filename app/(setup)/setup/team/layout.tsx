import { ScopedMessages } from '@/components/i18n/scoped-messages';

export default function TeamLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="team">{children}</ScopedMessages>;
}
