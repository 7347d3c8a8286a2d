import { eq } from 'drizzle-orm';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { db } from '@/db';
import { users } from '@/db/schema';
import { fullName } from '@/lib/format/person';
import { authConfig } from './config';
import { verifyPassword } from '@/lib/secrets/password';
import { signInSchema } from './schema';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A failed sign-in is an expected outcome with its own message, not a server error.
    error(error) {
      if (error.name !== 'CredentialsSignin') console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const [user] = await db().select().from(users).where(eq(users.email, parsed.data.email));
        // Unknown e-mail and wrong password take the same path and time.
        const ok = await verifyPassword(user?.passwordHash, parsed.data.password);
        if (!user || !ok) return null;
        return { id: user.id, email: user.email, name: fullName(user) };
      },
    }),
  ],
});
