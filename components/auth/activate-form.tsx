'use client';

import { useTranslations } from 'next-intl';
import { activateAction } from '@/app/(auth)/activate/actions';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { activationSchema } from '@/lib/auth/activation-schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import { FormError } from './form-error';

/** The set-password form of an activation link: the sign-up password rules, checked on both sides. */
export function ActivateForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations();
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: activationSchema,
    action: activateAction,
    defaultValues: { token },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={state.formError} />
      <input type="hidden" {...form.register('token')} />
      {/* Lets password managers store the new password with the right account. */}
      <FormField id="email" label={t('activate.email')}>
        <Input type="email" autoComplete="username" value={email} readOnly />
      </FormField>
      <FormField
        id="password"
        label={t('activate.password')}
        description={t('auth.passwordHint')}
        error={errorOf('password')}
        required
      >
        <Input type="password" autoComplete="new-password" {...form.register('password')} />
      </FormField>
      <Button type="submit" disabled={pending}>
        {t('activate.submit')}
      </Button>
    </form>
  );
}
