import { useTranslations } from 'next-intl';
import type { ComponentProps } from 'react';
import { Select } from '@/components/ui/select';
import { COUNTRIES } from '@/lib/countries/rules';
import { Options } from './options';

/**
 * The supported countries by their translated names. Every other prop reaches the native select,
 * so `register()` and the id / aria props FormField adds to its control still land on it.
 */
export function CountrySelect(props: Omit<ComponentProps<typeof Select>, 'children'>) {
  const t = useTranslations('countries');
  return (
    <Select {...props}>
      <Options values={COUNTRIES} label={(c) => t(c)} />
    </Select>
  );
}
