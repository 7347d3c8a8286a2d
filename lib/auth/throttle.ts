import { env } from '@/lib/env';
import { forgive, type ThrottleKey, type ThrottlePolicy } from '@/lib/throttle/attempts';

/**
 * What sign-in, sign-up and activation allow, per account and per client address (the
 * mechanism, its table and its locks: lib/throttle/attempts.ts).
 */
export const THROTTLE = {
  signInAccount: { free: 5, baseSeconds: 30, maxSeconds: 15 * 60, windowSeconds: 60 * 60 },
  signInAddress: { free: 20, baseSeconds: 30, maxSeconds: 15 * 60, windowSeconds: 60 * 60 },
  signUpAddress: { free: env.SIGN_UPS_PER_HOUR, baseSeconds: 60, maxSeconds: 60 * 60, windowSeconds: 60 * 60 },
  activationAddress: { free: 30, baseSeconds: 30, maxSeconds: 15 * 60, windowSeconds: 60 * 60 },
} satisfies Record<string, ThrottlePolicy>;

export const accountKey = (email: string): ThrottleKey => ({ key: `sign-in:account:${email.toLowerCase()}`, policy: THROTTLE.signInAccount });
export const signInAddressKey = (address: string): ThrottleKey => ({ key: `sign-in:address:${address}`, policy: THROTTLE.signInAddress });
export const signUpAddressKey = (address: string): ThrottleKey => ({ key: `sign-up:address:${address}`, policy: THROTTLE.signUpAddress });
export const activationAddressKey = (address: string): ThrottleKey => ({
  key: `activation:address:${address}`,
  policy: THROTTLE.activationAddress,
});

/**
 * A successful sign-in: the account starts afresh, and the address gets its attempt back (an
 * office behind one address signing in all day is not an attack; its locks stand).
 */
export function forgiveSuccess(account: ThrottleKey, address: ThrottleKey | undefined) {
  return forgive(account, address);
}
