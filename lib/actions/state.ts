import type { z } from 'zod';
import type { Translate } from '@/lib/i18n/messages';

/** The one result every action returns: success with the handler's result, or messages. */
export type ActionState<R = unknown> =
  | { ok: true; data: R; fieldErrors?: undefined; formError?: undefined }
  | { ok?: false; data?: undefined; fieldErrors?: Record<string, string>; formError?: string };

export function zodFieldErrors(error: z.ZodError, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_form';
    if (out[path]) continue;
    out[path] = translateIssue(issue, t);
  }
  return out;
}

function translateIssue(issue: z.core.$ZodIssue, t: Translate): string {
  const key = issue.message.startsWith('errors.') ? issue.message : 'errors.invalid';
  const bounds = issue as { minimum?: unknown; maximum?: unknown };
  const params: Record<string, string | number> = {};
  if (typeof bounds.minimum === 'number') params.min = bounds.minimum;
  if (typeof bounds.maximum === 'number') params.max = bounds.maximum;
  return t(key, params);
}

/** FormData -> plain object for zod; `name[]` fields become arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    if (key.endsWith('[]')) out[key.slice(0, -2)] = formData.getAll(key);
    else out[key] = formData.get(key);
  }
  return out;
}

/**
 * What useActionState is given: (previous state, form data) -> next state. Bindings never read
 * the previous state, so it is declared bivariant: a binding with a precise result type fits
 * a control that only needs "some action" (a confirm button, Done).
 */
export type FormAction<R = unknown> = {
  bivariant(state: ActionState<R>, formData: FormData): Promise<ActionState<R>>;
}['bivariant'];
