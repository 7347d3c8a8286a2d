import type en from '@/messages/en.json';
import type { Locale as AppLocale } from './locales';

/**
 * next-intl's type augmentation: `t('unknown.key')` and a locale other than fr/en are type
 * errors. English is the reference catalog; tests/unit/i18n-catalogs.test.ts keeps fr in step.
 */
declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof en;
  }
}
