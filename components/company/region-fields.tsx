'use client';

import { useTranslations } from 'next-intl';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from '@/components/forms/text-field';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { COUNTRY_RULES, type CountryCode } from '@/lib/countries/rules';
import { POSTAL_CODE_EXAMPLES } from '@/lib/sites/address';
import { ADDRESS_LIMITS } from '@/lib/sites/address-check';

type Bound = UseFormRegisterReturn & { error?: string };

/**
 * The postal code and the region of an address in `country`, as the company form and a site's
 * form both ask for them: the region is a list where the country has one (US states, CA
 * provinces), else free text. `idPrefix` keeps ids unique when both forms are on the page.
 */
export function PostalCodeAndRegion({
  country,
  postalCode,
  region,
  idPrefix = '',
}: {
  country: CountryCode;
  postalCode: Bound;
  region: Bound;
  idPrefix?: string;
}) {
  const t = useTranslations('company');
  const regions = COUNTRY_RULES[country].regions;
  const { error: regionError, ...regionInput } = region;
  const label = country === 'US' ? t('regionUS') : country === 'CA' ? t('regionCA') : t('region');
  return (
    <>
      <TextField
        id={`${idPrefix}postalCode`}
        label={t('postalCode')}
        description={t('postalCodeHint', { example: POSTAL_CODE_EXAMPLES[country] })}
        required
        autoComplete="postal-code"
        {...postalCode}
      />
      <FormField id={`${idPrefix}region`} label={label} error={regionError} required={Boolean(regions)}>
        {regions ? (
          <Select {...regionInput}>
            <option value="">{t('regionChoose')}</option>
            {Object.entries(regions).map(([code, name]) => (
              <option key={code} value={code}>
                {name} ({code})
              </option>
            ))}
          </Select>
        ) : (
          <Input maxLength={ADDRESS_LIMITS.region} autoComplete="address-level1" {...regionInput} />
        )}
      </FormField>
    </>
  );
}
