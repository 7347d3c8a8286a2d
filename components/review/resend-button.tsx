'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { resendActivationAction } from '@/lib/mail/bindings';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';

/** A new activation link for someone whose link expired or got lost. */
export function ResendButton({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations('outbox');
  const [state, dispatch, pending] = useActionState(resendActivationAction, {});
  return (
    <form action={dispatch} className="grid gap-2">
      <input type="hidden" name="userId" value={userId} />
      <FormError message={state.formError ?? state.fieldErrors?.userId} />
      {state.ok && (
        <p role="status" className="text-sm">
          {t('resent')}
        </p>
      )}
      <div>
        <Button type="submit" size="sm" variant="outline" disabled={pending} aria-label={t('resendNamed', { name })}>
          {t('resend')}
        </Button>
      </div>
    </form>
  );
}
