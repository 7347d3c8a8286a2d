'use client';

import { useTranslations } from 'next-intl';
import { addDeviceAction } from '@/app/(setup)/setup/licences/actions';
import { FormError } from '@/components/auth/form-error';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { useActionForm } from '@/lib/forms/use-action-form';
import { deviceSchema } from '@/lib/team/schema';

export function AddDeviceForm() {
  const t = useTranslations();
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: deviceSchema,
    action: addDeviceAction,
    defaultValues: { model: '', mac: '' },
    onSuccess: () => {
      toast.success(t('licences.deviceAdded'));
      form.reset({ model: '', mac: '' });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
      <FormError message={state.formError} />
      <FormField id="model" label={t('licences.model')} error={errorOf('model')} required>
        <Input {...form.register('model')} />
      </FormField>
      <FormField id="mac" label={t('licences.mac')} description={t('licences.macHint')} error={errorOf('mac')} required>
        <Input autoComplete="off" {...form.register('mac')} />
      </FormField>
      <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-7">
        {t('licences.addDevice')}
      </Button>
    </form>
  );
}
