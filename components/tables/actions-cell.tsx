import type { ReactNode } from 'react';
import { TableCell } from '@/components/ui/table';

/**
 * The last cell of a row: its controls, kept on one line at the row's end. Controls a table
 * reveals on hover are always shown on narrow screens and touch screens, which have no hover.
 */
export function ActionsCell({ children }: { children: ReactNode }) {
  return (
    <TableCell className="text-right whitespace-nowrap max-sm:[&_button]:opacity-100 pointer-coarse:[&_button]:opacity-100">
      {children}
    </TableCell>
  );
}
