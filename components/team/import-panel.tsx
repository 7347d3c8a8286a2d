'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { commitImportAction, previewImportAction } from '@/lib/team/bindings';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/actions/state';
import type { ImportPreview } from '@/lib/team/import-preview';
import { IMPORT_MAX_BYTES, type ImportMode } from '@/lib/team/choices';
import { ImportFileField } from './import-file-field';
import { ImportPreviewTable } from './import-preview-table';

/** An action's state with the file it was about: a newer choice of file hides older results. */
type ForFile<R> = { state: ActionState<R>; file?: File };

function forFile<R>(action: (prev: ActionState<R>, form: FormData) => Promise<ActionState<R>>) {
  return async (_prev: ForFile<R>, form: FormData): Promise<ForFile<R>> => ({
    state: await action({}, form),
    file: form.get('file') as File,
  });
}

const previewForFile = forFile(previewImportAction);
const importForFile = forFile(commitImportAction);

export function ImportPanel() {
  const t = useTranslations();
  const [file, setFile] = useState<File | null>(null);
  const [preview, runPreview, previewing] = useActionState(previewForFile, { state: {} });
  const [result, runImport, importing] = useActionState(importForFile, { state: {} });
  const status = useRef<HTMLDivElement>(null);

  // Checked here first: a file over the limit never leaves the browser (lib/team/schema.ts).
  const sizeError =
    file && file.size > IMPORT_MAX_BYTES ? t('errors.importTooLarge') : file?.size === 0 ? t('errors.importEmpty') : undefined;
  const previewed = file && preview.file === file ? preview.state : undefined;
  const imported = file && result.file === file ? result.state : undefined;
  const data = previewed?.ok ? previewed.data : undefined;
  const done = imported?.ok ? imported.data : undefined;

  // After Preview and after Import, focus goes to what they produced (WCAG 2.4.3), never to <body>.
  useEffect(() => {
    if (preview.state.ok) status.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (result.state.ok) status.current?.focus();
  }, [result]);

  const send = (run: (form: FormData) => void, mode: ImportMode) => {
    if (!file) return;
    const form = new FormData();
    form.set('file', file);
    form.set('mode', mode);
    startTransition(() => run(form));
  };

  let statusText = '';
  if (previewing) statusText = t('import.checking');
  else if (importing) statusText = t('import.importing');
  else if (done && done.skipped > 0) statusText = t('import.doneSkipped', { imported: done.imported, skipped: done.skipped });
  else if (done) statusText = t('import.done', { imported: done.imported });
  else if (data) statusText = t('import.summary', { valid: data.validCount, errors: data.errorCount });

  return (
    <div className="grid gap-6">
      <ImportFileField file={file} error={sizeError ?? previewed?.fieldErrors?.file} onChange={setFile} />
      <div>
        <Button
          type="button"
          variant="secondary"
          disabled={!file || !!sizeError || previewing}
          onClick={() => send(runPreview, 'valid_only')}
        >
          {t('import.preview')}
        </Button>
      </div>
      {/* The one live region: in the page from the start, so each new result in it is read out. */}
      <div ref={status} tabIndex={-1} role="status" className="font-medium" data-testid="import-status">
        {statusText}
        {done && !importing && (
          <>
            {' '}
            <Link className="underline" href="/setup/team">
              {t('import.backToTeam')}
            </Link>
          </>
        )}
      </div>
      <FormError message={previewed?.formError ?? imported?.formError} />

      {data && (
        <section aria-labelledby="preview-title" className="grid gap-4">
          <h2 id="preview-title" className="text-lg font-semibold">
            {t('import.previewTitle')}
          </h2>
          {!done && <ImportChoices data={data} importing={importing} onImport={(mode) => send(runImport, mode)} />}
          <ImportPreviewTable data={data} />
        </section>
      )}
    </div>
  );
}

/**
 * What can be imported from the previewed file: everything when it has no error; otherwise the
 * whole file is refused (all or nothing, with the reason said beside the disabled button) and
 * the valid rows can be imported alone; with no valid row, only the reason.
 */
function ImportChoices({
  data,
  importing,
  onImport,
}: {
  data: ImportPreview;
  importing: boolean;
  onImport: (mode: ImportMode) => void;
}) {
  const t = useTranslations();
  if (data.validCount === 0) return <p>{t('import.noneValid', { total: data.rows.length })}</p>;
  if (data.errorCount === 0) {
    return (
      <div>
        <Button type="button" disabled={importing} onClick={() => onImport('all_or_nothing')}>
          {t('import.import', { count: data.validCount })}
        </Button>
      </div>
    );
  }
  return (
    <div className="grid gap-3">
      <p id="import-all-blocked">{t('import.allBlocked', { errors: data.errorCount, valid: data.validCount })}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" disabled aria-describedby="import-all-blocked">
          {t('import.importAll', { count: data.rows.length })}
        </Button>
        <Button type="button" disabled={importing} onClick={() => onImport('valid_only')}>
          {t('import.importValid', { count: data.validCount })}
        </Button>
      </div>
    </div>
  );
}
