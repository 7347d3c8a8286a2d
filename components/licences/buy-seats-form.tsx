'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buySeatsAction } from '@/lib/licences/bindings';
import { FormError } from '@/components/forms/form-error';
import { bindFields, TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/shell/toast';
import { useActionForm } from '@/lib/forms/use-action-form';
import { buySeatsSchema } from '@/lib/licences/schema';

/** The key stays the same across double clicks and retries of one purchase; a new one after success. */
export function BuySeatsForm({ priceLabel }: { priceLabel: string }) {
  const t = useTranslations();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: buySeatsSchema,
    action: buySeatsAction,
    defaultValues: { quantity: 1, idempotencyKey: key },
    onSuccess: () => {
      toast.success(t('licences.seatsBought'));
      const next = crypto.randomUUID();
      setKey(next);
      form.reset({ quantity: 1, idempotencyKey: next });
    },
  });
  const field = bindFields(form, errorOf);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3">
      <FormError message={state.formError} />
      <input type="hidden" {...form.register('idempotencyKey')} />
      <TextField
        label={t('licences.quantity')}
        description={t('licences.unitPrice', { price: priceLabel })}
        type="number"
        min={1}
        max={500}
        inputMode="numeric"
        inputClassName="w-32"
        {...field('quantity')}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {t('licences.buySeats')}
        </Button>
      </div>
    </form>
  );
}
