import { and, eq, inArray } from 'drizzle-orm';
import { parsePhoneNumberFromString, type CountryCode as LibCountry } from 'libphonenumber-js/max';
import type { Tx } from '@/db';
import { extensions, users, type CallState } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import type { TargetChoice } from './card-schema';
import type { StoredTarget } from './store';

/*
 * What a state may ring, checked against the company's own rows: an extension (a user's or a
 * conference bridge), a ring group, a user's voicemail, or an outside number valid in E.164 (a
 * national form reads in the company's country). Anything else, another company's row
 * included, is "not found" on the state's field, and nothing is written.
 */
export async function resolveTarget(
  tx: Tx,
  company: { id: string; country: string },
  state: CallState,
  choice: TargetChoice,
): Promise<StoredTarget> {
  const none = { extensionId: null, e164: null, voicemailUserId: null };
  if (choice.kind === 'number') {
    const parsed = parsePhoneNumberFromString(choice.number, company.country as LibCountry);
    if (!parsed?.isValid()) throw new ActionError('calls.errors.numberInvalid', { field: `${state}Number` });
    return { state, kind: 'number', ...none, e164: parsed.number };
  }
  if (choice.kind === 'voicemail') {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, choice.id), eq(users.companyId, company.id)));
    if (!user) throw new ActionError('errors.notFound', { field: state });
    return { state, kind: 'voicemail', ...none, voicemailUserId: user.id };
  }
  const types = choice.kind === 'ring_group' ? (['ring_group'] as const) : (['user', 'conference'] as const);
  const [ext] = await tx
    .select({ id: extensions.id })
    .from(extensions)
    .where(and(eq(extensions.id, choice.id), eq(extensions.companyId, company.id), inArray(extensions.type, [...types])));
  if (!ext) throw new ActionError('errors.notFound', { field: state });
  return { state, kind: choice.kind, ...none, extensionId: ext.id };
}
