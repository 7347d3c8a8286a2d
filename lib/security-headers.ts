/**
 * The response headers of every page. The CSP carries a nonce made per request in proxy.ts
 * (Next's documented pattern: Next puts it on its own scripts when it finds it in the
 * request's Content-Security-Policy), so script-src needs no 'unsafe-inline'; 'strict-dynamic'
 * lets those nonced scripts load the app's chunks. Eval is for dev tooling only.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and Radix set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Responses proxy.ts does not see (the API, static files): nothing in them runs, so no nonce,
 * and nothing may frame or be framed.
 */
export const STATIC_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Two years, subdomains included: only ever sent over https (browsers ignore it on http). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** The headers that do not change per request (next.config.ts sets them on every path). */
export const staticSecurityHeaders = [
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];
