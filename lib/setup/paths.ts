import { SETUP_CARDS } from '@/db/enums';
import type { SetupCard } from '@/db/schema';

// Client-safe (no database): the buttons that move the admin on to the next card read it too.

/** Card order is the wizard order. */
export const CARD_PATHS: Record<SetupCard, string> = {
  company: '/setup/company',
  team: '/setup/team',
  licences: '/setup/licences',
  extensions: '/setup/extensions',
  numbers: '/setup/numbers',
  calls: '/setup/calls',
  review: '/setup/review',
};

export function neighbours(card: SetupCard) {
  const i = SETUP_CARDS.indexOf(card);
  return { previous: SETUP_CARDS[i - 1], next: SETUP_CARDS[i + 1] };
}

/** Where "Save and continue" / "Done" go once the card is verified: the next card, or Review. */
export function nextCardPath(card: SetupCard): string {
  return CARD_PATHS[neighbours(card).next ?? 'review'];
}
