import 'server-only';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { ActionError } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/define';
import { consumeActivation } from './activation';
import { activationSchema } from './activation-schema';
import { signIn, signOut } from './index';
import { hashPassword } from '@/lib/secrets/password';
import { signInSchema, signUpSchema } from './schema';
import { insertCompanyWithAdmin } from './sign-up';

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
export function safeCallback(value: unknown) {
  if (typeof value !== 'string') return '/';
  try {
    // The proxy sends an absolute URL; keep only its path so it always stays on this site.
    const url = new URL(value, 'http://localhost');
    return url.pathname.startsWith('//') ? '/' : `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
}

/** Signs in and redirects; NEXT_REDIRECT passes through the runner. Refusals read the same. */
async function signInAndGo(email: string, password: string, redirectTo: string) {
  try {
    await signIn('credentials', { email, password, redirectTo });
  } catch (error) {
    // Unknown e-mail and wrong password read the same: no account enumeration.
    if (error instanceof AuthError) throw new ActionError('errors.invalidCredentials');
    throw error;
  }
}

export const signInUser = defineAction({
  role: 'public',
  schema: signInSchema.extend({ callbackUrl: z.string().max(2_000).optional() }),
  async handler() {},
  afterCommit: (_result, input) => signInAndGo(input.email, input.password, safeCallback(input.callbackUrl)),
});

/** The company and its first admin in one transaction, then the admin is signed in. */
export const signUp = defineAction({
  role: 'public',
  schema: signUpSchema,
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
  async handler(input, { tx, now }) {
    const result = await consumeActivation(tx, input.token, await hashPassword(input.password), now());
    if (!result.ok) throw new ActionError(activationRefusal[result.reason]);
    return { email: result.email, role: result.role };
  },
  afterCommit: (result, input) => signInAndGo(result.email, input.password, result.role === 'admin' ? '/setup' : '/me'),
});

/** Ends this browser's session and goes back to sign-in. */
export const signOutUser = defineAction({
  role: 'any',
  schema: z.object({}),
  async handler() {},
  afterCommit: () => signOut({ redirectTo: '/sign-in' }),
});
