import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
// Checks the whole environment before `next dev`, `next build` or `next start` does anything.
import { env } from './lib/env';

const isDev = env.NODE_ENV !== 'production';

// Next's inline bootstrap scripts need 'unsafe-inline' without per-request nonces;
// eval is only for dev tooling (React Refresh), never in production.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

const nextConfig: NextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', '@neondatabase/serverless', 'ws'],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // Lets two checkouts' worth of builds (e.g. parallel browser-test runs) live side by side.
  distDir: env.NEXT_DIST_DIR,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default createNextIntlPlugin('./lib/i18n/request.ts')(nextConfig);
