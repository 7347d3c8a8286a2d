import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import type { Locale } from './locales';

export const catalogs = { en, fr } as const;
export type Messages = typeof en;

/** Translates a message key; what server code gets, in and out of a request. */
export type Translate = (key: string, params?: Record<string, string | number | Date>) => string;

export function translator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: catalogs[locale] as Messages });
  return (key, params) => t(key as never, params as never);
}
