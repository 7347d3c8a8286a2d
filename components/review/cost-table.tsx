import type { ReactNode } from 'react';
import {
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';

export type CostTableRow = {
  key: string;
  /** The row's data attributes, e.g. `{ 'data-line': 'office_licence' }`. */
  data: Record<`data-${string}`, string>;
  label: ReactNode;
  quantity: number;
  unit: string;
  amount: string;
};

/** One of the Review card's cost tables: line, quantity, unit price, amount, and a total row. */
export function CostTable({
  testId,
  headings,
  rows,
  total,
}: {
  testId: string;
  headings: { line: string; quantity: string; unitPrice: string; amount: string };
  rows: CostTableRow[];
  /** `line` becomes the total row's `data-line`. */
  total: { label: string; amount: string; line?: string };
}) {
  return (
    <Table data-testid={testId}>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{headings.line}</TableHead>
          <TableHead scope="col" className="text-right">
            {headings.quantity}
          </TableHead>
          <TableHead scope="col" className="text-right">
            {headings.unitPrice}
          </TableHead>
          <TableHead scope="col" className="text-right">
            {headings.amount}
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} {...row.data}>
            <TableHead scope="row" className="font-normal whitespace-normal">
              {row.label}
            </TableHead>
            <TableCell className="text-right tabular-nums">{row.quantity}</TableCell>
            <TableCell className="text-right tabular-nums">{row.unit}</TableCell>
            <TableCell className="text-right tabular-nums">{row.amount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow data-line={total.line}>
          <TableHead scope="row" colSpan={3}>
            {total.label}
          </TableHead>
          <TableCell className="text-right font-semibold tabular-nums">{total.amount}</TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}
