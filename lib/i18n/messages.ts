import { createTranslator, type MessageKeys, type NestedKeyOf } from 'next-intl';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import type { Locale } from './locales';

export const catalogs = { en, fr } as const;
export type Messages = typeof en;

/** Every full key of the catalogs: 'errors.invalid', 'countries.FR', ... (lib/i18n/types.d.ts types `t` with them). */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
export type ErrorKey = Extract<MessageKey, `errors.${string}`>;

/** Whether a key made at run time (a zod issue's message) is one of the catalogs' error messages. */
export function isErrorKey(key: string): key is ErrorKey {
  if (!key.startsWith('errors.')) return false;
  return typeof (en.errors as Record<string, unknown>)[key.slice('errors.'.length)] === 'string';
}

/** A zod issue's message as a catalog key: the schemas write `errors.*` keys; anything else reads as errors.invalid. */
export function errorKeyOf(message: string): ErrorKey {
  return isErrorKey(message) ? message : 'errors.invalid';
}

/** Translates a message key; what server code gets, in and out of a request. */
export type Translate = (key: string, params?: Record<string, string | number | Date>) => string;

export function translator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: catalogs[locale] as Messages });
  return (key, params) => t(key as never, params as never);
}
