'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useOptimistic, type FormEvent } from 'react';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { toast } from '@/components/shell/toast';
import { setHolidayCalendarAction, setHolidayEnabledAction } from '@/lib/calls/bindings';
import type { HolidayView } from '@/lib/calls/queries';

type CalendarGroup = { country: string; countryName: string; calendars: { id: string; name: string }[] };

/** The calendar picker: one group per country, its national list first, then its regions. */
function CalendarPicker({ calendar, groups }: { calendar: string | null; groups: CalendarGroup[] }) {
  const t = useTranslations('calls.holidays');
  const [state, dispatch, pending] = useActionState(setHolidayCalendarAction, {});
  useEffect(() => {
    if (state.ok) toast.success(t('saved'));
  }, [state, t]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return (
    <form onSubmit={onSubmit} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
      <FormField id="calendar" label={t('calendar')} error={state.fieldErrors?.calendar}>
        <Select name="calendar" defaultValue={calendar ?? ''}>
          <option value="">{t('none')}</option>
          {groups.map((g) => (
            <optgroup key={g.country} label={g.countryName}>
              {g.calendars.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id === g.country ? t('national', { country: g.countryName }) : `${c.name} (${c.id})`}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </FormField>
      {/* aria-disabled, not disabled: a disabled control drops focus to the page's top (here and on the switches). */}
      <Button type="submit" variant="outline" aria-disabled={pending} className="aria-disabled:opacity-50">
        {t('use')}
      </Button>
      <div className="sm:col-span-2">
        <FormError message={state.formError} />
      </div>
    </form>
  );
}

/** One holiday and its switch (a checkbox with the switch role: Space toggles it). */
function HolidaySwitch({ holiday }: { holiday: HolidayView }) {
  const t = useTranslations('calls.holidays');
  const [state, dispatch, pending] = useActionState(setHolidayEnabledAction, {});
  const [enabled, setEnabled] = useOptimistic(holiday.enabled);
  const id = `holiday-${holiday.date}-${holiday.key.replace(/\W+/g, "-")}`;
  const toggle = (next: boolean) => {
    if (pending) return;
    const data = new FormData();
    data.set('key', holiday.key);
    data.set('enabled', String(next));
    startTransition(() => {
      setEnabled(next);
      dispatch(data);
    });
  };
  const error = state.fieldErrors?.key ?? state.formError;
  return (
    <li data-holiday={holiday.key} className="grid gap-1 border-b py-2 last:border-b-0">
      <div className="flex items-center justify-between gap-3">
        <label htmlFor={id} className="grid">
          <span className="font-medium">{holiday.name}</span>
          <span className="text-sm text-muted-foreground">
            {holiday.dateLabel}
            {holiday.from && ` · ${t('from', { time: holiday.from })}`}
            {holiday.substitute && ` · ${t('substitute')}`}
          </span>
        </label>
        <span className="flex items-center gap-2 text-sm">
          <input
            id={id}
            type="checkbox"
            role="switch"
            checked={enabled}
            aria-checked={enabled}
            aria-describedby={`${id}-what`}
            aria-disabled={pending}
            onChange={(e) => toggle(e.target.checked)}
            className="size-5 accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
          />
          <span id={`${id}-what`}>{t('dayOff')}</span>
        </span>
      </div>
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </li>
  );
}

export function HolidaysPanel({
  calendar,
  groups,
  years,
}: {
  calendar: string | null;
  groups: CalendarGroup[];
  years: { year: number; items: HolidayView[] }[];
}) {
  const t = useTranslations('calls.holidays');
  return (
    <div className="grid gap-4">
      <CalendarPicker calendar={calendar} groups={groups} />
      {years.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {years.map(({ year, items }) => (
            <section key={year} aria-labelledby={`holidays-${year}`} className="rounded-md border p-3">
              <h3 id={`holidays-${year}`} className="font-medium">
                {t('year', { year })}
              </h3>
              <ul>
                {items.map((h) => (
                  <HolidaySwitch key={`${h.date}-${h.key}`} holiday={h} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
