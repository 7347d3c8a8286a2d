'use client';

import { useTranslations } from 'next-intl';
import type { ComponentProps } from 'react';
import { findExtensionsAction } from '@/lib/extensions/bindings';
import { findUsersAction } from '@/lib/team/bindings';
import type { ExtensionType } from '@/db/schema';
import type { ExtensionMatch } from '@/lib/extensions/search';
import type { UserMatch } from '@/lib/team/search';
import { ServerCombobox, type ComboOption, type ComboSearch } from './server-combobox';

/*
 * The two server searches the pickers share, worded for the combobox: extensions (grouped by
 * type, "101 · Alice Martin") and people ("Alice Martin", extension and e-mail beside).
 */

type PickerProps = Omit<ComponentProps<typeof ServerCombobox>, 'search' | 'placeholder' | 'searchLabel'> & {
  placeholder?: string;
  searchLabel: string;
};

/** Words one extension as every extension picker does. */
export function useExtensionWords() {
  const t = useTranslations();
  return (e: Pick<ExtensionMatch, 'number' | 'type' | 'name'>) =>
    t('numbers.extensionOption', { number: e.number, name: e.name || t(`picker.extensionTypes.${e.type}`) });
}

/** Searches the company's extensions of `kinds`; each option's value is the extension's id. */
export function useExtensionSearch(kinds?: readonly ExtensionType[], toOption?: (e: ExtensionMatch) => ComboOption | null): ComboSearch {
  const t = useTranslations();
  const words = useExtensionWords();
  return async (q) => {
    const result = await findExtensionsAction({ q, kinds: kinds ? [...kinds] : undefined });
    if (!result.ok) return result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? t('picker.failed');
    return result.data.flatMap((e) => {
      const option = toOption ? toOption(e) : { value: e.id, label: words(e), group: t(`numbers.groups.${e.type}`) };
      return option ? [option] : [];
    });
  };
}

/** Searches the company's people (Office ones only with `licence`); each value is the user's id. */
export function useUserSearch(licence?: 'office' | 'free', toOption?: (u: UserMatch) => ComboOption): ComboSearch {
  const t = useTranslations();
  return async (q) => {
    const result = await findUsersAction({ q, licence });
    if (!result.ok) return result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? t('picker.failed');
    return result.data.map(
      (u) =>
        toOption?.(u) ?? {
          value: u.id,
          label: u.extension ? `${u.name} (${u.extension})` : u.name,
          hint: u.email,
        },
    );
  };
}

/** An extension picker: any of the company's extensions, or only `kinds`. */
export function ExtensionPicker({ kinds, placeholder, ...props }: PickerProps & { kinds?: readonly ExtensionType[] }) {
  const t = useTranslations('picker');
  const search = useExtensionSearch(kinds);
  return <ServerCombobox {...props} search={search} placeholder={placeholder ?? t('choose')} />;
}
