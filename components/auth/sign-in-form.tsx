'use client';

import { useTranslations } from 'next-intl';
import { signInAction } from '@/lib/auth/bindings';
import { FormError } from '@/components/forms/form-error';
import { bindFields, TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { signInSchema } from '@/lib/auth/schema';
import { useActionForm } from '@/lib/forms/use-action-form';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('auth');
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: signInSchema,
    action: signInAction,
  });
  const field = bindFields(form, errorOf);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={state.formError} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label={t('email')} required type="email" autoComplete="username" {...field('email')} />
      <TextField label={t('password')} required type="password" autoComplete="current-password" {...field('password')} />
      <Button type="submit" disabled={pending}>
        {t('signIn')}
      </Button>
    </form>
  );
}
