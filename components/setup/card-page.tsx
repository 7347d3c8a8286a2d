import Link from 'next/link';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { CARD_PATHS, neighbours, SETUP_CARDS, type CardStatus, type SetupCard } from '@/lib/setup/cards';
import { HistoryPanel } from './history-panel';
import { StatusBadge } from './status-badge';
import { WizardSteps } from './wizard-steps';

/** The frame of every card page: steps, title, status, content, Back / Next. */
export async function CardPage({
  card,
  progress,
  actions,
  children,
}: {
  card: SetupCard;
  progress: Record<SetupCard, CardStatus>;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = await getTranslations();
  const { previous, next } = neighbours(card);
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <WizardSteps current={card} progress={progress} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-muted-foreground">
            {t('setup.stepOf', { step: SETUP_CARDS.indexOf(card) + 1, total: SETUP_CARDS.length })}
          </p>
          <h1 className="flex items-center gap-3 text-2xl font-semibold">
            {t(`setup.cards.${card}.title`)} <StatusBadge status={progress[card]} />
          </h1>
          <p className="mt-1 text-muted-foreground">{t(`setup.cards.${card}.description`)}</p>
        </div>
        {actions}
      </div>
      {children}
      <nav aria-label={t('setup.wizard')} className="flex justify-between border-t pt-4">
        {previous ? (
          <Button asChild variant="outline">
            <Link href={CARD_PATHS[previous]}>
              <ChevronLeft aria-hidden /> {t('common.back')}
            </Link>
          </Button>
        ) : (
          <Button asChild variant="outline">
            <Link href="/setup">
              <ChevronLeft aria-hidden /> {t('common.back')}
            </Link>
          </Button>
        )}
        {next && (
          <Button asChild>
            <Link href={CARD_PATHS[next]}>
              {t('common.next')} <ChevronRight aria-hidden />
            </Link>
          </Button>
        )}
      </nav>
      <HistoryPanel card={card} />
    </div>
  );
}
