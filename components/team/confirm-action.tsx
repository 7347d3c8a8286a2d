'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/auth/form-error';
import { toast } from '@/components/ui/toast';
import type { ActionState } from '@/lib/actions/run-action';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** A destructive or significant change behind a confirmation; errors stay in the dialog. */
export function ConfirmAction({
  trigger,
  title,
  description,
  confirmLabel,
  action,
  fields,
  successMessage,
  destructive = true,
}: {
  trigger: React.ReactNode;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  action: Action;
  fields: Record<string, string>;
  successMessage: string;
  destructive?: boolean;
}) {
  const t = useTranslations('common');
  const [open, setOpen] = useState(false);
  const [state, dispatch, pending] = useActionState(async (prev: ActionState, formData: FormData) => {
    const result = await action(prev, formData);
    if (result.ok) {
      toast.success(successMessage);
      setOpen(false);
    }
    return result;
  }, {});
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <form action={dispatch} className="grid gap-4">
          <AlertDialogHeader>
            <AlertDialogTitle>{title}</AlertDialogTitle>
            <AlertDialogDescription>{description}</AlertDialogDescription>
          </AlertDialogHeader>
          <FormError message={state.formError ?? Object.values(state.fieldErrors ?? {})[0]} />
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <AlertDialogFooter>
            <AlertDialogCancel type="button">{t('cancel')}</AlertDialogCancel>
            <Button type="submit" variant={destructive ? 'destructive' : 'default'} disabled={pending}>
              {confirmLabel}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
