'use client';

import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import { FormError } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/shell/toast';
import { addClosureAction, removeClosureAction } from '@/lib/calls/bindings';
import { CLOSURE_LABEL_MAX } from '@/lib/calls/card-schema';

type Closure = { id: string; label: string; from: string; to: string; fromLabel: string; toLabel: string };

function RemoveClosure({ closure }: { closure: Closure }) {
  const t = useTranslations('calls.closures');
  const [state, dispatch, pending] = useActionState(removeClosureAction, {});
  return (
    <form action={dispatch} className="grid gap-1">
      <input type="hidden" name="id" value={closure.id} />
      <Button type="submit" variant="ghost" size="icon" disabled={pending} aria-label={t('remove', { label: closure.label })}>
        <Trash2 aria-hidden />
      </Button>
      <FormError message={state.formError} />
    </form>
  );
}

/** The closures (single days and ranges) and the form that adds one. */
export function ClosuresList({ closures }: { closures: Closure[] }) {
  const t = useTranslations('calls.closures');
  const [state, dispatch, pending] = useActionState(addClosureAction, {});
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) {
      toast.success(t('added'));
      formRef.current?.reset();
    }
  }, [state, t]);
  const fieldError = (name: string) => state.fieldErrors?.[name];
  // Sent by hand, not through `action`: React would clear the fields even when they are refused.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return (
    <div className="grid gap-4">
      {closures.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        <ul className="grid gap-2">
          {closures.map((c) => (
            <li key={c.id} data-closure={c.label} className="flex items-center justify-between gap-2 rounded-md border px-3 py-2">
              <span>
                <span className="font-medium">{c.label}</span>
                {' · '}
                {c.from === c.to ? c.fromLabel : t('range', { from: c.fromLabel, to: c.toLabel })}
              </span>
              <RemoveClosure closure={c} />
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" noValidate>
        <TextField id="closure-label" name="label" label={t('label')} maxLength={CLOSURE_LABEL_MAX} required error={fieldError('label')} />
        <TextField id="closure-from" name="from" type="date" label={t('from')} required error={fieldError('from')} />
        <TextField id="closure-to" name="to" type="date" label={t('to')} error={fieldError('to')} />
        {/* aria-disabled, not disabled: a disabled button drops focus to the page's top. */}
        <Button type="submit" aria-disabled={pending} className="aria-disabled:opacity-50">
          {t('add')}
        </Button>
        <div className="sm:col-span-4">
          <FormError message={state.formError} />
        </div>
      </form>
    </div>
  );
}
