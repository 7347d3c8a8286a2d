import type { ReactNode } from 'react';
import { TableCell } from '@/components/ui/table';

/** The last cell of a row: its controls, kept on one line at the row's end. */
export function ActionsCell({ children }: { children: ReactNode }) {
  return <TableCell className="text-right whitespace-nowrap">{children}</TableCell>;
}
