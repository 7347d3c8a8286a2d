'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { saveAndContinueCompanyAction, saveCompanyAction } from '@/lib/company/bindings';
import { CountrySelect } from '@/components/forms/country-select';
import { FormError } from '@/components/forms/form-error';
import { Options } from '@/components/forms/options';
import { bindFields, TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { toast } from '@/components/shell/toast';
import { COUNTRY_RULES, type CountryCode } from '@/lib/countries/rules';
import { LOCALES } from '@/lib/i18n/locales';
import { companyDetailsSchema, FIELD_LIMITS, type CompanyDetailsInput } from '@/lib/company/schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import type { ActionState } from '@/lib/actions/state';
import { nextCardPath } from '@/lib/setup/paths';
import { PostalCodeAndRegion } from './region-fields';

const EMERGENCY_CODE: Record<CountryCode, string> = { FR: '112', US: '911', CA: '911', GB: '999', BE: '112', CH: '112' };

export function CompanyForm({ values, onSaved }: { values: CompanyDetailsInput; onSaved: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  // Which submit button was pressed: "Save and continue" saves and verifies in one action.
  const andContinue = useRef(false);
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: companyDetailsSchema,
    // Navigating here, not in onSuccess: the verified card replaces this form before its effects run.
    action: async (prev: ActionState<void>, data: FormData) => {
      if (!andContinue.current) return saveCompanyAction(prev, data);
      const result = await saveAndContinueCompanyAction(prev, data);
      if (result.ok) {
        toast.success(t('common.saved'));
        router.push(nextCardPath('company'));
      }
      return result;
    },
    defaultValues: values,
    onSuccess: () => {
      if (andContinue.current) return;
      toast.success(t('common.saved'));
      onSaved();
    },
  });
  const country = (form.watch('country') ?? values.country) as CountryCode;
  const rules = COUNTRY_RULES[country];
  const countryField = form.register('country');
  const field = bindFields(form, errorOf);
  // The free-text fields, capped at the schema's limits and filled by the browser's autofill.
  const text = (name: 'name' | 'street' | 'city', autoComplete: string, className?: string) => (
    <TextField
      label={t(`company.${name}`)}
      required
      className={className}
      maxLength={FIELD_LIMITS[name]}
      autoComplete={autoComplete}
      {...field(name)}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6">
      <FormError message={state.formError} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t('company.general')}</legend>
        {text('name', 'organization', 'sm:col-span-2')}
        <FormField id="country" label={t('company.country')} error={errorOf('country')} required>
          <CountrySelect
            {...countryField}
            onChange={(event) => {
              void countryField.onChange(event);
              const next = event.target.value as CountryCode;
              form.setValue('timeZone', COUNTRY_RULES[next].defaultTimeZone);
              form.setValue('addressCountry', next);
              form.setValue('region', '');
            }}
          />
        </FormField>
        <FormField id="timeZone" label={t('company.timeZone')} error={errorOf('timeZone')} required>
          <Select {...form.register('timeZone')}>
            <Options values={rules.timeZones} label={(zone) => zone.replace(/_/g, ' ')} />
          </Select>
        </FormField>
        <FormField id="locale" label={t('company.locale')} error={errorOf('locale')} required>
          <Select {...form.register('locale')}>
            <Options values={LOCALES} label={(l) => t(`app.languageNames.${l}`)} />
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
            <Options values={['3', '4']} label={(digits) => t('company.extensionLengthOption', { digits })} />
          </Select>
        </FormField>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t('company.emergency')}</legend>
        <p id="emergency-hint" className="text-sm text-muted-foreground sm:col-span-2">
          {t('company.emergencyHint', { code: EMERGENCY_CODE[country] })}
        </p>
        {text('street', 'street-address', 'sm:col-span-2')}
        {text('city', 'address-level2')}
        <PostalCodeAndRegion country={country} postalCode={field('postalCode')} region={field('region')} />
        <FormField id="addressCountry" label={t('company.addressCountry')} error={errorOf('addressCountry')} required>
          <CountrySelect {...form.register('addressCountry')} />
        </FormField>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} onClick={() => (andContinue.current = true)}>
          {t('flow.saveAndContinue')}
        </Button>
        <Button type="submit" variant="outline" disabled={pending} onClick={() => (andContinue.current = false)}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
