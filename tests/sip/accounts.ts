import { db } from '@/db';
import { resetSipPassword, type SipCredentials } from '@/lib/telephony/credentials';
import { extensionOf } from '../helpers/team';
import { type Caller, ports } from './harness';

// The people of a SIP test company: their extension and the SIP password the app generated.

export type Person = { userId: string; extensionId: string; number: string; sip: SipCredentials };

/** The action's data, or the test fails with what the action said. */
export function ok<T>(state: { ok?: boolean; data?: T; fieldErrors?: unknown; formError?: unknown }): T {
  if (!state.ok) throw new Error(`action refused: ${JSON.stringify(state)}`);
  return state.data as T;
}

export async function person(companyId: string, userId: string): Promise<Person> {
  const extension = await extensionOf(userId);
  const sip = await resetSipPassword(db(), companyId, userId);
  if (!sip) throw new Error('no SIP credentials');
  return { userId, extensionId: extension.id, number: extension.number, sip };
}

export const callerOf = (p: Person, port?: number): Caller => ({ username: p.sip.username, domain: p.sip.domain, password: p.sip.password, port });

/** What a registration of this person's phone sends (its contact: the phone port of its extension). */
export function contact(p: Person) {
  return { username: p.sip.username, domain: p.sip.domain, password: p.sip.password, contactPort: ports.phone(p.number) };
}

export const ms = (n: number) => `${Math.round(n)} ms`;
