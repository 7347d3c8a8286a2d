'use client';

import { useRef } from 'react';

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function visible(el: Element) {
  return el instanceof HTMLElement && el.getClientRects().length > 0;
}

function focusOn(el: Element | null | undefined): boolean {
  if (!(el instanceof HTMLElement) || !el.isConnected || !visible(el)) return false;
  el.focus({ preventScroll: false });
  return document.activeElement === el;
}

/**
 * Where focus goes when a dialog or confirmation closes (WCAG 2.4.3): back to the control that
 * opened it; when the change removed that control (a deleted row), to the first control of the
 * nearest part of the page that is still there, then the main content; never to <body>, where a
 * keyboard user would start again from the top of the page.
 */
export function useReturnFocus() {
  // Set by the Radix trigger (a button); `opener` falls back to what had focus if it has no ref.
  const trigger = useRef<HTMLButtonElement | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  // The trigger's ancestors, read while it is in the page: once its row is gone they are the way back.
  const ancestors = useRef<Element[]>([]);

  const remember = () => {
    const el = trigger.current ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    opener.current = el;
    ancestors.current = [];
    for (let p = el?.parentElement; p; p = p.parentElement) ancestors.current.push(p);
  };

  const restore = () => {
    if (focusOn(opener.current)) return;
    for (const a of ancestors.current) {
      if (!a.isConnected || a === document.body) continue;
      const first = [...a.querySelectorAll(TABBABLE)].find(visible);
      if (focusOn(first)) return;
    }
    const main = document.getElementById('main');
    if (main && !main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
    focusOn(main);
  };

  /** For the dialog content's onCloseAutoFocus. */
  const onCloseAutoFocus = (event: Event) => {
    event.preventDefault();
    restore();
    // The page refreshed by the action can replace the row a moment later: check once more.
    window.setTimeout(() => {
      if (document.activeElement === document.body || !document.activeElement?.isConnected) restore();
    }, 300);
  };

  return { triggerRef: trigger, remember, onCloseAutoFocus };
}
