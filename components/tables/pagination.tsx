import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';

/** The page numbers shown around `page`: the first, the last and two neighbours; null is a gap. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const shown = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === 'number' && p - last === 2) out.push(last + 1);
    else if (typeof last === 'number' && p - last > 2) out.push(null);
    out.push(p);
  }
  return out;
}

/**
 * Server-side pages as plain links (they work before any script and keep the URL shareable):
 * previous, a window of page numbers with the current one marked `aria-current="page"`, next.
 * Links keep the other query parameters (the search and filters).
 */
export async function Pagination({
  path,
  page,
  pageCount,
  params = {},
  param = 'page',
  label,
}: {
  path: string;
  page: number;
  pageCount: number;
  params?: Record<string, string>;
  /** The query parameter, for a second list on the page (`devicesPage`). */
  param?: string;
  /** The navigation's name, unique on the page when there are two lists. */
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations('common');
  const href = (p: number) => `${path}?${new URLSearchParams({ ...params, [param]: String(p) })}`;
  return (
    <nav aria-label={label ?? t('pagination')} className="flex flex-wrap items-center justify-between gap-4">
      {page > 1 ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href(page - 1)} rel="prev">
            {t('previousPage')}
          </Link>
        </Button>
      ) : (
        <span />
      )}
      <ul className="flex flex-wrap items-center gap-1">
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden className="px-1 text-sm text-muted-foreground">
              …
            </li>
          ) : (
            <li key={p}>
              <Button asChild variant={p === page ? 'default' : 'ghost'} size="sm" className="min-w-9">
                <Link href={href(p)} aria-current={p === page ? 'page' : undefined} aria-label={t('goToPage', { page: p, pageCount })}>
                  {p}
                </Link>
              </Button>
            </li>
          ),
        )}
      </ul>
      <p className="text-sm">{t('pageOf', { page, pageCount })}</p>
      {page < pageCount ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href(page + 1)} rel="next">
            {t('nextPage')}
          </Link>
        </Button>
      ) : (
        <span />
      )}
    </nav>
  );
}
