import 'server-only';
import { AuthError } from 'next-auth';
import { ActionError } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/define';
import { headers } from 'next/headers';
import type { GateContext } from '@/lib/actions/define';
import { log } from '@/lib/log';
import { clientAddress } from '@/lib/request-info';
import { consumeActivation, lookUpActivation } from './activation';
import { safeCallback } from './callback-url';

export { safeCallback };
import { activationSchema } from './activation-schema';
import { signIn, SignInThrottled } from './index';
import { admitAttempt, lockedUntil, minutesUntil, type ThrottleKey } from '@/lib/throttle/attempts';
import { accountKey, activationAddressKey, signInAddressKey, signUpAddressKey } from './throttle';
import { hashPassword } from '@/lib/secrets/password';
import { signInPageSchema, signInSchema, signUpSchema } from './schema';
import { insertCompanyWithAdmin } from './sign-up';

/** Signs in and redirects; NEXT_REDIRECT passes through the runner. Refusals read the same. */
async function signInAndGo(email: string, password: string, redirectTo: string) {
  try {
    await signIn('credentials', { email, password, redirectTo });
  } catch (error) {
    if (error instanceof SignInThrottled) {
      const now = new Date();
      const retryAt = (await lockedUntil(throttleKeysOf(email, clientAddress(await headers())), now)) ?? now;
      throw new ActionError('errors.tooManyAttempts', { params: { minutes: minutesUntil(retryAt, now) } });
    }
    // Unknown e-mail and wrong password read the same: no account enumeration.
    if (error instanceof AuthError) throw new ActionError('errors.invalidCredentials');
    throw error;
  }
}

function throttleKeysOf(email: string, address: string | undefined) {
  return address ? [accountKey(email), signInAddressKey(address)] : [accountKey(email)];
}

/** A gate counting the call against the client's address; refuses, without work, when locked. */
function addressGate(keyOf: (address: string) => ThrottleKey, event: string) {
  return async (_input: unknown, { now, clientAddress: address }: GateContext) => {
    if (!address) return;
    const admission = await admitAttempt([keyOf(address)], now);
    if (admission.ok) return;
    log.warn({ event, address, retryAt: admission.retryAt.toISOString() }, `${event}: throttled`);
    throw new ActionError('errors.tooManyAttempts', { params: { minutes: minutesUntil(admission.retryAt, now) } });
  };
}

export const signInUser = defineAction({
  role: 'public',
  // Where to go next is the page's hidden field: a bad one means the start page, not a refusal.
  schema: signInSchema.extend({ callbackUrl: signInPageSchema.shape.callbackUrl }),
  async handler() {},
  afterCommit: (_result, input) => signInAndGo(input.email, input.password, safeCallback(input.callbackUrl)),
});

/** The company and its first admin in one transaction, then the admin is signed in. */
export const signUp = defineAction({
  role: 'public',
  schema: signUpSchema,
  gate: addressGate(signUpAddressKey, 'sign-up'),
  async handler(input, { tx, now }) {
    const passwordHash = await hashPassword(input.password);
    const { company } = await insertCompanyWithAdmin(tx, input, passwordHash, now);
    return { companyId: company.id };
  },
  afterCommit: (_result, input) => signInAndGo(input.email, input.password, '/setup'),
});

const activationRefusal = {
  used: 'errors.activationUsed',
  expired: 'errors.activationExpired',
  unknown: 'errors.activationInvalid',
} as const;

/** Sets the password from an activation link, then signs in: members land on /me, admins on /setup. */
export const activate = defineAction({
  role: 'public',
  schema: activationSchema,
  gate: addressGate(activationAddressKey, 'activation'),
  async handler(input, { tx, now }) {
    // No argon2 work for a link that cannot work.
    const lookup = await lookUpActivation(input.token, now(), tx);
    if (lookup.state !== 'valid') throw new ActionError(activationRefusal[lookup.state]);
    const result = await consumeActivation(tx, input.token, await hashPassword(input.password), now());
    if (!result.ok) throw new ActionError(activationRefusal[result.reason]);
    return { email: result.email, role: result.role };
  },
  afterCommit: (result, input) => signInAndGo(result.email, input.password, result.role === 'admin' ? '/setup' : '/me'),
});
