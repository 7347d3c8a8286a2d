'use client';

import { useEffect } from 'react';

/** What a sighted reader sees in a column header: its text without the screen-reader-only parts. */
function visibleText(th: Element) {
  const copy = th.cloneNode(true) as Element;
  copy.querySelectorAll('.sr-only').forEach((el) => el.remove());
  return copy.textContent?.trim() ?? '';
}

function labelTable(table: HTMLTableElement) {
  const head = table.tHead?.rows[0];
  if (!head) return;
  const labels = [...head.cells].map(visibleText);
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      [...row.cells].forEach((cell, i) => {
        // The first cell names the row; a cell spanning columns (an empty state) has no one header.
        const label = i > 0 && cell.colSpan === 1 ? labels[i] : '';
        if (label) {
          if (cell.dataset.label !== label) cell.dataset.label = label;
        } else if (cell.dataset.label !== undefined) delete cell.dataset.label;
      });
    }
  }
}

/**
 * On narrow screens globals.css shows each table row as a stacked block; this gives every cell
 * its column's name (`data-label`, drawn before the value), for every table on every page, as
 * rows come and go. Mounted once, in the root layout: tables need nothing of their own.
 */
export function StackedTableLabels() {
  useEffect(() => {
    let frame = 0;
    const run = () => {
      frame = 0;
      document.querySelectorAll<HTMLTableElement>('table[data-slot="table"]').forEach(labelTable);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(run);
    };
    run();
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
  return null;
}
