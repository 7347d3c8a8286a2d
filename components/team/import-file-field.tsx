'use client';

import { FileUp } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';

/** What the picker offers; the server tells the formats apart by their bytes, not by this list. */
const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The import's file control: a labelled button in the app's language instead of the browser's
 * "Choose File" (whose text follows the browser's language, not the app's), with the chosen
 * file's name beside it. The native input stays in the page, hidden (out of the accessibility
 * tree and the tab order: the button stands for it), and does the picking.
 */
export function ImportFileField({
  file,
  error,
  onChange,
}: {
  file: File | null;
  error?: string;
  onChange: (file: File | null) => void;
}) {
  const t = useTranslations();
  const input = useRef<HTMLInputElement>(null);
  const described = ['import-file-name', 'import-file-hint', error ? 'import-file-error' : ''].filter(Boolean).join(' ');
  return (
    <div role="group" aria-labelledby="import-file-label" className="grid gap-2">
      <span id="import-file-label" className="text-sm font-medium">
        {t('import.file')}
      </span>
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="outline"
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          onClick={() => input.current?.click()}
        >
          <FileUp aria-hidden /> {t('import.chooseFile')}
        </Button>
        <span id="import-file-name" className="min-w-0 text-sm break-all" data-testid="import-file-name">
          {file ? file.name : t('import.noFile')}
        </span>
      </div>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        accept={ACCEPT}
        onChange={(event) => {
          onChange(event.target.files?.[0] ?? null);
          // Picking the same file again (after fixing it) must still count as a new choice.
          event.target.value = '';
        }}
      />
      <p id="import-file-hint" className="text-sm text-muted-foreground">
        {t('import.fileHint')}
      </p>
      {error && (
        <p id="import-file-error" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
