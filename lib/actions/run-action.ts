import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { db, type Tx } from '@/db';
import { users } from '@/db/schema';
import { translator, type Translate } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { ActionError, constraintError } from './errors';

/** The one result every form action returns to `useActionState`. */
export type ActionState<T = unknown> = {
  ok?: boolean;
  data?: T;
  fieldErrors?: Record<string, string>;
  formError?: string;
};

export type Actor = {
  id: string;
  companyId: string;
  role: 'admin' | 'member';
  name: string;
  email: string;
};

export type ActionContext = { tx: Tx; actor: Actor; t: Translate; locale: Locale };

export type ActionDef<S extends z.ZodType, R> = {
  schema: S;
  /** Who may call it; admin unless said otherwise. */
  role?: 'admin' | 'any';
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>;
};

export function defineAction<S extends z.ZodType, R>(def: ActionDef<S, R>) {
  return def;
}

export async function loadActor(userId: string | null | undefined): Promise<Actor | undefined> {
  if (!userId || !/^[0-9a-f-]{36}$/i.test(userId)) return undefined;
  const [row] = await db()
    .select({
      id: users.id,
      companyId: users.companyId,
      role: users.role,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return undefined;
  return {
    id: row.id,
    companyId: row.companyId,
    role: row.role === 'admin' ? 'admin' : 'member',
    name: `${row.firstName} ${row.lastName}`,
    email: row.email,
  };
}

/**
 * Session -> role -> zod parse -> handler in one transaction -> typed state.
 * The actor is re-read from the database on every call: a demoted admin's JWT
 * still says "admin" until it expires, the users table does not.
 */
export async function runAction<S extends z.ZodType, R>(
  def: ActionDef<S, R>,
  call: { userId: string | null | undefined; locale: Locale; input: unknown },
): Promise<ActionState<R>> {
  const t = translator(call.locale);
  const actor = await loadActor(call.userId);
  if (!actor) return { formError: t('errors.signedOut') };
  if ((def.role ?? 'admin') === 'admin' && actor.role !== 'admin') {
    return { formError: t('errors.forbidden') };
  }

  const parsed = def.schema.safeParse(call.input);
  if (!parsed.success) return { fieldErrors: zodFieldErrors(parsed.error, t) };

  try {
    const data = await db().transaction((tx) => def.handler(parsed.data, { tx, actor, t, locale: call.locale }));
    return { ok: true, data };
  } catch (error) {
    return errorState(error, t);
  }
}

export function errorState(error: unknown, t: Translate): ActionState<never> {
  const refusal = error instanceof ActionError ? error : constraintError(error);
  if (refusal) {
    const message = t(refusal.key, refusal.options.params);
    return refusal.options.field ? { fieldErrors: { [refusal.options.field]: message } } : { formError: message };
  }
  console.error('action failed', error);
  return { formError: t('errors.unexpected') };
}

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
