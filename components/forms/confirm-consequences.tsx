'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { toast } from '@/components/shell/toast';
import type { ActionState, FormAction } from '@/lib/actions/state';
import { ConfirmDialog, ConfirmFooter, ConfirmHeader } from './confirm-action';
import { ConsequencesPanel, NO_CHOICES, decisionFields, type Choices, type Impact } from './consequences-panel';
import { FormError } from './form-error';

/**
 * A confirmation that first reads what the change affects (an impact action, which writes
 * nothing) and lets the admin decide in the same dialog; the decisions travel with Confirm.
 * Cancel, or closing the dialog, sends nothing.
 */
export function ConfirmConsequences<I extends Impact>({
  trigger,
  title,
  description,
  confirmLabel,
  action,
  fields,
  successMessage,
  loadImpact,
  subject,
  destructive = true,
  extra,
}: {
  trigger: React.ReactNode;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  action: FormAction;
  fields: Record<string, string>;
  successMessage: string;
  loadImpact: () => Promise<ActionState<I>>;
  /** Who or what is going away, as the panel's headings name it. */
  subject: string;
  destructive?: boolean;
  /** More to say once the impact is known (a desk phone going back...). */
  extra?: (impact: I) => React.ReactNode;
}) {
  const t = useTranslations('consequences');
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<ActionState<I> | null>(null);
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const [state, dispatch, pending] = useActionState(async (prev: ActionState, formData: FormData) => {
    const result = await action(prev, formData);
    if (result.ok) {
      toast.success(successMessage);
      setOpen(false);
    }
    return result;
  }, {});

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) return;
    // Read afresh each time: what the change affects may have changed since the page loaded.
    setLoaded(null);
    setChoices(NO_CHOICES);
    void loadImpact().then(setLoaded, () => setLoaded({ formError: t('loadFailed') }));
  };

  const impact = loaded?.ok ? loaded.data : null;
  return (
    <ConfirmDialog trigger={trigger} open={open} onOpenChange={onOpenChange}>
      <form action={dispatch} className="grid gap-4">
        <ConfirmHeader title={title} description={description} />
        {!loaded && (
          <p role="status" className="text-sm text-muted-foreground">
            {t('loading')}
          </p>
        )}
        {loaded && !loaded.ok && <FormError message={loaded.formError ?? t('loadFailed')} />}
        {impact && (
          <>
            {extra?.(impact)}
            <ConsequencesPanel impact={impact} subject={subject} choices={choices} onChange={setChoices} />
          </>
        )}
        <ConfirmFooter
          state={state}
          fields={impact ? { ...fields, ...decisionFields(impact, choices) } : fields}
          confirmLabel={confirmLabel}
          pending={pending || !impact}
          destructive={destructive}
        />
      </form>
    </ConfirmDialog>
  );
}
