import type { getTranslations } from 'next-intl/server';
import { EXTENSION_TYPES } from '@/db/schema';
import type { ExtensionChoice } from '@/lib/numbers/queries';
import type { ExtensionGroup } from './types';

type T = Awaited<ReturnType<typeof getTranslations<never>>>;

/** The "what it rings" choices, grouped by extension type (the tab's rows and the Buy basket). */
export function extensionGroups(t: T, extensions: readonly ExtensionChoice[]): ExtensionGroup[] {
  return EXTENSION_TYPES.map((type) => ({
    type,
    label: t(`numbers.groups.${type}`),
    options: extensions
      .filter((e) => e.type === type)
      .map((e) => ({ id: e.id, label: t('numbers.extensionOption', { number: e.number, name: e.name || t(`extensions.types.${e.type}`) }) })),
  }));
}
