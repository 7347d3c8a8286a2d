import { ScopedMessages } from '@/components/i18n/scoped-messages';

export default function ReviewLayout({ children }: { children: React.ReactNode }) {
  return <ScopedMessages scope="review">{children}</ScopedMessages>;
}
