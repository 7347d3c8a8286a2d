'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { NumberType } from '@/db/schema';
import { COUNTRIES, type CountryCode } from '@/lib/company/countries';
import { areasOf, hasTrunkZero } from '@/lib/numbers/areas';
import { AREA_MAX, NUMBER_TYPES } from '@/lib/numbers/schema';

type Values = { country: CountryCode; type: NumberType; area: string; digits: string };

/**
 * The inventory search, a plain GET form: results are a page of their own (bookmarkable, Back
 * works) and the server validates the parameters with the shared schema. The area suggestions
 * follow the chosen country and type.
 */
export function NumberSearchForm({ values, errors }: { values: Values; errors: { area?: string; digits?: string } }) {
  const t = useTranslations();
  const [country, setCountry] = useState<CountryCode>(values.country);
  const [type, setType] = useState<NumberType>(values.type);
  const suggestions = areasOf(country, type).map((a) => ({
    value: hasTrunkZero(country) ? `0${a.areaCode}` : a.areaCode,
    label: a.name,
  }));
  return (
    <form role="search" action="/setup/numbers/buy" className="grid gap-4 md:grid-cols-[repeat(4,minmax(0,1fr))_auto] md:items-start">
      <FormField id="search-country" label={t('numbers.country')}>
        <Select name="country" value={country} onChange={(e) => setCountry(e.target.value as CountryCode)}>
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {t(`countries.${c}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id="search-type" label={t('numbers.type')}>
        <Select name="type" value={type} onChange={(e) => setType(e.target.value as NumberType)}>
          {NUMBER_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`numbers.types.${v}`)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id="search-area" label={t('numbers.area')} description={t('numbers.areaHint')} error={errors.area}>
        <Input name="area" defaultValue={values.area} maxLength={AREA_MAX} list="search-area-list" autoComplete="off" />
      </FormField>
      <datalist id="search-area-list">
        {suggestions.map((s) => (
          <option key={s.value} value={s.value} label={`${s.value} · ${s.label}`} />
        ))}
      </datalist>
      <FormField id="search-digits" label={t('numbers.digits')} description={t('numbers.digitsHint')} error={errors.digits}>
        <Input name="digits" defaultValue={values.digits} inputMode="numeric" maxLength={14} autoComplete="off" />
      </FormField>
      <div className="md:pt-7">
        <Button type="submit">{t('numbers.search')}</Button>
      </div>
    </form>
  );
}
