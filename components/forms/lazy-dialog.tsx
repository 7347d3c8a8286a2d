'use client';

import { Slot } from 'radix-ui';
import { useRef, useState, type ReactNode } from 'react';
import { lazyModule, preloadAll, type LazyModule } from './lazy-module';
import { useReturnFocus } from './return-focus';

export const dialogShells = lazyModule(() => import('./dialog-shells'));

/**
 * A dialog whose code arrives on its first opening. The trigger is the caller's button, given
 * the attributes a Radix trigger would have; opening waits for the shells and for `preload` (the
 * form inside), then shows. Focus comes back as with any dialog (useReturnFocus).
 */
export function useLazyDialog(open: boolean, onOpenChange: (open: boolean) => void, preload?: LazyModule<unknown>) {
  const { triggerRef, remember, onCloseAutoFocus } = useReturnFocus();
  // Set by this dialog's own first opening: a page of rows does not mount a closed Radix dialog
  // in every row once another dialog has loaded the shells.
  const [ready, setReady] = useState(false);
  const opening = useRef(false);
  const show = () => {
    if (opening.current) return;
    opening.current = true;
    remember();
    preloadAll(dialogShells, preload)
      .then(() => {
        setReady(true);
        onOpenChange(true);
      })
      .catch(() => undefined)
      .finally(() => (opening.current = false));
  };
  const change = (next: boolean) => (next ? show() : onOpenChange(false));
  const shells = ready ? dialogShells.get() : undefined;
  const trigger = (child: ReactNode) => (
    <Slot.Root ref={triggerRef} aria-haspopup="dialog" aria-expanded={open} data-state={open ? 'open' : 'closed'} onClick={show}>
      {child}
    </Slot.Root>
  );
  return { shells, change, trigger, onCloseAutoFocus };
}
