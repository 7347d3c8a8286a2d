'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import {
  acknowledgeEmergencyNoticeAction,
  addEmergencyRecipientAction,
  removeEmergencyRecipientAction,
} from '@/lib/emergency/bindings';

/** One more address told of emergency calls; the form clears once it is saved. */
export function AddRecipientForm() {
  const t = useTranslations('emergency.recipients');
  const [state, dispatch, pending] = useActionState(addEmergencyRecipientAction, {});
  return (
    <form action={dispatch} noValidate className="grid gap-2" data-testid="emergency-recipient-form">
      <FormError message={state.formError} />
      <div className="flex flex-wrap items-end gap-2">
        <FormField id="emergency-recipient-email" label={t('email')} error={state.fieldErrors?.email} className="min-w-64 flex-1">
          <Input name="email" type="email" autoComplete="email" maxLength={254} />
        </FormField>
        <Button type="submit" disabled={pending}>
          {t('add')}
        </Button>
      </div>
      {state.ok && (
        <p role="status" className="text-sm">
          {t('added')}
        </p>
      )}
    </form>
  );
}

export function RemoveRecipientButton({ id, email }: { id: string; email: string }) {
  const t = useTranslations('emergency.recipients');
  const [state, dispatch, pending] = useActionState(removeEmergencyRecipientAction, {});
  return (
    <form action={dispatch} className="inline-grid gap-1">
      <input type="hidden" name="id" value={id} />
      <FormError message={state.formError ?? state.fieldErrors?.id} />
      <Button type="submit" size="sm" variant="outline" disabled={pending} aria-label={t('removeNamed', { email })}>
        {t('remove')}
      </Button>
    </form>
  );
}

/** "I have read and accept" for the version of the notice the page shows. */
export function AcceptNoticeButton({ version }: { version: string }) {
  const t = useTranslations('emergency.notice');
  const [state, dispatch, pending] = useActionState(acknowledgeEmergencyNoticeAction, {});
  return (
    <form action={dispatch} className="grid gap-2">
      <input type="hidden" name="version" value={version} />
      <FormError message={state.formError ?? state.fieldErrors?.version} />
      {state.ok && (
        <p role="status" className="text-sm">
          {t('accepted')}
        </p>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {t('accept')}
        </Button>
      </div>
      <p className="text-sm text-muted-foreground">{t('acceptHint')}</p>
    </form>
  );
}
