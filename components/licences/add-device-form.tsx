'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { addDeviceAction } from '@/lib/team/bindings';
import { FormError } from '@/components/forms/form-error';
import { useUserSearch } from '@/components/forms/pickers';
import { ServerCombobox } from '@/components/forms/server-combobox';
import { bindFields, TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { toast } from '@/components/shell/toast';
import { useActionForm } from '@/lib/forms/use-action-form';
import { deviceSchema } from '@/lib/team/schema';

// The form starts empty and empties again after each device, ready for the next one.
const EMPTY = { model: '', mac: '', userId: '' };

/** Adds a desk phone to the inventory, optionally straight to an Office user found by search. */
export function AddDeviceForm() {
  const t = useTranslations('licences');
  const tp = useTranslations('picker');
  const nobody = { value: '', label: tp('ownerNone') };
  const [owner, setOwner] = useState(nobody);
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: deviceSchema,
    action: addDeviceAction,
    defaultValues: EMPTY,
    onSuccess: () => {
      form.reset(EMPTY);
      setOwner(nobody);
      toast.success(t('deviceAdded'));
    },
  });
  // Office users only: a Free licence has no desk phone. One who already holds one says so.
  const search = useUserSearch('office', (u) => ({
    value: u.id,
    label: u.extension ? `${u.name} (${u.extension})` : u.name,
    hint: u.deskPhone ? tp('deskPhone', { model: u.deskPhone }) : u.email,
  }));
  const field = bindFields(form, errorOf);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-start">
      <FormError message={state.formError} />
      <TextField label={t('model')} required {...field('model')} />
      <TextField label={t('mac')} description={t('macHint')} required autoComplete="off" {...field('mac')} />
      <FormField id="device-owner" label={tp('owner')} error={errorOf('userId')}>
        <ServerCombobox
          name="userId"
          value={owner.value}
          valueLabel={owner.label}
          onChange={(o) => {
            setOwner({ value: o.value, label: o.label });
            form.setValue('userId', o.value);
          }}
          search={search}
          fixed={[nobody]}
          placeholder={tp('ownerNone')}
          searchLabel={tp('owner')}
          className="w-full"
        />
      </FormField>
      <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-7">
        {t('addDevice')}
      </Button>
    </form>
  );
}
