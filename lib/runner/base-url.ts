import { headers } from 'next/headers';
import { env } from '@/lib/env';

/** Configured public base of links (no trailing slash), or a local default outside requests. */
export function defaultBaseUrl(): string {
  return env.APP_URL?.trim().replace(/\/+$/, '') || 'http://localhost:3000';
}

/**
 * The base of links in e-mails: APP_URL when set (production: the public address), otherwise
 * the origin the admin is using right now, from the request's Host.
 */
export async function requestBaseUrl(): Promise<string> {
  if (env.APP_URL?.trim()) return defaultBaseUrl();
  const h = await headers();
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host') || 'localhost:3000';
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() || (/^(localhost|127\.|\[::1\])/.test(host) ? 'http' : 'https');
  return `${proto}://${host}`;
}
