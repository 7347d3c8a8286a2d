'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { useReturnFocus } from './return-focus';

/**
 * The dialog around an Add / Edit form: trigger, title, description, then the form. The form is
 * mounted only while the dialog is open, so each opening starts from the given values; `close`
 * is what the form calls when it is done.
 */
export function FormDialog({
  trigger,
  title,
  description,
  className,
  onOpenChange,
  children,
}: {
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  className?: string;
  /** Told of every opening and closing, for state the caller keeps beside the form. */
  onOpenChange?: (open: boolean) => void;
  children: (close: () => void) => ReactNode;
}) {
  const t = useTranslations('common');
  const [open, setOpen] = useState(false);
  const { triggerRef, remember, onCloseAutoFocus } = useReturnFocus();
  const change = (next: boolean) => {
    if (next) remember();
    setOpen(next);
    onOpenChange?.(next);
  };
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild ref={triggerRef}>
        {trigger}
      </DialogTrigger>
      <DialogContent closeLabel={t('close')} className={className} onCloseAutoFocus={onCloseAutoFocus}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {open && children(() => change(false))}
      </DialogContent>
    </Dialog>
  );
}
