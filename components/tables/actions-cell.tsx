import type { ReactNode } from 'react';
import { Cell } from './cells';

/**
 * The last cell of a row: its controls, kept on one line at the row's end. Controls a table
 * reveals on hover are always shown on narrow screens and touch screens, which have no hover.
 */
export function ActionsCell({ children }: { children: ReactNode }) {
  return <Cell className="actions-cell">{children}</Cell>;
}
