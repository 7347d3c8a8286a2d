import { and, eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { defineAction } from '@/lib/actions/define';
import { fullName } from '@/lib/format/person';
import { assertOfficeSeatFree } from '@/lib/licences/seats';
import { syncDirectNumber } from '@/lib/numbers/direct';
import { assignPhone, loadMember, phoneLabel } from './rules';
import { licenceSchema } from './schema';

/**
 * Free <-> Office for one user, the admin included (they may give their own seat up), from the
 * Licences card. Going Free takes the desk phone back: a phone needs an Office licence. The UI
 * warns with `removedDevice`.
 */
export const setLicence = defineAction({
  card: 'licences',
  schema: licenceSchema,
  async handler(input, ctx) {
    const { tx, company } = ctx;
    const member = await loadMember(tx, company.id, input.id);
    const { user, device } = member;
    if (user.licence === input.licence) return { removedDevice: null };
    if (input.licence === 'office') await assertOfficeSeatFree(tx, company);

    const removedDevice = input.licence === 'free' && device ? device.model : null;
    if (input.licence === 'free') await assignPhone(tx, company.id, user.id, '');
    await tx.update(users).set({ licence: input.licence }).where(and(eq(users.id, user.id), eq(users.companyId, company.id)));
    await syncDirectNumber(ctx, member.extension?.id, { from: user.licence, to: input.licence });

    await ctx.record({
      action: 'licence.changed',
      target: fullName(user),
      before: { licence: user.licence, phone: phoneLabel(user.licence, device) },
      after: { licence: input.licence, phone: phoneLabel(input.licence, input.licence === 'free' ? null : device) },
    });
    return { removedDevice };
  },
});
