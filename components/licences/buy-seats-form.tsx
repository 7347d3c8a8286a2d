'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buySeatsAction } from '@/app/(setup)/setup/licences/actions';
import { FormError } from '@/components/auth/form-error';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { useActionForm } from '@/lib/forms/use-action-form';
import { buySeatsSchema } from '@/lib/team/schema';

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
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3">
      <FormError message={state.formError} />
      <input type="hidden" {...form.register('idempotencyKey')} />
      <FormField
        id="quantity"
        label={t('licences.quantity')}
        description={t('licences.unitPrice', { price: priceLabel })}
        error={errorOf('quantity')}
      >
        <Input type="number" min={1} max={500} inputMode="numeric" className="w-32" {...form.register('quantity')} />
      </FormField>
      <div>
        <Button type="submit" disabled={pending}>
          {t('licences.buySeats')}
        </Button>
      </div>
    </form>
  );
}
