'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useState, type FormEvent } from 'react';
import { FormError } from '@/components/forms/form-error';
import { TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { ServerCombobox, type ComboSearch } from '@/components/forms/server-combobox';
import { useExtensionSearch, useUserSearch } from '@/components/forms/pickers';
import { toast } from '@/components/shell/toast';
import { setStateTargetsAction } from '@/lib/calls/bindings';
import { CALL_STATES } from '@/lib/calls/card-schema';

type State = (typeof CALL_STATES)[number];
type Choice = { value: string; label: string };
type Props = {
  /** What each state rings now, with its words (only those: the pickers search the rest). */
  values: Record<State, { value: string; number: string; label: string }>;
  saved: boolean;
};

/**
 * Open / closed / holiday: each a picker searching, on the server, the company's extensions,
 * ring groups and voicemails, or another number.
 */
export function TargetsForm({ values, saved }: Props) {
  const t = useTranslations('calls.targets');
  const words = (value: string, label: string) =>
    value === 'number' ? t('number') : value.startsWith('voicemail:') ? `${t('voicemail')} · ${label}` : label;
  const [choice, setChoice] = useState(
    () => Object.fromEntries(CALL_STATES.map((s) => [s, { value: values[s].value, label: words(values[s].value, values[s].label) }])) as Record<State, Choice>,
  );
  const search = useTargetSearch();
  const [state, dispatch, pending] = useActionState(setStateTargetsAction, {});
  useEffect(() => {
    if (state.ok) toast.success(t('saved'));
  }, [state, t]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
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
              <ServerCombobox
                name={s}
                value={choice[s].value}
                valueLabel={choice[s].label}
                onChange={(o) => setChoice((c) => ({ ...c, [s]: { value: o.value, label: o.label } }))}
                search={search}
                fixed={[{ value: 'number', label: t('number') }]}
                placeholder={t('choose')}
                searchLabel={t(`states.${s}`)}
                className="w-full"
              />
            </FormField>
            {choice[s].value === 'number' && (
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
        {/* aria-disabled, not disabled: a disabled button drops focus to the page's top. */}
        <Button type="submit" aria-disabled={pending} className="aria-disabled:opacity-50">
          {t('save')}
        </Button>
      </div>
    </form>
  );
}

/** lib/calls/card-schema.ts's encoding ("ring_group:<id>"), without its calendars in the bundle. */
const encodeTarget = (kind: 'extension' | 'ring_group' | 'voicemail', id: string) => `${kind}:${id}`;

/** Extensions and ring groups, then voicemails: two searches, one list. */
function useTargetSearch(): ComboSearch {
  const t = useTranslations('calls.targets');
  const extensions = useExtensionSearch(undefined, (e) => ({
    value: encodeTarget(e.type === 'ring_group' ? 'ring_group' : 'extension', e.id),
    label: e.name ? `${e.number} · ${e.name}` : e.number,
    group: t(e.type === 'ring_group' ? 'ringGroups' : 'extensions'),
  }));
  const voicemails = useUserSearch(undefined, (u) => ({
    value: encodeTarget('voicemail', u.id),
    label: `${t('voicemail')} · ${u.name}`,
    group: t('voicemail'),
  }));
  return async (q) => {
    const [found, people] = await Promise.all([extensions(q), voicemails(q)]);
    if (typeof found === 'string') return found;
    if (typeof people === 'string') return people;
    // Extensions first, then ring groups, then voicemails, as the groups read.
    return [...found.filter((o) => !o.value.startsWith('ring_group:')), ...found.filter((o) => o.value.startsWith('ring_group:')), ...people];
  };
}
