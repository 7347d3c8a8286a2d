'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import type { ActionState } from '@/lib/actions/state';
import { FormError } from './form-error';

// Loaded on a dialog's first opening (components/forms/lazy-dialog.ts): Radix's dialog code is
// not in any card's first load.

type ShellProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (event: Event) => void;
  children: ReactNode;
};

export function FormDialogShell({
  open,
  onOpenChange,
  onCloseAutoFocus,
  title,
  description,
  className,
  children,
}: ShellProps & { title: ReactNode; description: ReactNode; className?: string }) {
  const t = useTranslations('common');
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t('close')} className={className} onCloseAutoFocus={onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {children}
      </DialogContent>
    </Dialog>
  );
}

export function ConfirmShell({ open, onOpenChange, onCloseAutoFocus, children }: ShellProps) {
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent onCloseAutoFocus={onCloseAutoFocus}>{children}</AlertDialogContent>
    </AlertDialog>
  );
}

export function ConfirmHeader({ title, description }: { title: ReactNode; description: ReactNode }) {
  return (
    <AlertDialogHeader>
      <AlertDialogTitle>{title}</AlertDialogTitle>
      <AlertDialogDescription>{description}</AlertDialogDescription>
    </AlertDialogHeader>
  );
}

export type ConfirmFooterProps = {
  state: ActionState<unknown>;
  fields: Record<string, string>;
  confirmLabel: string;
  pending: boolean;
  destructive: boolean;
};

/**
 * The end of a confirmation form: the action's error (a field error too, since the fields are
 * hidden), the hidden fields, Cancel and the confirming submit.
 */
export function ConfirmFooter({ state, fields, confirmLabel, pending, destructive }: ConfirmFooterProps) {
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
