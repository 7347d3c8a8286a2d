import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { loadSessionActor } from '@/lib/auth/sessions';
import { env } from '@/lib/env';
import { repairedPath } from '@/lib/format/pages';
import { isHttpsRequest } from '@/lib/request-info';
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from '@/lib/security-headers';

const PROTECTED = /^\/(setup|me)(\/|$)/;

/**
 * Every page request gets a fresh CSP nonce (Next reads it from the request's
 * Content-Security-Policy and puts it on its scripts) and, over https, HSTS. Visitors of /setup
 * and /me without a live session (ended, idle, expired: lib/auth/sessions.ts) go to sign-in;
 * every layout and action checks the session, role and company again.
 */
export async function proxy(req: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, env.NODE_ENV !== 'production');

  if (PROTECTED.test(req.nextUrl.pathname) && !(await hasLiveSession(req))) {
    const signIn = new URL('/sign-in', req.url);
    signIn.searchParams.set('callbackUrl', `${req.nextUrl.pathname}${req.nextUrl.search}`);
    return withHeaders(NextResponse.redirect(signIn), req, csp);
  }

  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // A malformed percent-encoding would be a bare 500 from Next's router: send the browser to the
  // same path with the escapes made literal (a rewrite is not enough: Next re-reads the original).
  const repaired = repairedPath(req.nextUrl.pathname);
  if (repaired) {
    const url = req.nextUrl.clone();
    url.pathname = repaired;
    return withHeaders(NextResponse.redirect(url), req, csp);
  }
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), req, csp);
}

async function hasLiveSession(req: NextRequest) {
  const secureCookie = req.cookies.has('__Secure-authjs.session-token');
  const token = await getToken({ req, secret: env.AUTH_SECRET, secureCookie });
  if (!token) return false;
  const actor = await loadSessionActor({
    userId: typeof token.uid === 'string' ? token.uid : null,
    sessionId: typeof token.sid === 'string' ? token.sid : null,
  });
  return Boolean(actor);
}

function withHeaders(res: NextResponse, req: NextRequest, csp: string) {
  res.headers.set('Content-Security-Policy', csp);
  if (isHttpsRequest(req.headers, req.url)) res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return res;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API, static files or images; prefetches carry no document.
      source: '/((?!api|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
