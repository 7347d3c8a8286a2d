import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import type { ActionDef } from '@/lib/actions/define';
import type { ActionState } from '@/lib/actions/state';
import { auth } from '@/lib/auth';
import { requestLocale } from '@/lib/i18n/request';
import { translator } from '@/lib/i18n/messages';
import { headers } from 'next/headers';
import { clientAddress } from '@/lib/request-info';
import { requestBaseUrl } from './base-url';
import { errorState, runAction } from './run-action';

/**
 * Binds an action definition to the request: its session, its language, its origin. `input` is
 * what the binding made of its argument (runAction refuses anything but a plain object). A card
 * action that succeeded refreshes the /setup pages (statuses, lists, the card's own routes);
 * `afterCommit` runs once the change is committed.
 */
export async function serve<S extends z.ZodType, R>(def: ActionDef<S, R>, input: unknown): Promise<ActionState<R>> {
  const locale = await requestLocale();
  const session = await auth();
  const result = await runAction(def, {
    userId: session?.user?.id,
    sessionId: session?.sessionId ?? null,
    clientAddress: clientAddress(await headers()),
    locale,
    input,
    baseUrl: await requestBaseUrl(),
  });
  if (!result.ok) return result;
  if (def.card) revalidatePath('/setup', 'layout');
  if (def.afterCommit) {
    try {
      await def.afterCommit(result.data, def.schema.parse(input));
    } catch (error) {
      return errorState(error, translator(locale));
    }
  }
  return result;
}
