'use client';

import { Plus, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useState, type FormEvent } from 'react';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/shell/toast';
import { saveBusinessHoursAction } from '@/lib/calls/bindings';
import { MAX_INTERVALS_PER_DAY, weekSchema } from '@/lib/calls/schema';
import { WEEKDAYS, type Weekday } from '@/lib/calls/time';
import type { IntervalView } from '@/lib/calls/queries';
import { useCallsMessage } from './messages';

type Week = Record<Weekday, IntervalView[]>;

/**
 * The weekly hours: native time inputs (typed or stepped with the arrow keys, 15-minute steps),
 * an add and a remove button per interval, each labelled with its day. The week is checked with
 * the schema the action uses before it is sent; the action's messages land on the same fields.
 */
export function HoursForm({ initial }: { initial: Week }) {
  const t = useTranslations('calls');
  const message = useCallsMessage();
  const [week, setWeek] = useState<Week>(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [state, dispatch, pending] = useActionState(saveBusinessHoursAction, {});

  useEffect(() => {
    if (state.ok) toast.success(t('hours.saved'));
  }, [state, t]);

  const errors: Record<string, string> = { ...(state.fieldErrors ?? {}), ...clientErrors };
  const errorOf = (path: string) => (errors[path] ? message(errors[path]) : undefined);

  const update = (day: Weekday, index: number, key: 'start' | 'end', value: string) => {
    setWeek((w) => ({ ...w, [day]: w[day].map((i, k) => (k === index ? { ...i, [key]: value } : i)) }));
  };
  const add = (day: Weekday) => {
    setWeek((w) => {
      const last = w[day].at(-1);
      // After the last interval: from its end, for an hour (a lunch break is then one edit away).
      const start = last ? last.end : '09:00';
      const next = start >= '23:00' ? { start: '23:00', end: '24:00' } : { start, end: start < '17:00' ? '18:00' : '24:00' };
      return { ...w, [day]: [...w[day], next] };
    });
  };
  const remove = (day: Weekday, index: number) => setWeek((w) => ({ ...w, [day]: w[day].filter((_, k) => k !== index) }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const parsed = weekSchema.safeParse(week);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[['week', ...issue.path].join('.')] ??= issue.message;
      setClientErrors(found);
      const firstPath = Object.keys(found)[0];
      if (firstPath) document.getElementById(firstPath)?.focus();
      return;
    }
    setClientErrors({});
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate aria-labelledby="hours-title">
      <input type="hidden" name="week" value={JSON.stringify(week)} />
      <FormError message={state.formError} />
      <ul className="grid gap-3">
        {WEEKDAYS.map((day) => {
          const dayName = t(`days.${day}`);
          return (
            <li key={day} data-day={day} className="grid gap-2 rounded-md border p-3 sm:grid-cols-[8rem_1fr]">
              <h3 className="font-medium">{dayName}</h3>
              <div className="grid gap-2">
                {week[day].length === 0 && <p className="text-sm text-muted-foreground">{t('hours.closedDay')}</p>}
                {week[day].map((interval, index) => {
                  const base = `week.${day}.${index}`;
                  const startError = errorOf(`${base}.start`);
                  const endError = errorOf(`${base}.end`);
                  return (
                    <div key={index} className="grid gap-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <label htmlFor={`${base}.start`} className="sr-only">
                          {t('hours.start', { day: dayName, index: index + 1 })}
                        </label>
                        <Input
                          id={`${base}.start`}
                          type="time"
                          step={900}
                          value={interval.start}
                          onChange={(e) => update(day, index, 'start', e.target.value)}
                          aria-invalid={Boolean(startError)}
                          aria-describedby={startError ? `${base}.start-error` : undefined}
                          className="w-32"
                        />
                        <span aria-hidden>–</span>
                        <label htmlFor={`${base}.end`} className="sr-only">
                          {t('hours.end', { day: dayName, index: index + 1 })}
                        </label>
                        <Input
                          id={`${base}.end`}
                          type="time"
                          step={900}
                          // "24:00" is no value a time input takes: midnight at the end reads as 23:59 there.
                          value={interval.end === '24:00' ? '23:59' : interval.end}
                          onChange={(e) => update(day, index, 'end', e.target.value === '23:59' ? '24:00' : e.target.value)}
                          aria-invalid={Boolean(endError)}
                          aria-describedby={endError ? `${base}.end-error` : undefined}
                          className="w-32"
                        />
                        <Button
                          type="button"
                          variant="ghost"
                          size="icon"
                          onClick={() => remove(day, index)}
                          aria-label={t('hours.removeInterval', { day: dayName, start: interval.start, end: interval.end })}
                        >
                          <X aria-hidden />
                        </Button>
                      </div>
                      {startError && (
                        <p id={`${base}.start-error`} role="alert" className="text-sm text-destructive">
                          {startError}
                        </p>
                      )}
                      {endError && (
                        <p id={`${base}.end-error`} role="alert" className="text-sm text-destructive">
                          {endError}
                        </p>
                      )}
                    </div>
                  );
                })}
                {errorOf(`week.${day}`) && (
                  <p role="alert" className="text-sm text-destructive">
                    {errorOf(`week.${day}`)}
                  </p>
                )}
                <div>
                  <Button type="button" variant="outline" size="sm" onClick={() => add(day)} disabled={week[day].length >= MAX_INTERVALS_PER_DAY}>
                    <Plus aria-hidden /> {t('hours.addInterval', { day: dayName })}
                  </Button>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {errorOf('week') && (
        <p role="alert" className="text-sm text-destructive">
          {errorOf('week')}
        </p>
      )}
      <div>
        {/* aria-disabled, not disabled: a disabled button drops focus to the page's top, where a keyboard user would start over. */}
        <Button type="submit" aria-disabled={pending} className="aria-disabled:opacity-50">
          {pending ? t('hours.saving') : t('hours.save')}
        </Button>
      </div>
    </form>
  );
}
