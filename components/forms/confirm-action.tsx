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
import { toast } from '@/components/ui/toast';
import type { ActionState, FormAction } from '@/lib/actions/state';
import { FormError } from './form-error';
import { useReturnFocus } from './return-focus';

type Action = FormAction;

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
    <ConfirmDialog trigger={trigger} open={open} onOpenChange={setOpen}>
      <form action={dispatch} className="grid gap-4">
        <ConfirmHeader title={title} description={description} />
        <ConfirmFooter state={state} fields={fields} confirmLabel={confirmLabel} pending={pending} destructive={destructive} />
      </form>
    </ConfirmDialog>
  );
}

/** The alert dialog around a confirmation, opened by `trigger`; the caller keeps `open` to close it on success. */
export function ConfirmDialog({
  trigger,
  open,
  onOpenChange,
  children,
}: {
  trigger: React.ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: React.ReactNode;
}) {
  const { triggerRef, remember, onCloseAutoFocus } = useReturnFocus();
  const change = (next: boolean) => {
    if (next) remember();
    onOpenChange(next);
  };
  return (
    <AlertDialog open={open} onOpenChange={change}>
      <AlertDialogTrigger asChild ref={triggerRef}>
        {trigger}
      </AlertDialogTrigger>
      <AlertDialogContent onCloseAutoFocus={onCloseAutoFocus}>{children}</AlertDialogContent>
    </AlertDialog>
  );
}

export function ConfirmHeader({ title, description }: { title: React.ReactNode; description: React.ReactNode }) {
  return (
    <AlertDialogHeader>
      <AlertDialogTitle>{title}</AlertDialogTitle>
      <AlertDialogDescription>{description}</AlertDialogDescription>
    </AlertDialogHeader>
  );
}

/**
 * The end of a confirmation form: the action's error (a field error too, since the fields are
 * hidden), the hidden fields, Cancel and the confirming submit.
 */
export function ConfirmFooter({
  state,
  fields,
  confirmLabel,
  pending,
  destructive,
}: {
  state: ActionState<unknown>;
  fields: Record<string, string>;
  confirmLabel: string;
  pending: boolean;
  destructive: boolean;
}) {
  const t = useTranslations('common');
  return (
    <>
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
    </>
  );
}
