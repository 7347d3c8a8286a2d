import { and, asc, count, eq } from 'drizzle-orm';
import { first } from '@/db/rows';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { extensions, ringGroupMembers, users, type Extension, type ExtensionType } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { defineAction, type CardContext } from '@/lib/actions/define';
import { diff } from '@/lib/audit/log';
import { fullName } from '@/lib/format/person';
import { assignDirectNumber, needsDirectNumber } from '@/lib/numbers/direct';
import { applyNumberDecisions } from '@/lib/numbers/consequences';
import { applyRingGroupDecisions, deleteExtensionSchema, type DeleteExtensionInput } from './consequences';
import { assertExtensionAvailable } from './numbering';
import { newPins } from './conferences';
import { findLoops } from './loops';
import { assertNotMapped } from './mapping';
import { renumberInPlace } from './renumber';
import {
  currentSnapshot,
  labelOf,
  loadExtension,
  loadMembers,
  resolveNoAnswer,
  ringGroupsTargeting,
  snapshotOf,
  writeMembers,
} from './ring-groups';
import {
  conferenceSchema,
  createRingGroupSchema,
  extensionIdSchema,
  renumberSchema,
  updateConferenceSchema,
  updateRingGroupSchema,
} from './schema';

// Extensions card actions: the runner has locked the company, so extension changes and team
// changes of one company run one at a time and each sees what the other committed. Every row
// read or written is scoped to the company: another company's id reads as not found.

const CARD = 'extensions' as const;

export const createRingGroup = defineAction({
  card: CARD,
  schema: createRingGroupSchema,
  async handler(input, ctx) {
    const { tx, t, company } = ctx;
    await assertExtensionAvailable(tx, t, company, input.extension);
    const people = await loadMembers(tx, company.id, input.members.map((m) => m.userId));
    const draft = { name: input.name, extension: input.extension };
    const noAnswer = await resolveNoAnswer(tx, company.id, draft, input.noAnswer, people);

    const group = first(
      await tx
        .insert(extensions)
        .values({
          companyId: company.id,
          type: 'ring_group',
          number: input.extension,
          name: input.name,
          strategy: input.strategy,
          ...noAnswer.columns,
        })
        .returning({ id: extensions.id }),
    );
    await writeMembers(tx, group.id, input.members);

    await ctx.record({
      action: 'ring_group.created',
      target: labelOf({ name: input.name, number: input.extension }),
      after: snapshotOf(input, input.members, people, noAnswer.snapshot),
    });
    return { id: group.id };
  },
});

export const updateRingGroup = defineAction({
  card: CARD,
  schema: updateRingGroupSchema,
  async handler(input, ctx) {
    const { tx, t, company } = ctx;
    const group = await loadExtension(tx, company.id, input.id, 'ring_group');
    const before = await currentSnapshot(tx, company.id, group);
    // In place: members, no-answer targets pointing here and number mappings keep the id.
    await renumberInPlace(tx, t, company, group, input.extension);
    const people = await loadMembers(tx, company.id, input.members.map((m) => m.userId));
    const self = { id: group.id, name: input.name, extension: input.extension };
    const noAnswer = await resolveNoAnswer(tx, company.id, self, input.noAnswer, people);

    await tx
      .update(extensions)
      .set({ name: input.name, strategy: input.strategy, ...noAnswer.columns })
      .where(and(eq(extensions.id, group.id), eq(extensions.companyId, company.id)));
    await writeMembers(tx, group.id, input.members);

    const change = diff(before, snapshotOf(input, input.members, people, noAnswer.snapshot));
    if (change.changed) {
      await ctx.record({
        action: 'ring_group.updated',
        target: labelOf({ name: input.name, number: input.extension }),
        before: change.before,
        after: change.after,
      });
    }
    return { id: group.id };
  },
});

function conferenceSnapshot(c: Pick<Extension, 'name' | 'number' | 'maxParticipants'>) {
  return { name: c.name ?? '', extension: c.number, maxParticipants: c.maxParticipants };
}

/** The plain PINs are in the result, once; only their argon2 hashes are stored. */
export const createConference = defineAction({
  card: CARD,
  schema: conferenceSchema,
  async handler(input, ctx) {
    const { tx, t, company } = ctx;
    const pins = await newPins();
    await assertExtensionAvailable(tx, t, company, input.extension);
    const conference = first(
      await tx
        .insert(extensions)
        .values({
          companyId: company.id,
          type: 'conference',
          number: input.extension,
          name: input.name,
          maxParticipants: input.maxParticipants,
          hostPinHash: pins.hostPinHash,
          participantPinHash: pins.participantPinHash,
        })
        .returning(),
    );
    // A bridge comes with a direct number (lib/numbers/direct.ts: who needs one).
    if (needsDirectNumber(conference)) await assignDirectNumber(ctx, conference.id);
    await ctx.record({
      action: 'conference.created',
      target: labelOf(conference),
      after: conferenceSnapshot(conference),
    });
    return { id: conference.id, hostPin: pins.hostPin, participantPin: pins.participantPin };
  },
});

export const updateConference = defineAction({
  card: CARD,
  schema: updateConferenceSchema,
  async handler(input, ctx) {
    const { tx, t, company } = ctx;
    const conference = await loadExtension(tx, company.id, input.id, 'conference');
    await renumberInPlace(tx, t, company, conference, input.extension);
    await tx
      .update(extensions)
      .set({ name: input.name, maxParticipants: input.maxParticipants })
      .where(and(eq(extensions.id, conference.id), eq(extensions.companyId, company.id)));
    const after = { name: input.name, number: input.extension, maxParticipants: input.maxParticipants };
    const change = diff(conferenceSnapshot(conference), conferenceSnapshot(after));
    if (change.changed) {
      await ctx.record({
        action: 'conference.updated',
        target: labelOf(after),
        before: change.before,
        after: change.after,
      });
    }
    return { id: conference.id };
  },
});

/** New PINs replace both old ones at once; the history records that, never the PINs. */
export const regenerateConferencePins = defineAction({
  card: CARD,
  schema: extensionIdSchema,
  async handler(input, ctx) {
    const { tx, company } = ctx;
    const pins = await newPins();
    const conference = await loadExtension(tx, company.id, input.id, 'conference');
    await tx
      .update(extensions)
      .set({ hostPinHash: pins.hostPinHash, participantPinHash: pins.participantPinHash })
      .where(and(eq(extensions.id, conference.id), eq(extensions.companyId, company.id)));
    await ctx.record({
      action: 'conference.pinsRegenerated',
      target: labelOf(conference),
      before: { pins: 'replaced' },
      after: { pins: 'regenerated' },
    });
    return { id: conference.id, hostPin: pins.hostPin, participantPin: pins.participantPin };
  },
});

/** Any type: users too (the same row the Team card edits). The id, and every reference, stays. */
export const renumberExtension = defineAction({
  card: CARD,
  schema: renumberSchema,
  async handler(input, ctx) {
    const { tx, t, company } = ctx;
    const extension = await loadExtension(tx, company.id, input.id);
    const renumbered = await renumberInPlace(tx, t, company, extension, input.extension);
    if (renumbered) {
      let name = extension.name;
      if (extension.type === 'user' && extension.userId) {
        const [user] = await tx
          .select({ firstName: users.firstName, lastName: users.lastName })
          .from(users)
          .where(and(eq(users.id, extension.userId), eq(users.companyId, company.id)));
        name = user ? fullName(user) : name;
      }
      await ctx.record({
        action: 'extension.renumbered',
        target: name ?? input.extension,
        before: { type: extension.type, number: extension.number },
        after: { type: extension.type, number: input.extension },
      });
    }
    return { id: extension.id, extension: input.extension };
  },
});

/**
 * Ring groups and conferences (users are removed on the Team card). Refused while another
 * ring group sends its unanswered calls here, saying which, or while a number rings it.
 */
async function deleteExtensionOfType(ctx: CardContext, input: DeleteExtensionInput, type: Exclude<ExtensionType, 'user'>) {
  const { tx, company } = ctx;
  const extension = await loadExtension(tx, company.id, input.id, type);
  // Without the admin's decision (the confirm dialog's), a ring group pointing here or a number
  // ringing a ring group refuses the delete, as before decisions existed.
  const decidedGroups = new Set(input.noAnswer.map((d) => d.ringGroupId));
  const targeting = (await ringGroupsTargeting(tx, company.id, extension.id)).filter(
    (g) => g.id !== extension.id && !decidedGroups.has(g.id),
  );
  if (targeting.length > 0) {
    throw new ActionError('errors.extensionIsNoAnswerTarget', {
      params: { count: targeting.length, groups: targeting.map(labelOf).join(', ') },
    });
  }
  await assertNotMapped(tx, extension.id, new Set(input.numbers.map((d) => d.numberId)));
  const before =
    type === 'ring_group' ? await currentSnapshot(tx, company.id, extension) : conferenceSnapshot(extension);
  await applyRingGroupDecisions(ctx, { extensionIds: [extension.id] }, input.noAnswer);
  await applyNumberDecisions(ctx, [extension.id], input.numbers);
  await tx.delete(extensions).where(and(eq(extensions.id, extension.id), eq(extensions.companyId, company.id)));
  await ctx.record({ action: `${type}.deleted`, target: labelOf(extension), before });
  return { id: extension.id };
}

export const deleteRingGroup = defineAction({
  card: CARD,
  schema: deleteExtensionSchema,
  handler: (input, ctx) => deleteExtensionOfType(ctx, input, 'ring_group'),
});

export const deleteConference = defineAction({
  card: CARD,
  schema: deleteExtensionSchema,
  handler: (input, ctx) => deleteExtensionOfType(ctx, input, 'conference'),
});

/** Done: refused while a ring group has no member or its unanswered calls loop; says which. */
export const completeExtensionsCard = defineAction({
  card: CARD,
  schema: z.object({}),
  async handler(_input, { tx, company, verify }) {
    const groups = await tx
      .select({
        id: extensions.id,
        name: extensions.name,
        number: extensions.number,
        target: extensions.noAnswerExtensionId,
        members: count(ringGroupMembers.userId),
      })
      .from(extensions)
      .leftJoin(ringGroupMembers, eq(ringGroupMembers.ringGroupId, extensions.id))
      .where(and(eq(extensions.companyId, company.id), eq(extensions.type, 'ring_group')))
      .groupBy(extensions.id)
      .orderBy(asc(extensions.number));
    const empty = groups.find((g) => g.members === 0);
    if (empty) throw new ActionError('errors.ringGroupNoMembers', { params: { name: labelOf(empty) } });

    const byId = new Map(groups.map((g) => [g.id, g]));
    const [loop] = findLoops(new Map(groups.map((g) => [g.id, g.target])));
    if (loop) {
      throw new ActionError('errors.ringGroupLoop', {
        params: { name: labelOf(byId.get(loop.groupId)!), loop: loop.loop.map((id) => labelOf(byId.get(id)!)).join(' → ') },
      });
    }
    await verify();
  },
});
