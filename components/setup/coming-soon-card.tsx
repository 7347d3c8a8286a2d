import { getTranslations } from 'next-intl/server';
import { requireAdmin } from '@/lib/auth/session';
import { CARD_PATHS, getSetupProgress, type SetupCard } from '@/lib/setup/cards';
import { CardPage } from './card-page';

/** A gated card page whose content lands with its own issue. */
export async function ComingSoonCard({ card }: { card: SetupCard }) {
  const actor = await requireAdmin(CARD_PATHS[card]);
  const [t, progress] = await Promise.all([getTranslations('common'), getSetupProgress(actor.companyId)]);
  return (
    <CardPage card={card} progress={progress}>
      <p>{t('comingSoon')}</p>
    </CardPage>
  );
}
