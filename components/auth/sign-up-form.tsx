'use client';

import { useTranslations } from 'next-intl';
import { signUpAction } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { signUpSchema } from '@/lib/auth/schema';
import { COUNTRIES } from '@/lib/company/countries';
import { useActionForm } from '@/lib/forms/use-action-form';
import { FormError } from './form-error';

export function SignUpForm() {
  const t = useTranslations();
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: signUpSchema,
    action: signUpAction,
    defaultValues: { country: 'FR', officeSeats: 5 },
  });
  const text = (name: 'firstName' | 'lastName' | 'companyName', autoComplete: string) => (
    <FormField id={name} label={t(`auth.${name}`)} error={errorOf(name)} required>
      <Input autoComplete={autoComplete} {...form.register(name)} />
    </FormField>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={state.formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        {text('firstName', 'given-name')}
        {text('lastName', 'family-name')}
      </div>
      <FormField id="email" label={t('auth.email')} error={errorOf('email')} required>
        <Input type="email" autoComplete="email" {...form.register('email')} />
      </FormField>
      <FormField
        id="password"
        label={t('auth.password')}
        description={t('auth.passwordHint')}
        error={errorOf('password')}
        required
      >
        <Input type="password" autoComplete="new-password" {...form.register('password')} />
      </FormField>
      {text('companyName', 'organization')}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="country" label={t('auth.country')} error={errorOf('country')} required>
          <Select {...form.register('country')}>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(`countries.${c}`)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField
          id="officeSeats"
          label={t('auth.officeSeats')}
          description={t('auth.officeSeatsHint')}
          error={errorOf('officeSeats')}
        >
          <Input type="number" min={1} max={1000} inputMode="numeric" {...form.register('officeSeats')} />
        </FormField>
      </div>
      <Button type="submit" disabled={pending}>
        {t('auth.signUp')}
      </Button>
    </form>
  );
}
