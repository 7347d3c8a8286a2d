import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { db, type Tx } from '@/db';
import type { SetupCard } from '@/db/schema';
import type {
  ActionDef,
  Actor,
  AuditEntry,
  CardContext,
  PublicContext,
  SignedInContext,
} from '@/lib/actions/define';
import { ActionError, constraintError } from '@/lib/actions/errors';
import { isPlainObject, zodFieldErrors, type ActionState } from '@/lib/actions/state';
import { writeAudit } from '@/lib/audit/log';
import { loadActor } from '@/lib/auth/actor';
import { loadSessionActor } from '@/lib/auth/sessions';
import { lockCompany } from '@/lib/company/lock';
import type { Locale } from '@/lib/i18n/locales';
import { translator, type Translate } from '@/lib/i18n/messages';
import { markInProgress, markVerified } from '@/lib/setup/cards';
import { log } from '@/lib/log';
import { defaultBaseUrl } from './base-url';

export type RunCall = {
  userId: string | null | undefined;
  /**
   * The session the request's cookie names: served calls always pass it (null without one) and
   * only a live session gets an actor. Undefined: a trusted in-process caller (tests, scripts).
   */
  sessionId?: string | null;
  /** The client's address, for gates (throttles); undefined in-process. */
  clientAddress?: string;
  locale: Locale;
  input: unknown;
  /** Tests move time with this; requests use the wall clock. */
  now?: () => Date;
  baseUrl?: string;
};

/**
 * Input shape -> session -> role -> zod parse -> handler in one transaction -> typed state. The actor is
 * re-read from the database on every call: a demoted admin's JWT still says "admin" until it
 * expires, the users table does not. A card action also gets its company locked and `record`.
 */
export async function runAction<S extends z.ZodType, R>(def: ActionDef<S, R>, call: RunCall): Promise<ActionState<R>> {
  const t = translator(call.locale);
  // Called with something else than fields (a string, null, an array, a FormData left as is):
  // a message, not a crash somewhere down the handler.
  if (!isPlainObject(call.input)) return { formError: t('errors.badInput') };
  const role = def.role ?? 'admin';
  const now = call.now ?? (() => new Date());
  const actor =
    call.sessionId === undefined
      ? await loadActor(call.userId)
      : await loadSessionActor({ userId: call.userId, sessionId: call.sessionId }, now());
  if (role !== 'public') {
    if (!actor) return { formError: t('errors.signedOut') };
    if (role === 'admin' && actor.role !== 'admin') return { formError: t('errors.forbidden') };
  }

  const parsed = def.schema.safeParse(call.input);
  if (!parsed.success) return { fieldErrors: zodFieldErrors(parsed.error, t) };

  const base = { t, locale: call.locale, now, baseUrl: call.baseUrl ?? defaultBaseUrl() };
  try {
    if (def.gate) await def.gate(parsed.data, { now: now(), clientAddress: call.clientAddress, actor: actor ?? undefined });
    const data = await db().transaction(async (tx): Promise<R> => {
      if (def.card) return def.handler(parsed.data, await cardContext(tx, def.card, actor!, base));
      if (def.role === 'public') return def.handler(parsed.data, { ...base, tx, actor } satisfies PublicContext);
      return def.handler(parsed.data, { ...base, tx, actor: actor! } satisfies SignedInContext);
    });
    return { ok: true, data };
  } catch (error) {
    return errorState(error, t);
  }
}

export async function cardContext(
  tx: Tx,
  card: SetupCard,
  actor: Actor,
  base: Omit<SignedInContext, 'tx' | 'actor'>,
): Promise<CardContext> {
  const company = await lockCompany(tx, actor.companyId);
  const record = async (entry: AuditEntry | AuditEntry[]) => {
    const entries = Array.isArray(entry) ? entry : [entry];
    await writeAudit(tx, { companyId: company.id, actor, card }, entries);
    // The action's own card; side effects on other cards are in their history only.
    await markInProgress(tx, company.id, card);
  };
  return { ...base, tx, actor, card, company, record, verify: () => markVerified(tx, actor, card) };
}

/** A refusal becomes its message; a unique violation its field; anything else a generic message. */
export function errorState(error: unknown, t: Translate): ActionState<never> {
  // Next's redirect and not-found signals are control flow, not failures.
  unstable_rethrow(error);
  const refusal = error instanceof ActionError ? error : constraintError(error);
  if (refusal) {
    const message = t(refusal.key, refusal.options.params);
    return refusal.options.field ? { fieldErrors: { [refusal.options.field]: message } } : { formError: message };
  }
  log.error({ event: 'action.failed', err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }, 'action failed');
  return { formError: t('errors.unexpected') };
}
