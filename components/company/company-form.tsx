'use client';

import { useTranslations } from 'next-intl';
import { saveCompanyAction } from '@/app/(setup)/setup/company/actions';
import { FormError } from '@/components/auth/form-error';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { toast } from '@/components/ui/toast';
import { POSTAL_CODE_EXAMPLES } from '@/lib/company/address';
import { COUNTRIES, COUNTRY_RULES, LOCALES, type CountryCode } from '@/lib/company/countries';
import { companyDetailsSchema, FIELD_LIMITS, type CompanyDetailsInput } from '@/lib/company/schema';
import { useActionForm } from '@/lib/forms/use-action-form';

const EMERGENCY_CODE: Record<CountryCode, string> = { FR: '112', US: '911', CA: '911', GB: '999', BE: '112', CH: '112' };

export function CompanyForm({ values, onSaved }: { values: CompanyDetailsInput; onSaved: () => void }) {
  const t = useTranslations();
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: companyDetailsSchema,
    action: saveCompanyAction,
    defaultValues: values,
    onSuccess: () => {
      toast.success(t('common.saved'));
      onSaved();
    },
  });
  const country = (form.watch('country') ?? values.country) as CountryCode;
  const rules = COUNTRY_RULES[country];
  const countryField = form.register('country');
  const regionLabel = country === 'US' ? t('company.regionUS') : country === 'CA' ? t('company.regionCA') : t('company.region');

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6">
      <FormError message={state.formError} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t('company.general')}</legend>
        <FormField id="name" label={t('company.name')} error={errorOf('name')} required className="sm:col-span-2">
          <Input maxLength={FIELD_LIMITS.name} autoComplete="organization" {...form.register('name')} />
        </FormField>
        <FormField id="country" label={t('company.country')} error={errorOf('country')} required>
          <Select
            {...countryField}
            onChange={(event) => {
              void countryField.onChange(event);
              const next = event.target.value as CountryCode;
              form.setValue('timeZone', COUNTRY_RULES[next].defaultTimeZone);
              form.setValue('addressCountry', next);
              form.setValue('region', '');
            }}
          >
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(`countries.${c}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="timeZone" label={t('company.timeZone')} error={errorOf('timeZone')} required>
          <Select {...form.register('timeZone')}>
            {rules.timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="locale" label={t('company.locale')} error={errorOf('locale')} required>
          <Select {...form.register('locale')}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`app.languageNames.${l}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          id="extensionLength"
          label={t('company.extensionLength')}
          description={t('company.extensionLengthHint')}
          error={errorOf('extensionLength')}
          required
        >
          <Select {...form.register('extensionLength')}>
            {['3', '4'].map((d) => (
              <option key={d} value={d}>
                {t('company.extensionLengthOption', { digits: d })}
              </option>
            ))}
          </Select>
        </FormField>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t('company.emergency')}</legend>
        <p id="emergency-hint" className="text-sm text-muted-foreground sm:col-span-2">
          {t('company.emergencyHint', { code: EMERGENCY_CODE[country] })}
        </p>
        <FormField id="street" label={t('company.street')} error={errorOf('street')} required className="sm:col-span-2">
          <Input maxLength={FIELD_LIMITS.street} autoComplete="street-address" {...form.register('street')} />
        </FormField>
        <FormField id="city" label={t('company.city')} error={errorOf('city')} required>
          <Input maxLength={FIELD_LIMITS.city} autoComplete="address-level2" {...form.register('city')} />
        </FormField>
        <FormField
          id="postalCode"
          label={t('company.postalCode')}
          description={t('company.postalCodeHint', { example: POSTAL_CODE_EXAMPLES[country] })}
          error={errorOf('postalCode')}
          required
        >
          <Input autoComplete="postal-code" {...form.register('postalCode')} />
        </FormField>
        <FormField id="region" label={regionLabel} error={errorOf('region')} required={Boolean(rules.regions)}>
          {rules.regions ? (
            <Select {...form.register('region')}>
              <option value="">{t('company.regionChoose')}</option>
              {Object.entries(rules.regions).map(([code, name]) => (
                <option key={code} value={code}>
                  {name} ({code})
                </option>
              ))}
            </Select>
          ) : (
            <Input maxLength={FIELD_LIMITS.region} autoComplete="address-level1" {...form.register('region')} />
          )}
        </FormField>
        <FormField id="addressCountry" label={t('company.addressCountry')} error={errorOf('addressCountry')} required>
          <Select {...form.register('addressCountry')}>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(`countries.${c}`)}
              </option>
            ))}
          </Select>
        </FormField>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
