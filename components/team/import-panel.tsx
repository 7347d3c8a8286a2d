'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { startTransition, useActionState, useState } from 'react';
import { commitImportAction, previewImportAction } from '@/lib/team/bindings';
import { FormError } from '@/components/forms/form-error';
import { ColumnHeaders } from '@/components/tables/column-headers';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Label } from '@/components/ui/label';
import { Table, TableBody, TableCell, TableRow } from '@/components/ui/table';
import { fullName } from '@/lib/format/person';

const SHOWN_ROWS = 500;

export function ImportPanel() {
  const t = useTranslations();
  const [csv, setCsv] = useState('');
  const [mode, setMode] = useState<'all_or_nothing' | 'valid_only'>('all_or_nothing');
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [preview, runPreview, previewing] = useActionState(previewImportAction, {});
  const [result, runImport, importing] = useActionState(commitImportAction, {});
  const data = preview.ok ? preview.data : undefined;
  const send = (run: (f: FormData) => void) => {
    const form = new FormData();
    form.set('csv', csv);
    form.set('mode', mode);
    startTransition(() => run(form));
  };
  const rows = (data?.rows ?? []).filter((r) => !onlyErrors || r.errors.length > 0);

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <Label htmlFor="csv-file">{t('import.file')}</Label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="csv-file-hint"
          className="text-sm file:mr-3 file:rounded-md file:border file:bg-secondary file:px-3 file:py-1.5"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            setCsv(file ? await file.text() : '');
          }}
        />
        <p id="csv-file-hint" className="text-sm text-muted-foreground">
          {t('import.fileHint')}
        </p>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 font-medium">{t('import.mode')}</legend>
        {(['all_or_nothing', 'valid_only'] as const).map((m) => (
          <label key={m} className="flex items-center gap-2">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(`import.modes.${m}`)}
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="button" variant="secondary" disabled={!csv || previewing} onClick={() => send(runPreview)}>
          {t('import.preview')}
        </Button>
      </div>
      <FormError message={preview.formError ?? Object.values(preview.fieldErrors ?? {})[0]} />

      {data && (
        <section aria-labelledby="preview-title" className="grid gap-4">
          <h2 id="preview-title" className="text-lg font-semibold">
            {t('import.previewTitle')}
          </h2>
          <p role="status">
            {t('import.summary', { valid: data.validCount, errors: data.errorCount })}
          </p>
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
                    {row.extension}{' '}
                    {row.extensionAutoAssigned && <Badge variant="outline">{t('import.auto')}</Badge>}
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
          <FormError message={result.formError} />
          {result.ok ? (
            <p role="status" className="font-medium">
              {t('import.done', { imported: result.data.imported })}{' '}
              <Link className="underline" href="/setup/team">
                {t('import.backToTeam')}
              </Link>
            </p>
          ) : (
            <div>
              <Button
                type="button"
                disabled={importing || (mode === 'all_or_nothing' && data.errorCount > 0) || data.validCount === 0}
                onClick={() => send(runImport)}
              >
                {t('import.import', { count: mode === 'all_or_nothing' ? data.rows.length : data.validCount })}
              </Button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
