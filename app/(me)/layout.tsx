import { ScopedMessages } from '@/components/i18n/scoped-messages';
import { SiteHeader } from '@/components/shell/site-header';

export default function MeLayout({ children }: { children: React.ReactNode }) {
  return (
    <ScopedMessages scope="me">
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
    </ScopedMessages>
  );
}
