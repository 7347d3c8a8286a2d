import { ScopedMessages } from '@/components/i18n/scoped-messages';

export default function LicencesLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="licences">{children}</ScopedMessages>;
}
