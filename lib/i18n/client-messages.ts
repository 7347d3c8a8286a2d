import type { Messages } from './messages';

/**
 * Namespaces only server code reads (e-mails, the call-flow preview, /me and the setup landing
 * are server components): every page's HTML carries the catalogue sent to the browser, so these
 * stay out of it. tests/unit/i18n-client-messages.test.ts fails if a client component names one.
 */
export const SERVER_ONLY_NAMESPACES = ['callFlow', 'mail', 'me', 'setup'] as const;

/** The catalogue the browser gets: everything a client component may translate. */
export function clientMessages(messages: Messages): Partial<Messages> {
  const kept: Partial<Messages> = { ...messages };
  for (const ns of SERVER_ONLY_NAMESPACES) delete kept[ns];
  return kept;
}
