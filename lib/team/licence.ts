import { and, eq } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { users } from '@/db/schema';
import { defineAction } from '@/lib/actions/define';
import { fullName } from '@/lib/format/person';
import { decodeJsonFields } from '@/lib/forms/json-fields';
import { assertOfficeSeatFree } from '@/lib/licences/seats';
import { numberDecisionSchema, numbersRinging, type NumbersImpact } from '@/lib/numbers/consequences';
import { syncDirectNumber } from '@/lib/numbers/direct';
import { DECISIONS_MAX } from './consequences';
import { assignPhone, loadMember, phoneLabel } from './rules';
import { licenceSchema, userIdSchema } from './schema';

/** The licence switch, with the admin's decisions for the numbers that ring a user going Free. */
export const setLicenceSchema = z.preprocess(
  decodeJsonFields(['numbers']),
  licenceSchema.extend({ numbers: z.array(numberDecisionSchema).max(DECISIONS_MAX).default([]) }),
);
export type SetLicenceInput = z.input<typeof setLicenceSchema>;

/**
 * Free <-> Office for one user, the admin included (they may give their own seat up), from the
 * Licences card. Going Free takes the desk phone back (a phone needs an Office licence; the UI
 * warns with `removedDevice`) and applies the decisions about their numbers, all in this
 * transaction; a bad decision refuses the whole switch.
 */
export const setLicence = defineAction({
  card: 'licences',
  schema: setLicenceSchema,
  async handler(input, ctx) {
    const { tx, company } = ctx;
    const member = await loadMember(tx, company.id, input.id);
    const { user, device } = member;
    if (user.licence === input.licence) return { removedDevice: null };
    if (input.licence === 'office') await assertOfficeSeatFree(tx, company);

    const removedDevice = input.licence === 'free' && device ? device.model : null;
    if (input.licence === 'free') await assignPhone(tx, company.id, user.id, '');
    await tx.update(users).set({ licence: input.licence }).where(and(eq(users.id, user.id), eq(users.companyId, company.id)));
    await syncDirectNumber(ctx, member.extension?.id, { from: user.licence, to: input.licence }, input.numbers);

    await ctx.record({
      action: 'licence.changed',
      target: fullName(user),
      before: { licence: user.licence, phone: phoneLabel(user.licence, device) },
      after: { licence: input.licence, phone: phoneLabel(input.licence, input.licence === 'free' ? null : device) },
    });
    return { removedDevice };
  },
});

export type FreeLicenceImpact = NumbersImpact & { name: string; deviceModel: string | null };

/**
 * Read-only: what the "Switch to Free" dialog lists when it opens: the numbers that ring them
 * (their direct number, the main number when it rings them) with what each costs once they no
 * longer bring an included number, and the desk phone that goes back.
 */
export const freeLicenceImpact = defineAction({
  role: 'admin',
  schema: userIdSchema,
  async handler(input, { tx, actor }): Promise<FreeLicenceImpact> {
    const member = await loadMember(tx, actor.companyId, input.id);
    const office = member.user.licence === 'office';
    const extensionIds = office && member.extension ? [member.extension.id] : [];
    const numbers = await numbersRinging(tx, actor.companyId, extensionIds);
    return { name: fullName(member.user), deviceModel: office ? (member.device?.model ?? null) : null, ...numbers };
  },
});
