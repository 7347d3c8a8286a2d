import type { z } from 'zod';
import type { Tx } from '@/db';
import type { Company, SetupCard } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';

/** The signed-in user an action runs for, re-read from the database on every call. */
export type Actor = {
  id: string;
  companyId: string;
  role: 'admin' | 'member';
  name: string;
  email: string;
  /** The session the request came with (lib/auth/sessions.ts); absent for in-process callers. */
  sessionId?: string;
};

/** One history line. `card` defaults to the action's own card; side effects name the card they change. */
export type AuditEntry = {
  card?: SetupCard;
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
};

type BaseContext = {
  tx: Tx;
  t: Translate;
  locale: Locale;
  /** The one clock every rule judges time by; tests pass their own. */
  now: () => Date;
  /** Where links in e-mails point: APP_URL, or the origin the admin is using. */
  baseUrl: string;
};

export type PublicContext = BaseContext & { actor: Actor | undefined };
export type SignedInContext = BaseContext & { actor: Actor };

/**
 * What a card action gets: its company, already locked for the transaction (so two admins'
 * changes to one company run one after the other and each sees what the other committed),
 * and `record`, which writes history entries and marks the card in progress.
 */
export type CardContext = SignedInContext & {
  card: SetupCard;
  company: Company;
  /** Writes history entries (none: a save that changed nothing) and marks this card in progress. */
  record: (entry: AuditEntry | AuditEntry[]) => Promise<void>;
  /** Marks this card verified (with its history line), in the same transaction as the change. */
  verify: () => Promise<void>;
};

/** What domain helpers called from card actions need: a writer scoped to one locked company. */
export type CardWriter = Pick<CardContext, 'tx' | 'company' | 'record' | 'now'>;

type Definition<S extends z.ZodType, R, C> = {
  schema: S;
  handler: (input: z.output<S>, ctx: C) => Promise<R>;
  /**
   * Runs after the transaction committed, only when served to a request (a redirect after
   * sign-in, kicking the mail worker). Throwing ActionError here still gives a form message.
   */
  afterCommit?: (result: R, input: z.output<S>) => void | Promise<void>;
  /**
   * Runs before the transaction, outside it, so what it writes stays when it refuses (a
   * throttle's count): throwing ActionError refuses the call with that message.
   */
  gate?: (input: z.output<S>, call: GateContext) => Promise<void>;
};

/**
 * What a gate knows about the call: the clock, the client's address (undefined in-process) and
 * the signed-in actor (undefined for a public action called without a session).
 */
export type GateContext = { now: Date; clientAddress: string | undefined; actor: Actor | undefined };

export type CardActionDef<S extends z.ZodType, R> = Definition<S, R, CardContext> & {
  card: SetupCard;
  role?: 'admin';
};
export type SignedInActionDef<S extends z.ZodType, R> = Definition<S, R, SignedInContext> & {
  card?: undefined;
  /** admin unless said otherwise; `any` is every signed-in user of the company. */
  role?: 'admin' | 'any';
};
export type PublicActionDef<S extends z.ZodType, R> = Definition<S, R, PublicContext> & {
  card?: undefined;
  role: 'public';
};

export type ActionDef<S extends z.ZodType = z.ZodType, R = unknown> =
  | CardActionDef<S, R>
  | SignedInActionDef<S, R>
  | PublicActionDef<S, R>;

/** Declares an action once; lib/runner runs it (session, role, company, zod, one transaction). */
export function defineAction<S extends z.ZodType, R>(def: CardActionDef<S, R>): CardActionDef<S, R>;
export function defineAction<S extends z.ZodType, R>(def: PublicActionDef<S, R>): PublicActionDef<S, R>;
export function defineAction<S extends z.ZodType, R>(def: SignedInActionDef<S, R>): SignedInActionDef<S, R>;
export function defineAction<S extends z.ZodType, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def;
}
