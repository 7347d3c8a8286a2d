import { SiteHeader } from '@/components/shell/site-header';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-lg px-4 py-10">
        {children}
      </main>
    </>
  );
}
