'use client';

import { useActionState, useState } from 'react';
import { toast } from '@/components/shell/toast';
import type { ActionState, FormAction } from '@/lib/actions/state';
import type { ConfirmFooterProps } from './dialog-shells';
import { dialogShells, useLazyDialog } from './lazy-dialog';

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
  const dialog = useLazyDialog(open, onOpenChange);
  const Shell = dialog.shells?.ConfirmShell;
  return (
    <>
      {dialog.trigger(trigger)}
      {Shell && (
        <Shell open={open} onOpenChange={dialog.change} onCloseAutoFocus={dialog.onCloseAutoFocus}>
          {children}
        </Shell>
      )}
    </>
  );
}

// Rendered only inside an open shell, so the shells module is there.
export function ConfirmHeader(props: { title: React.ReactNode; description: React.ReactNode }) {
  const Header = dialogShells.get()?.ConfirmHeader;
  return Header ? <Header {...props} /> : null;
}

export function ConfirmFooter(props: ConfirmFooterProps) {
  const Footer = dialogShells.get()?.ConfirmFooter;
  return Footer ? <Footer {...props} /> : null;
}
