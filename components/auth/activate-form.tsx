'use client';

import { useTranslations } from 'next-intl';
import { activateAction } from '@/lib/auth/bindings';
import { FormError } from '@/components/forms/form-error';
import { bindFields, TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { activationSchema } from '@/lib/auth/activation-schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import { NewPasswordField } from './new-password-field';

/** The set-password form of an activation link: the sign-up password rules, checked on both sides. */
export function ActivateForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations();
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: activationSchema,
    action: activateAction,
    defaultValues: { token },
  });
  const field = bindFields(form, errorOf);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {/* The token is a hidden field: a problem with it is the link's, said at the top. */}
      <FormError message={state.formError ?? state.fieldErrors?.token} />
      <input type="hidden" {...form.register('token')} />
      {/* Lets password managers store the new password with the right account. */}
      <TextField id="email" label={t('activate.email')} type="email" autoComplete="username" value={email} readOnly />
      <NewPasswordField label={t('activate.password')} {...field('password')} />
      <Button type="submit" disabled={pending}>
        {t('activate.submit')}
      </Button>
    </form>
  );
}
