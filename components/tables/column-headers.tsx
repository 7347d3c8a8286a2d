import { TableHead, TableHeader, TableRow } from '@/components/ui/table';

/**
 * A table's header row: one column header per label and, when the rows end with controls, a last
 * header that only screen readers read, so every cell of that column still has a header.
 */
export function ColumnHeaders({ labels, actions }: { labels: string[]; actions?: string }) {
  return (
    <TableHeader>
      <TableRow>
        {labels.map((label) => (
          <TableHead key={label} scope="col">
            {label}
          </TableHead>
        ))}
        {actions && (
          <TableHead scope="col">
            <span className="sr-only">{actions}</span>
          </TableHead>
        )}
      </TableRow>
    </TableHeader>
  );
}
