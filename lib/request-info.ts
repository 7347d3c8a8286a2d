import { env } from './env';

/**
 * What a request says about where it came from. Without TRUST_PROXY the app is reached
 * directly: Next fills X-Forwarded-For from the socket only when the client did not send one,
 * so the address is the client's own claim (rotating it escapes the per-address limit, never
 * the per-account one). With TRUST_PROXY, the proxy's last hop is believed.
 */
type HeaderSource = { get(name: string): string | null };

export function clientAddress(headers: HeaderSource): string | undefined {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  // The proxy appends the address it saw; anything before it came from the client.
  const address = env.TRUST_PROXY ? hops.at(-1) : (hops.at(-1) ?? headers.get('x-real-ip') ?? undefined);
  return address ? address.slice(0, 64).toLowerCase() : undefined;
}

/** https directly (Next sets x-forwarded-proto from the socket) or said by a trusted proxy. */
export function isHttpsRequest(headers: HeaderSource, url?: string): boolean {
  if (env.APP_URL?.startsWith('https:')) return true;
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (env.TRUST_PROXY && proto) return proto === 'https';
  return url?.startsWith('https:') ?? false;
}
