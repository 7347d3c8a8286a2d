import type { ReactNode } from 'react';

/**
 * What the error and not-found pages show: a heading, a sentence, the ways out. Strings come
 * translated from the page (server or client), so this renders anywhere, even without the
 * root layout (global-error).
 */
export function ErrorView({
  title,
  body,
  reference,
  children,
}: {
  title: string;
  body: string;
  reference?: string;
  children?: ReactNode;
}) {
  return (
    <main id="main" className="mx-auto grid max-w-xl gap-4 p-6" data-error-page>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p>{body}</p>
      {children && <div className="flex flex-wrap items-center gap-3">{children}</div>}
      {reference && <p className="text-sm text-muted-foreground">{reference}</p>}
    </main>
  );
}
