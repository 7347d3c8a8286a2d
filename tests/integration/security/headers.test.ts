import { describe, expect, it } from 'vitest';
import { safeCallback } from '@/lib/auth/callback-url';
import { clientAddress, isHttpsRequest } from '@/lib/request-info';
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from '@/lib/security-headers';

const headersOf = (values: Record<string, string>) => new Headers(values);

describe('callbackUrl after sign-in', () => {
  it.each([
    ['javascript:alert(1)', '/'],
    ['https://evil.example/setup', '/'],
    ['//evil.example/setup', '/'],
    ['/\\evil.example', '/'],
    ['data:text/html,hi', '/'],
    ['setup', '/'],
    ['', '/'],
    ['/setup/team?page=2', '/setup/team?page=2'],
    ['/me', '/me'],
  ])('%s → %s', (value, expected) => {
    expect(safeCallback(value)).toBe(expected);
  });

  it('anything but a string is ignored', () => {
    expect(safeCallback(['/setup'])).toBe('/');
    expect(safeCallback(undefined)).toBe('/');
  });
});

describe('security headers', () => {
  it('script-src has the nonce and strict-dynamic, never unsafe-inline; eval only in dev', () => {
    const csp = contentSecurityPolicy('abc123==', false);
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy('x', true)).toContain("'unsafe-eval'");
  });

  it('HSTS is two years; https is told by the URL, and x-forwarded-proto only from a trusted proxy', () => {
    expect(STRICT_TRANSPORT_SECURITY).toBe('max-age=63072000; includeSubDomains');
    expect(isHttpsRequest(headersOf({}), 'https://phone.example.com/setup')).toBe(true);
    expect(isHttpsRequest(headersOf({}), 'http://localhost:3000/setup')).toBe(false);
    // TRUST_PROXY is unset in the tests: a client's own x-forwarded-proto is not believed.
    expect(isHttpsRequest(headersOf({ 'x-forwarded-proto': 'https' }), 'http://localhost:3000/')).toBe(false);
  });

  it('the client address is the last X-Forwarded-For hop', () => {
    expect(clientAddress(headersOf({ 'x-forwarded-for': '203.0.113.9, 10.0.0.2' }))).toBe('10.0.0.2');
    expect(clientAddress(headersOf({ 'x-forwarded-for': '::1' }))).toBe('::1');
    expect(clientAddress(headersOf({}))).toBeUndefined();
  });
});
