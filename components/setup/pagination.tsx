import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';

/** Server-side pages: links keep the other query parameters (the search). */
export async function Pagination({
  path,
  page,
  pageCount,
  params = {},
}: {
  path: string;
  page: number;
  pageCount: number;
  params?: Record<string, string>;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations('common');
  const href = (p: number) => `${path}?${new URLSearchParams({ ...params, page: String(p) })}`;
  return (
    <nav aria-label={t('pagination')} className="flex items-center justify-between gap-4">
      {page > 1 ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href(page - 1)}>{t('previousPage')}</Link>
        </Button>
      ) : (
        <span />
      )}
      <p className="text-sm">{t('pageOf', { page, pageCount })}</p>
      {page < pageCount ? (
        <Button asChild variant="outline" size="sm">
          <Link href={href(page + 1)}>{t('nextPage')}</Link>
        </Button>
      ) : (
        <span />
      )}
    </nav>
  );
}
