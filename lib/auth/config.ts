import type { NextAuthConfig } from 'next-auth';
import { env } from '@/lib/env';

/**
 * Sessions are JWTs in a cookie naming the user and a row of `sessions` (lib/auth/sessions.ts),
 * which says whether the session still lives; role and company are re-read from the database.
 */
export const authConfig = {
  trustHost: true,
  session: { strategy: 'jwt', maxAge: env.SESSION_MAX_HOURS * 60 * 60 },
  pages: { signIn: '/sign-in' },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      return session;
    },
  },
} satisfies NextAuthConfig;
