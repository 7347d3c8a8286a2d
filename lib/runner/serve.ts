import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import type { ActionDef } from '@/lib/actions/define';
import { formDataToObject, type ActionState } from '@/lib/actions/state';
import { auth } from '@/lib/auth';
import { requestLocale } from '@/lib/i18n/request';
import { translator } from '@/lib/i18n/messages';
import { requestBaseUrl } from './base-url';
import { errorState, runAction } from './run-action';

/** What a server action may be called with from a browser: a form, or a plain object. */
function inputOf(input: unknown): Record<string, unknown> | undefined {
  if (input instanceof FormData) return formDataToObject(input);
  if (input && typeof input === 'object' && !Array.isArray(input)) return input as Record<string, unknown>;
  if (input === undefined) return {};
  return undefined;
}

/**
 * Binds an action definition to the request: its session, its language, its origin. A card
 * action that succeeded refreshes the /setup pages (statuses, lists, the card's own routes);
 * `afterCommit` runs once the change is committed.
 */
export async function serve<S extends z.ZodType, R>(def: ActionDef<S, R>, raw: unknown): Promise<ActionState<R>> {
  const locale = await requestLocale();
  const input = inputOf(raw);
  if (!input) return { formError: translator(locale)('errors.invalid') };
  const session = await auth();
  const result = await runAction(def, { userId: session?.user?.id, locale, input, baseUrl: await requestBaseUrl() });
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
