'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { ConfirmFooter, ConfirmHeader } from '@/components/forms/confirm-action';
import { FormError } from '@/components/forms/form-error';
import { dialogShells } from '@/components/forms/lazy-dialog';
import { toast } from '@/components/shell/toast';
import type { ActionState, FormAction } from '@/lib/actions/state';
import type { NumberChangeImpact, NumberCost } from '@/lib/numbers/change-impact';
import { numberChangeImpactAction } from '@/lib/numbers/bindings';
import { formatMoney } from '@/lib/prices/money';
import type { NumberRowView } from './types';

type Change = 'unassign' | 'release';

/**
 * The tab's confirmation for releasing or unassigning one number: it reads (without writing)
 * what the change affects, the extension it rang, the main number, the monthly cost before and
 * after, and only Confirm sends the change. The caller opens it (a trigger, or the Apply of an
 * "Unassigned" select) with `start`.
 */
export function useNumberChange(row: NumberRowView, change: Change, onCancel?: () => void) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<ActionState<NumberChangeImpact> | null>(null);
  const start = () => {
    setLoaded(null);
    void numberChangeImpactAction({ id: row.id, change }).then(setLoaded, () => setLoaded({ formError: '' }));
    // The dialog's code comes with the first confirmation (issue 15: not in the tab's first load).
    void dialogShells.load().then(() => setOpen(true), () => onCancel?.());
  };
  // Closed without confirming (Cancel, Escape): the caller puts its controls back as they were.
  const cancel = (next: boolean) => {
    setOpen(next);
    if (!next) onCancel?.();
  };
  return { open, setOpen, cancel, loaded, start };
}

export function NumberChangeDialog({
  control,
  change,
  row,
  title,
  confirmLabel,
  action,
  successMessage,
}: {
  control: ReturnType<typeof useNumberChange>;
  change: Change;
  row: NumberRowView;
  title: string;
  confirmLabel: string;
  action: FormAction;
  successMessage: string;
}) {
  const t = useTranslations('consequences');
  const { open, setOpen, cancel, loaded } = control;
  const [state, dispatch, pending] = useActionState(async (prev: ActionState, formData: FormData) => {
    const result = await action(prev, formData);
    if (result.ok) {
      toast.success(successMessage);
      setOpen(false);
    }
    return result;
  }, {});
  const impact = loaded?.ok ? loaded.data : null;
  const Shell = dialogShells.get()?.ConfirmShell;
  const fields: Record<string, string> = change === 'unassign' ? { id: row.id, extensionId: '' } : { id: row.id };
  if (!Shell) return null;
  return (
    <Shell open={open} onOpenChange={cancel}>
      <form action={dispatch} className="grid gap-4">
        <ConfirmHeader title={title} description={impact ? <ChangeSummary impact={impact} change={change} /> : t('loading')} />
        {loaded && !loaded.ok && <FormError message={loaded.formError || t('loadFailed')} />}
        <ConfirmFooter state={state} fields={fields} confirmLabel={confirmLabel} pending={pending || !impact} destructive={change === 'release'} />
      </form>
    </Shell>
  );
}

function ChangeSummary({ impact, change }: { impact: NumberChangeImpact; change: Change }) {
  const t = useTranslations();
  const locale = useLocale();
  const money = (minor: number) => formatMoney(minor, impact.currency, locale);
  const cost = (c: NumberCost) =>
    c.kind === 'included'
      ? t('billing.includedWith', { who: c.includedWith ?? '' })
      : t(c.kind === 'extra' ? 'billing.extra' : 'billing.tollFree', { price: money(c.monthlyMinor) });
  const delta = impact.totalDeltaMinor;
  return (
    <span className="grid gap-1" data-number-change={change}>
      <span>
        {change === 'release'
          ? t('numbers.releaseConfirmUnassigned', { number: impact.national })
          : impact.extension
            ? t('consequences.number.rings', { extension: impact.extension })
            : t('consequences.number.ringsNobody')}
      </span>
      {change === 'release' && impact.extension && <span>{t('consequences.number.rings', { extension: impact.extension })}</span>}
      {impact.isMain && change === 'unassign' && <span>{t('consequences.number.mainUnassign')}</span>}
      <span>
        {impact.after
          ? t('consequences.number.cost', { before: cost(impact.before), after: cost(impact.after) })
          : t('consequences.number.costReleased', { before: cost(impact.before) })}
      </span>
      <span>
        {t('consequences.number.total', {
          direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same',
          amount: money(Math.abs(delta)),
        })}
      </span>
    </span>
  );
}
