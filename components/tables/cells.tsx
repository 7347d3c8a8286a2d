import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils';

/*
 * Body rows and cells of the paginated tables (Team, Licences, Extensions, Phone numbers): the
 * look of components/ui/table.tsx's TableRow and TableCell through one short class each (`row`,
 * `cell` in app/globals.css) and no data-slot (nothing selects it), since a 50-row page repeats a
 * cell's attributes hundreds of times.
 */
export function Row({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={cn('row', className)} {...props} />;
}

export function Cell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('cell', className)} {...props} />;
}

/** A row's header cell (`scope="row"`): TableHead's look through `head-cell`. */
export function HeadCell({ className, ...props }: ComponentProps<'th'>) {
  return <th className={cn('head-cell', className)} {...props} />;
}
