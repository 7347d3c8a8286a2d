'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ColumnHeaders } from '@/components/tables/column-headers';
import { Badge } from '@/components/ui/badge';
import { Checkbox } from '@/components/ui/checkbox';
import { Table, TableBody, TableCell, TableRow } from '@/components/ui/table';
import { fullName } from '@/lib/format/person';
import type { ImportPreview } from '@/lib/team/import-preview';

/** A 5,000-row file would make a slow page: the first rows are enough to see what is wrong. */
const SHOWN_ROWS = 500;

/** Every row of the previewed file with its problems, optionally only those with problems. */
export function ImportPreviewTable({ data }: { data: ImportPreview }) {
  const t = useTranslations();
  const [onlyErrors, setOnlyErrors] = useState(false);
  const rows = data.rows.filter((r) => !onlyErrors || r.errors.length > 0);
  return (
    <>
      <label className="flex items-center gap-2 text-sm">
        <Checkbox checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} />
        {t('import.onlyErrors')}
      </label>
      <Table scrollLabel={t('import.previewTitle')}>
        <ColumnHeaders
          labels={[t('import.line'), t('team.name'), t('auth.email'), t('team.licence'), t('team.extension'), t('import.problems')]}
        />
        <TableBody>
          {rows.slice(0, SHOWN_ROWS).map((row) => (
            <TableRow key={row.line} data-line={row.line} data-invalid={row.errors.length > 0 || undefined}>
              <TableCell>{row.line}</TableCell>
              <TableCell>{fullName(row)}</TableCell>
              <TableCell>{row.email}</TableCell>
              <TableCell>{row.licence ? t(`team.licences.${row.licence}`) : ''}</TableCell>
              <TableCell>
                {row.extension} {row.extensionAutoAssigned && <Badge variant="outline">{t('import.auto')}</Badge>}
              </TableCell>
              <TableCell>
                {row.errors.length === 0 ? (
                  <span>{t('import.ok')}</span>
                ) : (
                  <ul className="text-destructive">
                    {row.errors.map((e, i) => (
                      <li key={i}>{t(e.key, e.params)}</li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {rows.length > SHOWN_ROWS && <p className="text-sm">{t('import.truncated', { shown: SHOWN_ROWS, total: rows.length })}</p>}
    </>
  );
}
