'use client';

import { useTranslations } from 'next-intl';
import { signUpAction } from '@/lib/auth/bindings';
import { CountrySelect } from '@/components/forms/country-select';
import { FormError } from '@/components/forms/form-error';
import { bindFields, TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { signUpSchema } from '@/lib/auth/schema';
import { SEATS_AT_SIGN_UP_MAX } from '@/lib/licences/schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import { NewPasswordField } from './new-password-field';

export function SignUpForm() {
  const t = useTranslations();
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: signUpSchema,
    action: signUpAction,
    defaultValues: { country: 'FR', officeSeats: 5 },
  });
  const field = bindFields(form, errorOf);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={state.formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('auth.firstName')} required autoComplete="given-name" {...field('firstName')} />
        <TextField label={t('auth.lastName')} required autoComplete="family-name" {...field('lastName')} />
      </div>
      <TextField label={t('auth.email')} required type="email" autoComplete="email" {...field('email')} />
      <NewPasswordField label={t('auth.password')} {...field('password')} />
      <TextField label={t('auth.companyName')} required autoComplete="organization" {...field('companyName')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="country" label={t('auth.country')} error={errorOf('country')} required>
          <CountrySelect {...form.register('country')} />
        </FormField>
        <TextField
          label={t('auth.officeSeats')}
          description={t('auth.officeSeatsHint', { max: SEATS_AT_SIGN_UP_MAX })}
          type="number"
          min={1}
          max={SEATS_AT_SIGN_UP_MAX}
          inputMode="numeric"
          {...field('officeSeats')}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {t('auth.signUp')}
      </Button>
    </form>
  );
}
