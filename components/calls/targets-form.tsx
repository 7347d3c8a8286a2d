'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useState, type FormEvent } from 'react';
import { FormError } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { toast } from '@/components/ui/toast';
import { setStateTargetsAction } from '@/lib/calls/bindings';
import { CALL_STATES } from '@/lib/calls/card-schema';
import type { TargetOptionView } from '@/lib/calls/queries';

type State = (typeof CALL_STATES)[number];
type Props = {
  values: Record<State, { value: string; number: string }>;
  options: { extensions: TargetOptionView[]; ringGroups: TargetOptionView[]; voicemails: TargetOptionView[] };
  saved: boolean;
};

/** Open / closed / holiday: each a select of the company's extensions, ring groups, voicemails, or another number. */
export function TargetsForm({ values, options, saved }: Props) {
  const t = useTranslations('calls.targets');
  const [choice, setChoice] = useState(() => Object.fromEntries(CALL_STATES.map((s) => [s, values[s].value])) as Record<State, string>);
  const [state, dispatch, pending] = useActionState(setStateTargetsAction, {});
  useEffect(() => {
    if (state.ok) toast.success(t('saved'));
  }, [state, t]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      {!saved && <p className="text-sm text-muted-foreground">{t('suggested')}</p>}
      <FormError message={state.formError} />
      <div className="grid gap-4 md:grid-cols-3">
        {CALL_STATES.map((s) => (
          <div key={s} data-state={s} className="grid content-start gap-3 rounded-md border p-3">
            <FormField id={`target-${s}`} label={t(`states.${s}`)} error={error(s)} required>
              <Select name={s} value={choice[s]} onChange={(e) => setChoice((c) => ({ ...c, [s]: e.target.value }))}>
                <option value="">{t('choose')}</option>
                <optgroup label={t('extensions')}>
                  {options.extensions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
                {options.ringGroups.length > 0 && (
                  <optgroup label={t('ringGroups')}>
                    {options.ringGroups.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </optgroup>
                )}
                <optgroup label={t('voicemail')}>
                  {options.voicemails.map((o) => (
                    <option key={o.value} value={o.value}>
                      {`${t('voicemail')} · ${o.label}`}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('other')}>
                  <option value="number">{t('number')}</option>
                </optgroup>
              </Select>
            </FormField>
            {choice[s] === 'number' && (
              <TextField
                id={`target-${s}-number`}
                name={`${s}Number`}
                type="tel"
                autoComplete="off"
                label={t('numberLabel', { state: t(`states.${s}`) })}
                description={t('numberHint')}
                defaultValue={values[s].number}
                error={error(`${s}Number`)}
                required
              />
            )}
          </div>
        ))}
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
