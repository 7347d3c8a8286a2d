'use client';

import { useTranslations } from 'next-intl';
import { FormError } from '@/components/forms/form-error';
import { Options } from '@/components/forms/options';
import { bindFields, TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { toast } from '@/components/shell/toast';
import { COUNTRY_RULES, type CountryCode } from '@/lib/countries/rules';
import { useActionForm } from '@/lib/forms/use-action-form';
import { ADDRESS_LIMITS } from '@/lib/sites/address-check';
import { saveSiteAction } from '@/lib/sites/bindings';
import { SITE_NAME_MAX, siteSchema, type SiteInput } from '@/lib/sites/schema';
import { PostalCodeAndRegion } from './region-fields';

// The Sites section's Add / Edit form: the Company card's address fields and time zone, plus a
// name. Ids are prefixed: the company form's own address fields are on the same page.

export function SiteForm({ values, onDone }: { values: SiteInput; onDone: () => void }) {
  const t = useTranslations();
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: siteSchema,
    action: saveSiteAction,
    defaultValues: values,
    onSuccess: () => {
      toast.success(t('company.sites.saved'));
      onDone();
    },
  });
  const country = values.country as CountryCode;
  const rules = COUNTRY_RULES[country];
  const field = bindFields(form, errorOf);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      <FormError message={state.formError ?? errorOf('country')} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      <input type="hidden" {...form.register('country')} />
      <TextField id="site-name" label={t('company.sites.name')} required maxLength={SITE_NAME_MAX} className="sm:col-span-2" {...field('name')} />
      <TextField
        id="site-street"
        label={t('company.street')}
        required
        maxLength={ADDRESS_LIMITS.street}
        autoComplete="street-address"
        className="sm:col-span-2"
        {...field('street')}
      />
      <TextField id="site-city" label={t('company.city')} required maxLength={ADDRESS_LIMITS.city} autoComplete="address-level2" {...field('city')} />
      <PostalCodeAndRegion country={country} postalCode={field('postalCode')} region={field('region')} idPrefix="site-" />
      <FormField id="site-timeZone" label={t('company.timeZone')} error={errorOf('timeZone')} required>
        <Select {...form.register('timeZone')}>
          <Options values={rules.timeZones} label={(zone) => zone.replace(/_/g, ' ')} />
        </Select>
      </FormField>
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
