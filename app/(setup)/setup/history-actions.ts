'use server';

import { historyPage } from '@/lib/audit/history';
import { serve } from '@/lib/actions/serve';

/** Another page of a card's History panel. */
export async function historyPageAction(input: { card: string; page: number }) {
  return serve(historyPage, input);
}
