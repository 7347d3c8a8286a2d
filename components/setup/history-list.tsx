'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { historyPageAction } from '@/lib/audit/bindings';
import { Button } from '@/components/ui/button';
import type { HistoryChange, HistoryView } from '@/lib/audit/history';

function ChangeText({ change }: { change: HistoryChange }) {
  const t = useTranslations('history');
  if (change.before !== null && change.after !== null) {
    return <>{t('changed', { field: change.label, before: change.before, after: change.after })}</>;
  }
  if (change.after !== null) return <>{t('set', { field: change.label, after: change.after })}</>;
  return <>{t('removed', { field: change.label, before: change.before ?? '' })}</>;
}

/** The entries of one page: what, on what, who, when, and each field from what to what. */
export function HistoryEntries({ view }: { view: HistoryView }) {
  const t = useTranslations('history');
  if (view.entries.length === 0) return <p className="text-sm">{t('empty')}</p>;
  return (
    <ol className="grid gap-3" data-history-page={view.page}>
      {view.entries.map((entry) => (
        <li key={entry.id} data-history-entry={entry.action} className="grid gap-1 rounded-md border p-3 text-sm">
          <p>
            <span className="font-medium">{entry.action}</span>
            {entry.target ? <span> · {entry.target}</span> : null}
          </p>
          <p className="text-muted-foreground">
            {entry.who} · <time dateTime={entry.at}>{entry.when}</time>
          </p>
          {entry.changes.length > 0 && (
            <ul className="grid gap-0.5">
              {entry.changes.map((change) => (
                <li key={change.field} className="break-words">
                  <ChangeText change={change} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * Paginated with ?historyPage= in the address (so Back works and a page can be linked): the
 * first page comes from the server render, later pages from historyPageAction.
 */
export function HistoryList({
  initial,
  unexpected,
}: {
  initial: HistoryView;
  /** Said when a page fails to load: translated by the server, so no page needs `errors` for it. */
  unexpected: string;
}) {
  const t = useTranslations();
  const params = useSearchParams();
  const pathname = usePathname();
  const requested = Math.max(1, Number(params.get('historyPage') ?? 1) || 1);
  const [view, setView] = useState(initial);
  const [failure, setFailure] = useState<{ page: number; message: string } | undefined>();
  const root = useRef<HTMLDivElement>(null);
  const failed = failure?.page === requested ? failure.message : undefined;
  const loading = requested !== view.page && !failed;

  // A link to a later page opens the panel it lives in.
  useEffect(() => {
    const details = root.current?.closest('details');
    if (details && requested > 1) details.open = true;
  }, [requested]);

  useEffect(() => {
    if (requested === view.page) return;
    let cancelled = false;
    historyPageAction({ card: initial.card, page: requested }).then(
      (result) => {
        if (cancelled) return;
        if (result.ok && result.data) setView(result.data);
        else setFailure({ page: requested, message: result.formError ?? unexpected });
      },
      () => !cancelled && setFailure({ page: requested, message: unexpected }),
    );
    return () => {
      cancelled = true;
    };
  }, [requested, view.page, initial.card, unexpected]);

  const href = (page: number) => {
    const next = new URLSearchParams(params.toString());
    if (page <= 1) next.delete('historyPage');
    else next.set('historyPage', String(page));
    const query = next.toString();
    return `${pathname}${query ? `?${query}` : ''}#history`;
  };

  return (
    <div ref={root} className="grid gap-3" aria-busy={loading}>
      {failed && (
        <p role="alert" className="text-sm text-destructive">
          {failed}
        </p>
      )}
      {loading ? <p role="status">{t('history.loading')}</p> : <HistoryEntries view={view} />}
      {view.pageCount > 1 && (
        <nav aria-label={t('common.pagination')} className="flex items-center justify-between gap-4">
          {view.page > 1 ? (
            <Button asChild variant="outline" size="sm">
              <Link href={href(view.page - 1)} scroll={false}>
                {t('common.previousPage')}
              </Link>
            </Button>
          ) : (
            <span />
          )}
          <p className="text-sm">{t('common.pageOf', { page: view.page, pageCount: view.pageCount })}</p>
          {view.page < view.pageCount ? (
            <Button asChild variant="outline" size="sm">
              <Link href={href(view.page + 1)} scroll={false}>
                {t('common.nextPage')}
              </Link>
            </Button>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
