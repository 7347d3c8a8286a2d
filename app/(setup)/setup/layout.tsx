import { SiteHeader } from '@/components/shell/site-header';
import { requireAdmin } from '@/lib/auth/session';

export default async function SetupLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
