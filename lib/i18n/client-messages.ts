import type { Messages } from './messages';

/*
 * Every page's HTML carries the catalogue its client components may translate with, so each part
 * of the app sends only its own namespaces: the root layout what the error boundary needs, and
 * each route group or card its layout's scope (components/i18n/scoped-messages.tsx; a nested
 * provider replaces its parent's messages, it does not add to them). Server components translate
 * from the whole catalogue and are not limited by this.
 * tests/unit/i18n-client-messages.test.ts follows each page's imports to the modules that run in
 * the browser and fails if one names a namespace its scope leaves out, or a scope sends one that
 * none of its pages names.
 *
 * `formErrors` is the part of `errors` a form translates in the browser: the keys its zod schemas
 * write (the server's errors arrive translated). A quarter of the namespace in bytes; the Import
 * and sign-in pages, whose previews and links translate keys the server sends, keep the whole of
 * it. Buy numbers validates on the server only, so it sends none.
 */
export const FORM_ERROR_KEYS = [
  'activationInvalid',
  'controlCharacters',
  'countryInvalid',
  'countryMismatch',
  'emailInvalid',
  'extensionDigits',
  'extensionLengthInvalid',
  'importEmpty',
  'importTooLarge',
  'invalid',
  'licenceInvalid',
  'localeInvalid',
  'macInvalid',
  'maxParticipants',
  'memberDuplicate',
  'memberNotFound',
  'membersMax',
  'membersMin',
  'noAnswerRequired',
  'noAnswerSelf',
  'notFound',
  'passwordTooShort',
  'phoneRequired',
  'poBox',
  'postalCodeInvalid',
  'regionInvalid',
  'regionRequired',
  'required',
  'ringSeconds',
  'seatsInvalid',
  'signUpSeatsMax',
  'siteUnavailable',
  'strategyInvalid',
  'timeZoneInvalid',
  'tooLong',
  'voicemailNotMember',
] as const;

export const MESSAGE_SCOPES = {
  root: ['errorPage'],
  auth: ['activate', 'auth', 'countries', 'errors'],
  me: ['common', 'telephony'],
  outbox: ['outbox'],
  company: ['app', 'common', 'company', 'countries', 'emergency', 'formErrors', 'flow', 'history'],
  team: ['auth', 'common', 'consequences', 'formErrors', 'history', 'team', 'telephony'],
  teamImport: ['auth', 'errors', 'import', 'team'],
  licences: ['common', 'consequences', 'formErrors', 'history', 'licences', 'numbers', 'picker', 'telephony'],
  extensions: ['auth', 'common', 'consequences', 'formErrors', 'extensions', 'flow', 'history', 'numbers', 'picker', 'team', 'telephony'],
  numbers: ['billing', 'common', 'consequences', 'history', 'numbers', 'picker'],
  numbersBuy: ['countries', 'flow', 'numbers', 'picker'],
  calls: ['calls', 'common', 'formErrors', 'history', 'numbers', 'picker'],
  review: ['common', 'history', 'review'],
} as const satisfies Record<string, readonly (keyof Messages | 'formErrors')[]>;

export type MessageScope = keyof typeof MESSAGE_SCOPES;

/** The part of the catalogue a scope's client components get. */
export function messagesFor(scope: MessageScope, messages: Messages): Partial<Messages> {
  return Object.fromEntries(
    MESSAGE_SCOPES[scope].map((ns) =>
      ns === 'formErrors' ? ['errors', Object.fromEntries(FORM_ERROR_KEYS.map((key) => [key, messages.errors[key]]))] : [ns, messages[ns]],
    ),
  );
}
