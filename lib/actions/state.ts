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
  // A shared errors.* key, or a domain's own (calls.errors.*).
  const key = /^([a-z]+\.)?errors\./.test(issue.message) ? issue.message : 'errors.invalid';
  const bounds = issue as { minimum?: unknown; maximum?: unknown };
  const params: Record<string, string | number> = {};
  if (typeof bounds.minimum === 'number') params.min = bounds.minimum;
  if (typeof bounds.maximum === 'number') params.max = bounds.maximum;
  return t(key, params);
}

/**
 * FormData -> plain object for zod; `name[]` fields become arrays. The object has no prototype,
 * so a field named `__proto__` is just an unknown field that zod drops.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    if (key.endsWith('[]')) out[key.slice(0, -2)] = formData.getAll(key);
    else out[key] = formData.get(key);
  }
  return out;
}

/*
 * What a binding accepts from the outside world. A server action can be called by anyone with
 * any serialisable arguments (a plain object, a string, null, an array), not only by our forms.
 * The bindings (lib/runner/bind.ts) turn their argument into the plain object zod parses; the
 * runner answers anything else with errors.badInput, and runs nothing.
 */

/** The one input shape an action's schema is given: an object made of fields. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A form binding's argument: a FormData's fields; anything else (a plain object too) is refused. */
export function formInput(formData: unknown): Record<string, unknown> | undefined {
  return formData instanceof FormData ? formDataToObject(formData) : undefined;
}

/** A code binding's argument: a plain object; no argument at all reads as an empty one. */
export function callInput(input: unknown): unknown {
  return input === undefined ? {} : input;
}

/**
 * What useActionState is given: (previous state, form data) -> next state. Bindings never read
 * the previous state, so it is declared bivariant: a binding with a precise result type fits
 * a control that only needs "some action" (a confirm button, Done).
 */
export type FormAction<R = unknown> = {
  bivariant(state: ActionState<R>, formData: FormData): Promise<ActionState<R>>;
}['bivariant'];
