'use client';

import { useTranslations } from 'next-intl';

/**
 * Client-side checks give message keys (`calls.errors.x`, `errors.x`); the server's arrive
 * translated. One function shows either.
 */
export function useCallsMessage() {
  const t = useTranslations();
  return (message: string) => (/^([a-z]+\.)?errors\.[\w.]+$/.test(message) ? t(message as never) : message);
}
