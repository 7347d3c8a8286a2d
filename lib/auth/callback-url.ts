/**
 * Only same-origin paths: an open redirect after sign-in would be a phishing aid, and Auth.js
 * refuses other values (error=Configuration), so they fall back to `/` and sign-in still works.
 */
export function safeCallback(value: unknown) {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  try {
    const base = 'http://same-origin.invalid';
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}
