'use client';

import { useTranslations } from 'next-intl';
import { signInAction } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { signInSchema } from '@/lib/auth/schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import { FormError } from './form-error';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: signInSchema,
    action: signInAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={state.formError} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField id="email" label={t('email')} error={errorOf('email')} required>
        <Input type="email" autoComplete="username" {...form.register('email')} />
      </FormField>
      <FormField id="password" label={t('password')} error={errorOf('password')} required>
        <Input type="password" autoComplete="current-password" {...form.register('password')} />
      </FormField>
      <Button type="submit" disabled={pending}>
        {t('signIn')}
      </Button>
    </form>
  );
}
