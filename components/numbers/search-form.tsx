'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { CountrySelect } from '@/components/forms/country-select';
import { Options } from '@/components/forms/options';
import { TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { toast } from '@/components/shell/toast';
import type { NumberType } from '@/db/schema';
import type { CountryCode } from '@/lib/countries/rules';
import { AREA_MAX, areasOf, hasTrunkZero } from '@/lib/numbers/areas';
import { NUMBER_TYPES } from '@/db/enums';

type Values = { country: CountryCode; type: NumberType; area: string; digits: string };

// Search is a page load: this flag, set on submit, tells the new page to move focus to the results.
const FOCUS_RESULTS = 'numbers:focus-results';

/**
 * The inventory search, a plain GET form: results are a page of their own (bookmarkable, Back
 * works) and the server validates the parameters with the shared schema. The area suggestions
 * follow the chosen country and type.
 */
export function NumberSearchForm({ values, errors }: { values: Values; errors: { area?: string; digits?: string } }) {
  const t = useTranslations();
  useEffect(() => {
    if (sessionStorage.getItem(FOCUS_RESULTS) !== '1') return;
    sessionStorage.removeItem(FOCUS_RESULTS);
    const heading = document.getElementById('results-title');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
    toast(t('flow.resultsFound', { count: document.querySelectorAll('[data-offer]').length }));
  }, [t]);
  const [country, setCountry] = useState<CountryCode>(values.country);
  const [type, setType] = useState<NumberType>(values.type);
  const suggestions = areasOf(country, type).map((a) => ({
    value: hasTrunkZero(country) ? `0${a.areaCode}` : a.areaCode,
    label: a.name,
  }));
  // The two free-text criteria: same naming, hint and error wiring, no autofill.
  const criterion = (name: 'area' | 'digits', input: { maxLength: number; inputMode?: 'numeric'; list?: string }) => (
    <TextField
      id={`search-${name}`}
      name={name}
      label={t(`numbers.${name}`)}
      description={t(`numbers.${name}Hint`)}
      error={errors[name]}
      defaultValue={values[name]}
      autoComplete="off"
      {...input}
    />
  );
  return (
    <form role="search" action="/setup/numbers/buy" onSubmit={() => sessionStorage.setItem(FOCUS_RESULTS, '1')} className="grid gap-4 md:grid-cols-[repeat(4,minmax(0,1fr))_auto] md:items-start">
      <FormField id="search-country" label={t('numbers.country')}>
        <CountrySelect name="country" value={country} onChange={(e) => setCountry(e.target.value as CountryCode)} />
      </FormField>
      <FormField id="search-type" label={t('numbers.type')}>
        <Select name="type" value={type} onChange={(e) => setType(e.target.value as NumberType)}>
          <Options values={NUMBER_TYPES} label={(v) => t(`numbers.types.${v}`)} />
        </Select>
      </FormField>
      {criterion('area', { maxLength: AREA_MAX, list: 'search-area-list' })}
      <datalist id="search-area-list">
        {suggestions.map((s) => (
          <option key={s.value} value={s.value} label={`${s.value} · ${s.label}`} />
        ))}
      </datalist>
      {criterion('digits', { maxLength: 14, inputMode: 'numeric' })}
      <div className="md:pt-7">
        <Button type="submit">{t('numbers.search')}</Button>
      </div>
    </form>
  );
}
