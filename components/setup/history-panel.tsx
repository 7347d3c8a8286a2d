import { getLocale, getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { currentActor } from '@/lib/auth/session';
import { loadHistory } from '@/lib/audit/history';
import { isLocale } from '@/lib/i18n/locales';
import type { SetupCard } from '@/lib/setup/cards';
import { HistoryEntries, HistoryList } from './history-list';

/**
 * A card's History: its audit entries newest first (who, when in the company's time zone,
 * what changed from what to what), in the user's language, ten per page (?historyPage=).
 */
export async function HistoryPanel({ card }: { card: SetupCard }) {
  const actor = await currentActor();
  if (!actor || actor.role !== 'admin') return null;
  const [t, tErrors, rawLocale] = await Promise.all([getTranslations('history'), getTranslations('errors'), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : 'fr';
  const view = await loadHistory(actor.companyId, card, 1, locale);
  return (
    <section id="history" aria-labelledby="history-title" className="grid gap-3 border-t pt-4">
      <h2 id="history-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <details>
        <summary className="cursor-pointer text-sm font-medium underline underline-offset-4">
          {t('show', { count: view.total })}
        </summary>
        <div className="mt-3">
          <Suspense fallback={<HistoryEntries view={view} />}>
            {/* A new language or a new entry (after a save) starts the list afresh. */}
            <HistoryList key={`${locale}:${view.total}:${view.entries[0]?.id ?? 0}`} initial={view} unexpected={tErrors('unexpected')} />
          </Suspense>
        </div>
      </details>
    </section>
  );
}
