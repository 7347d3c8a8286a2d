import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
// Checks the whole environment before `next dev`, `next build` or `next start` does anything.
import { env } from './lib/env';
import { STATIC_CONTENT_SECURITY_POLICY, staticSecurityHeaders } from './lib/security-headers';

// The Content-Security-Policy (with its per-request nonce) and HSTS are set by proxy.ts.
export const securityHeaders = staticSecurityHeaders;

const nextConfig: NextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', '@neondatabase/serverless', 'ws', 'pino'],
  experimental: {
    authInterrupts: true,
    // The user import uploads its file to a server action: 5 MB at most (IMPORT_MAX_BYTES in
    // lib/team/schema.ts, checked in the browser first), plus room for the form's other fields,
    // so the app's own message answers a large file, never Next's default 1 MB limit.
    serverActions: { bodySizeLimit: '6mb' },
  },
  poweredByHeader: false,
  // Lets two checkouts' worth of builds (e.g. parallel browser-test runs) live side by side.
  distDir: env.NEXT_DIST_DIR,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Pages get theirs, with a nonce, from proxy.ts; what it does not run for gets this one.
      { source: '/(api|_next/static|_next/image)/:path*', headers: [{ key: 'Content-Security-Policy', value: STATIC_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default createNextIntlPlugin('./lib/i18n/request.ts')(nextConfig);
