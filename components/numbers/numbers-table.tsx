'use client';

import { ChevronsUpDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useId, useState } from 'react';
import { mapNumberAction, releaseNumberAction, setMainNumberAction } from '@/lib/numbers/bindings';
import { IconSprite } from '@/components/icons/sprite';
import { ActionsCell } from '@/components/tables/actions-cell';
import { ColumnHeaders } from '@/components/tables/column-headers';
import { SmallButton } from '@/components/shell/small-button';
import { Badge } from '@/components/ui/badge';
import { ExtensionPicker } from '@/components/forms/pickers';
import { Table, TableBody, TableCaption } from '@/components/ui/table';
import { Row, Cell, HeadCell } from '@/components/tables/cells';
import { toast } from '@/components/shell/toast';
import type { ActionState } from '@/lib/actions/state';
import { NumberChangeDialog, useNumberChange } from './number-change-confirm';
import type { NumberRowView } from './types';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** An action whose success shows a toast; the error stays next to the control. */
function useRowAction(action: Action, success: () => string) {
  return useActionState(async (prev: ActionState, formData: FormData) => {
    const result = await action(prev, formData);
    if (result.ok) toast.success(success());
    return result;
  }, {});
}

function RowError({ state, id }: { state: ActionState; id: string }) {
  const message = state.formError ?? Object.values(state.fieldErrors ?? {})[0];
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-sm text-destructive">
      {message}
    </p>
  );
}

type MapResult = { id: string; extensionId: string | null };

/** What the number rings: any extension of the company (searched on the server), or nothing. */
function MapForm({ row }: { row: NumberRowView }) {
  const t = useTranslations('numbers');
  const tc = useTranslations('consequences');
  const errorId = useId();
  // Only the current target's words come with the page; a new choice brings its own.
  const [choice, setChoice] = useState({ value: row.extensionId ?? '', label: row.extensionLabel ?? t('unassigned') });
  const [state, dispatch, pending] = useActionState(async (prev: ActionState<MapResult>, formData: FormData) => {
    const result = await mapNumberAction(prev, formData);
    if (result.ok) {
      const target = String(formData.get('extensionId') ?? '');
      toast.success(target ? t('mapped', { number: row.national, target: choice.label }) : t('unmapped', { number: row.national }));
    }
    return result;
  }, {});
  const invalid = Boolean(state.formError || state.fieldErrors);
  // Unassigning says first what it affects (the extension, the main number, the cost): its own confirmation.
  const unassign = useNumberChange(row, 'unassign', () => {
    setChoice({ value: row.extensionId ?? '', label: row.extensionLabel ?? t('unassigned') });
  });
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    const target = new FormData(e.currentTarget).get('extensionId');
    if (target === '' && row.extensionId) {
      e.preventDefault();
      unassign.start();
    }
  };
  return (
    <>
      <form action={dispatch} onSubmit={onSubmit} className="grid gap-1">
        <input type="hidden" name="id" value={row.id} />
        <div className="flex items-center gap-2">
          <ExtensionPicker
            name="extensionId"
            value={choice.value}
            valueLabel={choice.label}
            onChange={(o) => setChoice({ value: o.value, label: o.label })}
            fixed={[{ value: '', label: t('unassigned') }]}
            aria-label={t('mapTo', { number: row.national })}
            searchLabel={t('mapTo', { number: row.national })}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
            className="max-w-56 flex-1"
          />
          <SmallButton type="submit" variant="outline" disabled={pending}>
            {t('map')}
            <span className="sr-only">{` ${row.national}`}</span>
          </SmallButton>
        </div>
        <RowError state={state} id={errorId} />
      </form>
      {/* Outside the row's form: React bubbles the dialog's submit through the portal. */}
      <NumberChangeDialog
        control={unassign}
        change="unassign"
        row={row}
        title={tc('number.unassignTitle', { number: row.national })}
        confirmLabel={tc('number.unassign')}
        action={mapNumberAction as Action}
        successMessage={t('unmapped', { number: row.national })}
      />
    </>
  );
}

/** A button, not a form: a row's form costs its hidden id and React's action URL in the HTML. */
function MakeMain({ row }: { row: NumberRowView }) {
  const t = useTranslations('numbers');
  const errorId = useId();
  const [state, dispatch, pending] = useRowAction(setMainNumberAction as Action, () => t('madeMain', { number: row.national }));
  const makeMain = () => {
    const formData = new FormData();
    formData.set('id', row.id);
    startTransition(() => dispatch(formData));
  };
  return (
    <span className="inline-grid gap-1">
      <SmallButton variant="outline" disabled={pending} onClick={makeMain} aria-describedby={state.formError ? errorId : undefined}>
        {t('makeMain')}
        <span className="sr-only">{` ${row.national}`}</span>
      </SmallButton>
      <RowError state={state} id={errorId} />
    </span>
  );
}

export function NumbersTable({ rows }: { rows: NumberRowView[] }) {
  const t = useTranslations('numbers');
  return (
    <IconSprite icons={{ chevrons: ChevronsUpDown }}>
      <Table>
        <TableCaption className="sr-only">{t('tableCaption')}</TableCaption>
        <ColumnHeaders labels={[t('number'), t('type'), t('rings'), t('monthly')]} actions={t('actions')} />
        <TableBody>
          {rows.map((row) => (
            <Row key={row.id} data-number={row.national}>
              <HeadCell scope="row" className="font-medium whitespace-nowrap">
                {row.isMain ? (
                  <span className="grid justify-items-start gap-1">
                    <span>{row.national}</span>
                    <Badge variant="secondary">{t('main')}</Badge>
                  </span>
                ) : (
                  row.national
                )}
              </HeadCell>
              <Cell>
                <span className="grid">
                  <span>{row.typeLabel}</span>
                  <span className="text-sm text-muted-foreground">{row.regionName}</span>
                </span>
              </Cell>
              <Cell>
                {/* Keyed by the mapping: after any action (Map, Make main) the picker starts again from what the database says. */}
                <MapForm key={`${row.id}:${row.extensionId ?? ''}:${row.isMain}`} row={row} />
              </Cell>
              <Cell className="whitespace-nowrap">{row.priceLabel}</Cell>
              <ActionsCell>
                <span className="inline-flex flex-wrap justify-end gap-2">
                  {!row.isMain && <MakeMain row={row} />}
                  {row.isMain ? (
                    <span className="max-w-48 text-sm whitespace-normal text-muted-foreground">{t('mainCannotBeReleased')}</span>
                  ) : (
                    <ReleaseButton row={row} />
                  )}
                </span>
              </ActionsCell>
            </Row>
          ))}
        </TableBody>
      </Table>
    </IconSprite>
  );
}

function ReleaseButton({ row }: { row: NumberRowView }) {
  const t = useTranslations('numbers');
  const release = useNumberChange(row, 'release');
  return (
    <>
      <SmallButton onClick={release.start}>
        {t('release')}
        <span className="sr-only">{` ${row.national}`}</span>
      </SmallButton>
      <NumberChangeDialog
        control={release}
        change="release"
        row={row}
        title={t('releaseNamed', { number: row.national })}
        confirmLabel={t('release')}
        action={releaseNumberAction as Action}
        successMessage={t('released', { number: row.national })}
      />
    </>
  );
}
