import Link from 'next/link';
import { Check } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/lib/utils';
import { CARD_PATHS, SETUP_CARDS, type CardStatus, type SetupCard } from '@/lib/setup/cards';

/** The progress indicator: every card, its status, the current one marked for screen readers. */
export async function WizardSteps({ current, progress }: { current: SetupCard; progress: Record<SetupCard, CardStatus> }) {
  const t = await getTranslations('setup');
  return (
    <nav aria-label={t('progressLabel')}>
      <ol className="flex flex-wrap gap-2 text-sm">
        {SETUP_CARDS.map((card, i) => (
          <li key={card}>
            <Link
              href={CARD_PATHS[card]}
              aria-current={card === current ? 'step' : undefined}
              className={cn(
                'inline-flex items-center gap-1 rounded-full border px-3 py-1',
                card === current ? 'border-primary bg-primary text-primary-foreground' : 'hover:bg-muted',
              )}
            >
              {progress[card] === 'verified' ? <Check aria-hidden className="size-4" /> : <span aria-hidden>{i + 1}.</span>}
              {t(`cards.${card}.title`)}
              <span className="sr-only">({t(`status.${progress[card]}`)})</span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
