import { ScopedMessages } from '@/components/i18n/scoped-messages';

export default function CompanyLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="company">{children}</ScopedMessages>;
}
