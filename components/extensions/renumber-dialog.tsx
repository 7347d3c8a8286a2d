'use client';

import { Hash } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { renumberExtensionAction } from '@/app/(setup)/setup/extensions/actions';
import { FormError } from '@/components/auth/form-error';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { renumberSchema } from '@/lib/extensions/schema';
import { useActionForm } from '@/lib/forms/use-action-form';

/** Change extension: any type. Everything that points at the extension keeps pointing at it. */
export function RenumberDialog({ id, name, number }: { id: string; name: string; number: string }) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={t('extensions.renumberNamed', { name })}>
          <Hash aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')}>
        <DialogHeader>
          <DialogTitle>{t('extensions.renumberNamed', { name })}</DialogTitle>
          <DialogDescription>{t('extensions.renumberDescription', { number })}</DialogDescription>
        </DialogHeader>
        {open && <RenumberForm id={id} number={number} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function RenumberForm({ id, number, onDone }: { id: string; number: string; onDone: () => void }) {
  const t = useTranslations();
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: renumberSchema,
    action: renumberExtensionAction,
    defaultValues: { id, extension: number },
    onSuccess: () => {
      toast.success(t('extensions.renumbered'));
      onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={state.formError} />
      <input type="hidden" {...form.register('id')} />
      <FormField id="renumber-extension" label={t('extensions.newExtension')} error={errorOf('extension')} required>
        <Input inputMode="numeric" autoComplete="off" {...form.register('extension')} />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
