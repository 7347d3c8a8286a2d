import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { auth } from '@/lib/auth';
import { requestLocale } from '@/lib/i18n/request';
import { formDataToObject, runAction, type ActionDef, type ActionState } from './run-action';

/** Binds an action definition to the request: its session and its language. */
export async function serve<S extends z.ZodType, R>(
  def: ActionDef<S, R>,
  input: FormData | Record<string, unknown>,
): Promise<ActionState<R>> {
  const session = await auth();
  return runAction(def, {
    userId: session?.user?.id,
    locale: await requestLocale(),
    input: input instanceof FormData ? formDataToObject(input) : input,
  });
}

/** serve() for card forms: a successful change refreshes every /setup page (statuses, lists). */
export async function serveCard<S extends z.ZodType, R>(def: ActionDef<S, R>, input: FormData | Record<string, unknown>) {
  const result = await serve(def, input);
  if (result.ok) revalidatePath('/setup', 'layout');
  return result;
}
