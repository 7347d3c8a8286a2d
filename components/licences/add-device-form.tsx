'use client';

import { useTranslations } from 'next-intl';
import { addDeviceAction } from '@/lib/team/bindings';
import { FormError } from '@/components/forms/form-error';
import { bindFields, TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { useActionForm } from '@/lib/forms/use-action-form';
import { deviceSchema } from '@/lib/team/schema';

// The form starts empty and empties again after each device, ready for the next one.
const EMPTY = { model: '', mac: '' };

export function AddDeviceForm() {
  const t = useTranslations('licences');
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: deviceSchema,
    action: addDeviceAction,
    defaultValues: EMPTY,
    onSuccess: () => {
      form.reset(EMPTY);
      toast.success(t('deviceAdded'));
    },
  });
  const field = bindFields(form, errorOf);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
      <FormError message={state.formError} />
      <TextField label={t('model')} required {...field('model')} />
      <TextField label={t('mac')} description={t('macHint')} required autoComplete="off" {...field('mac')} />
      <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-7">
        {t('addDevice')}
      </Button>
    </form>
  );
}
