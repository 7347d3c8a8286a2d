import '@/lib/zod-jitless';
import { z } from 'zod';
import { choiceParam, pageParam, searchTextParam } from '@/lib/format/pages';
import { decodeJsonFields } from '@/lib/forms/json-fields';
import { RING_STRATEGIES } from '@/db/enums';
import { extensionNumberField, keyedError, optionalUuidField, requiredText, uuidField, withId } from '@/lib/forms/fields';

// Every message is an i18n key ("errors.*"): the dialogs validate with these schemas and the
// server actions parse the same ones, so the two never disagree.

export { RING_STRATEGIES };
export const EXTENSION_NAME_MAX = 80;
export const RING_SECONDS = { min: 5, max: 300, default: 20 } as const;
export const MEMBERS = { min: 1, max: 100 } as const;
export const PARTICIPANTS = { min: 2, max: 100, default: 10 } as const;
export const NO_ANSWER_KINDS = ['voicemail', 'extension'] as const;

const ringSeconds = () =>
  z.coerce
    .number<string | number>({ error: 'errors.ringSeconds' })
    .int({ error: 'errors.ringSeconds' })
    .min(RING_SECONDS.min, { error: 'errors.ringSeconds' })
    .max(RING_SECONDS.max, { error: 'errors.ringSeconds' });

export const ringGroupMemberSchema = z.object({
  userId: uuidField('errors.memberNotFound'),
  ringSeconds: ringSeconds().default(RING_SECONDS.default),
});

/** What happens when nobody answers: a member's voicemail, or another extension of the company. */
export const noAnswerSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('voicemail'), userId: uuidField('errors.noAnswerRequired') }),
    z.object({ kind: z.literal('extension'), extensionId: uuidField('errors.noAnswerRequired') }),
  ],
  { error: 'errors.noAnswerRequired' },
);

export const ringGroupSchema = z
  .object({
    id: optionalUuidField(),
    name: requiredText(EXTENSION_NAME_MAX),
    extension: extensionNumberField(),
    // Ordered: the first member rings first with the sequential strategy.
    members: z
      .array(ringGroupMemberSchema, { error: 'errors.membersMin' })
      .min(MEMBERS.min, { error: 'errors.membersMin' })
      .max(MEMBERS.max, { error: 'errors.membersMax' }),
    strategy: z.enum(RING_STRATEGIES, keyedError('errors.strategyInvalid')),
    noAnswer: noAnswerSchema,
  })
  .superRefine((v, ctx) => {
    const ids = Array.isArray(v.members) ? v.members.map((m) => m?.userId) : [];
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'errors.memberDuplicate' });
    }
    // With no member at all, "add a member" is the one thing to say.
    if (v.noAnswer?.kind === 'voicemail' && v.noAnswer.userId && ids.length > 0 && !ids.includes(v.noAnswer.userId)) {
      ctx.addIssue({ code: 'custom', path: ['noAnswer'], message: 'errors.voicemailNotMember' });
    }
    if (v.noAnswer?.kind === 'extension' && v.id && v.noAnswer.extensionId === v.id) {
      ctx.addIssue({ code: 'custom', path: ['noAnswer'], message: 'errors.noAnswerSelf' });
    }
  });

export type RingGroupFormInput = z.input<typeof ringGroupSchema>;
export type RingGroupForm = z.output<typeof ringGroupSchema>;

export const conferenceSchema = z.object({
  id: optionalUuidField(),
  name: requiredText(EXTENSION_NAME_MAX),
  extension: extensionNumberField(),
  maxParticipants: z.coerce
    .number<string | number>({ error: 'errors.maxParticipants' })
    .int({ error: 'errors.maxParticipants' })
    .min(PARTICIPANTS.min, { error: 'errors.maxParticipants' })
    .max(PARTICIPANTS.max, { error: 'errors.maxParticipants' })
    .default(PARTICIPANTS.default),
});

export type ConferenceFormInput = z.input<typeof conferenceSchema>;
export type ConferenceForm = z.output<typeof conferenceSchema>;

// The dialogs post their FormData: the ordered member list and the no-answer target travel as
// JSON fields (`members`, `noAnswer`), decoded by decodeJsonFields before this schema validates them.

const RING_GROUP_JSON_FIELDS = ['members', 'noAnswer'];
export const createRingGroupSchema = z.preprocess(decodeJsonFields(RING_GROUP_JSON_FIELDS), ringGroupSchema);
export const updateRingGroupSchema = z.preprocess(decodeJsonFields(RING_GROUP_JSON_FIELDS), withId(ringGroupSchema));
export const updateConferenceSchema = withId(conferenceSchema);

/** Any type of extension gets a new number; its id, and so every reference to it, stays. */
export const renumberSchema = z.object({ id: uuidField('errors.notFound'), extension: extensionNumberField() });
export const extensionIdSchema = z.object({ id: uuidField('errors.notFound') });

export const EXTENSION_FILTERS = ['user', 'ring_group', 'conference'] as const;
/** The Extensions card's URL: `?type=`, `?q=` (number, name, e-mail) and `?page=`. */
export const extensionFilterSchema = z.object({
  type: choiceParam(EXTENSION_FILTERS),
  q: searchTextParam(),
  page: pageParam(),
});
