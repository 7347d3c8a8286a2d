import '@/lib/zod-jitless';
import { z } from 'zod';
import { CALL_STATES, SCHEDULE_OWNER_KINDS } from '@/db/enums';
import type { CallState, CallTargetKind } from '@/db/schema';
import { decodeJsonFields } from '@/lib/forms/json-fields';
import { optionalUuidField, requiredText, uuidField } from '@/lib/forms/fields';
import { isCalendarId } from './calendars';
import { dateField, isIsoDate, weekSchema } from './schema';

/*
 * The Call handling card's forms, one schema per action (client-safe: no holiday data). Each
 * names the schedule it changes with `owner` (the company's, or an override of one of its
 * numbers or ring groups) and `ownerId`; the action checks the owner is the company's.
 */

export { CALL_STATES, SCHEDULE_OWNER_KINDS };
export const CLOSURE_LABEL_MAX = 80;

const ownerShape = {
  owner: z.enum(SCHEDULE_OWNER_KINDS, { error: 'calls.errors.invalid' }).default('company'),
  ownerId: optionalUuidField(),
};

function refineOwner(v: { owner: string; ownerId?: string }, ctx: z.RefinementCtx) {
  if (v.owner !== 'company' && !v.ownerId) ctx.addIssue({ code: 'custom', path: ['ownerId'], message: 'errors.notFound' });
  if (v.owner === 'company' && v.ownerId) ctx.addIssue({ code: 'custom', path: ['ownerId'], message: 'calls.errors.invalid' });
}

/** The week of the hours form travels as one JSON field (`week`). */
export const saveHoursSchema = z.preprocess(
  decodeJsonFields(['week']),
  z.object({ ...ownerShape, week: weekSchema }).superRefine(refineOwner),
);

/** A closure: one day (`to` left empty) or an inclusive range, with a label ("Summer closure"). */
export const addClosureSchema = z.preprocess(
  (v) => {
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    return o.to === '' || o.to === undefined ? { ...o, to: o.from } : o;
  },
  z
    .object({ ...ownerShape, label: requiredText(CLOSURE_LABEL_MAX), from: dateField, to: dateField })
    .superRefine((v, ctx) => {
      refineOwner(v, ctx);
      if (isIsoDate(v.from) && isIsoDate(v.to) && v.to < v.from) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'calls.errors.closureEndBeforeStart' });
      }
    }),
);

export const removeClosureSchema = z.object({ id: uuidField('errors.notFound') });

/** '' is "no holiday calendar": holidays are ordinary days. */
export const setCalendarSchema = z
  .object({
    ...ownerShape,
    calendar: z
      .string({ error: 'calls.errors.calendarInvalid' })
      .refine((v) => v === '' || isCalendarId(v), { error: 'calls.errors.calendarInvalid' }),
  })
  .superRefine(refineOwner);

export const setHolidaySchema = z
  .object({
    ...ownerShape,
    key: z.string({ error: 'calls.errors.holidayUnknown' }).min(1, { error: 'calls.errors.holidayUnknown' }).max(80, { error: 'calls.errors.holidayUnknown' }),
    enabled: z.enum(['true', 'false'], { error: 'calls.errors.invalid' }).transform((v) => v === 'true'),
  })
  .superRefine(refineOwner);

/**
 * A state's target as the form's select sends it: `extension:<id>`, `ring_group:<id>`,
 * `voicemail:<user id>`, or `number` with the number in `<state>Number`.
 */
export type TargetChoice =
  | { kind: Exclude<CallTargetKind, 'number'>; id: string }
  | { kind: 'number'; number: string };

const CHOICE = /^(extension|ring_group|voicemail):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function encodeTarget(kind: CallTargetKind, id?: string | null): string {
  return kind === 'number' ? 'number' : `${kind}:${id ?? ''}`;
}

const choiceField = z.string({ error: 'calls.errors.targetRequired' });
const numberField = z.string().trim().max(40, { error: 'calls.errors.numberInvalid' }).optional();

export const setTargetsSchema = z
  .object({
    ...ownerShape,
    open: choiceField,
    closed: choiceField,
    holiday: choiceField,
    openNumber: numberField,
    closedNumber: numberField,
    holidayNumber: numberField,
  })
  .superRefine((v, ctx) => {
    refineOwner(v, ctx);
    for (const state of CALL_STATES) {
      const raw = v[state];
      if (raw === '') ctx.addIssue({ code: 'custom', path: [state], message: 'calls.errors.targetRequired' });
      else if (raw !== 'number' && !CHOICE.test(raw)) ctx.addIssue({ code: 'custom', path: [state], message: 'errors.notFound' });
      else if (raw === 'number' && !v[`${state}Number`]) {
        ctx.addIssue({ code: 'custom', path: [`${state}Number`], message: 'calls.errors.numberRequired' });
      }
    }
  })
  .transform((v) => ({
    owner: v.owner,
    ownerId: v.ownerId,
    targets: Object.fromEntries(
      CALL_STATES.map((state): [CallState, TargetChoice] => {
        const raw = v[state];
        if (raw === 'number') return [state, { kind: 'number', number: v[`${state}Number`] ?? '' }];
        const [, kind, id] = CHOICE.exec(raw)!;
        return [state, { kind: kind as Exclude<CallTargetKind, 'number'>, id: id!.toLowerCase() }];
      }),
    ) as Record<CallState, TargetChoice>,
  }));

export type OwnerRef = { owner: (typeof SCHEDULE_OWNER_KINDS)[number]; ownerId?: string };
