import '@/lib/zod-jitless';
import { z } from 'zod';
import type { Tx } from '@/db';
import { defineAction } from '@/lib/actions/define';
import { noAnswerDecisionSchema, ringGroupImpact, type RingGroupImpact } from '@/lib/extensions/consequences';
import { fullName } from '@/lib/format/person';
import { uuidField } from '@/lib/forms/fields';
import { decodeJsonFields } from '@/lib/forms/json-fields';
import { numberDecisionSchema, numbersRinging, type NumbersImpact } from '@/lib/numbers/consequences';
import { loadMember } from './rules';
import { userIdSchema } from './schema';

// What removing a team member affects, listed by the confirm dialog before anything changes,
// and the decisions the admin sends back with the removal.

export const DECISIONS_MAX = 200;

/** Remove user: the id, and the admin's decisions (absent: numbers kept unassigned, targets none). */
export const removeUserSchema = z.preprocess(
  decodeJsonFields(['numbers', 'noAnswer']),
  z.object({
    id: uuidField(),
    numbers: z.array(numberDecisionSchema).max(DECISIONS_MAX).default([]),
    noAnswer: z.array(noAnswerDecisionSchema).max(DECISIONS_MAX).default([]),
  }),
);
export type RemoveUserInput = z.input<typeof removeUserSchema>;

/** `numbers`: the numbers that ring them (their direct number, the main number when it rings them...). */
export type UserRemovalImpact = RingGroupImpact &
  NumbersImpact & {
    name: string;
    extension: { id: string; number: string } | null;
  };

/** Ring groups they are in, no-answer targets that point to them, numbers that ring them. */
export async function userRemovalImpact(exec: Tx, companyId: string, userId: string): Promise<UserRemovalImpact> {
  const member = await loadMember(exec, companyId, userId);
  const extensionIds = member.extension ? [member.extension.id] : [];
  const groups = await ringGroupImpact(exec, companyId, { userId, extensionIds });
  return {
    name: fullName(member.user),
    extension: member.extension ? { id: member.extension.id, number: member.extension.number } : null,
    ...groups,
    ...(await numbersRinging(exec, companyId, extensionIds)),
  };
}

/** Read-only: what the Remove user dialog lists when it opens. */
export const removeUserImpact = defineAction({
  role: 'admin',
  schema: userIdSchema,
  async handler(input, { tx, actor }) {
    return userRemovalImpact(tx, actor.companyId, input.id);
  },
});
