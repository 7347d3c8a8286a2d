import { ScopedMessages } from '@/components/i18n/scoped-messages';
import { SiteHeader } from '@/components/shell/site-header';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <ScopedMessages scope="auth">
      <SiteHeader />
      <main id="main" className="mx-auto max-w-lg px-4 py-10">
        {children}
      </main>
    </ScopedMessages>
  );
}
