import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { fullName } from '@/lib/format/person';
import { log } from '@/lib/log';
import { clientAddress } from '@/lib/request-info';
import { authConfig } from './config';
import { checkCredentials } from './credentials';
import { signInSchema } from './schema';
import { createSession } from './sessions';

/** A sign-in refused by the throttle: its code reaches signIn's caller (lib/auth/actions.ts). */
export class SignInThrottled extends CredentialsSignin {
  code = 'throttled';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A failed sign-in is an expected outcome, already logged as one line by checkCredentials.
    // instanceof, not the class name: production builds minify it.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      log.error({ event: 'auth.error', kind: (error as { type?: string }).type, message: error.message }, 'auth error');
    },
    warn(code) {
      log.warn({ event: 'auth.warn', code }, 'auth warning');
    },
    debug() {},
  },
  callbacks: {
    ...authConfig.callbacks,
    async jwt({ token, user }) {
      // Sign-in: the session row the cookie will name from now on.
      if (user?.id) {
        token.uid = user.id;
        token.sid = await createSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      if (typeof token.sid === 'string') session.sessionId = token.sid;
      return session;
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await checkCredentials(parsed.data.email, parsed.data.password, clientAddress(request.headers));
        if (!result.ok) {
          if (result.reason === 'throttled') throw new SignInThrottled();
          return null;
        }
        return { id: result.user.id, email: result.user.email, name: fullName(result.user) };
      },
    }),
  ],
});

declare module 'next-auth' {
  interface Session {
    sessionId?: string;
  }
}
