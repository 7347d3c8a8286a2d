import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';

/**
 * Turns signed-out visitors of /setup and /me to the sign-in page; every layout and action
 * checks the session, role and company again. It only reads the session cookie: Auth.js's
 * `auth` wrapper re-issues the cookie on every request it sees, so a prefetch still in
 * flight when the user signs out would bring the session back.
 */
export async function proxy(req: NextRequest) {
  const secureCookie = req.cookies.has('__Secure-authjs.session-token');
  const token = await getToken({ req, secret: env.AUTH_SECRET, secureCookie });
  if (token) return NextResponse.next();
  const signIn = new URL('/sign-in', req.url);
  signIn.searchParams.set('callbackUrl', `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ['/setup/:path*', '/me/:path*'] };
