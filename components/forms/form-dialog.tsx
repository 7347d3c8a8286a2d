'use client';

import { useState, type ReactNode } from 'react';
import { useLazyDialog } from './lazy-dialog';
import type { LazyModule } from './lazy-module';

/**
 * The dialog around an Add / Edit form: trigger, title, description, then the form. The form is
 * mounted only while the dialog is open, so each opening starts from the given values; `close`
 * is what the form calls when it is done. `form` is the form's module, fetched on the first
 * opening with the dialog's own code.
 */
export function FormDialog({
  trigger,
  title,
  description,
  className,
  onOpenChange,
  form,
  children,
}: {
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  className?: string;
  /** Told of every opening and closing, for state the caller keeps beside the form. */
  onOpenChange?: (open: boolean) => void;
  form?: LazyModule<unknown>;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const set = (next: boolean) => {
    setOpen(next);
    onOpenChange?.(next);
  };
  const dialog = useLazyDialog(open, set, form);
  const Shell = dialog.shells?.FormDialogShell;
  return (
    <>
      {dialog.trigger(trigger)}
      {Shell && (
        <Shell
          open={open}
          onOpenChange={dialog.change}
          onCloseAutoFocus={dialog.onCloseAutoFocus}
          title={title}
          description={description}
          className={className}
        >
          {open && children(() => set(false))}
        </Shell>
      )}
    </>
  );
}
