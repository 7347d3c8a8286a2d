import { and, eq } from 'drizzle-orm';
import { devices, extensions, users } from '@/db/schema';
import { first } from '@/db/rows';
import { ActionError } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/define';
import { diff } from '@/lib/audit/log';
import { applyRingGroupDecisions } from '@/lib/extensions/consequences';
import { assertExtensionAvailable } from '@/lib/extensions/numbering';
import { emptySchema } from '@/lib/forms/fields';
import { fullName } from '@/lib/format/person';
import { assertOfficeSeatFree } from '@/lib/licences/seats';
import { applyNumberDecisions } from '@/lib/numbers/consequences';
import { assignDirectNumber, needsDirectNumber, syncDirectNumber } from '@/lib/numbers/direct';
import { chosenSite } from '@/lib/sites/queries';
import { removeUserSchema } from './consequences';
import { deskPhoneOwner } from './device-owner';
import { getNextExtension } from './queries';
import { assertEmailFree, assignPhone, personRow, countAdmins, loadMember, memberSnapshot, type TeamMember } from './rules';
import { deviceSchema, roleSchema, userFormSchema, userUpdateSchema } from './schema';

// Every action below is a Team card action: the runner has locked the company, and each row
// read or written is scoped to it.

/** New member: no password yet (they activate their account from an e-mail), role member. */
export const addUser = defineAction({
  card: 'team',
  schema: userFormSchema,
  async handler(input, ctx) {
    const { tx, company, t } = ctx;
    await assertEmailFree(tx, company.id, input.email);
    await assertExtensionAvailable(tx, t, company, input.extension);
    if (input.licence === 'office') await assertOfficeSeatFree(tx, company);
    const site = await chosenSite(tx, company.id, input.siteId);

    const [user] = await tx
      .insert(users)
      .values({ ...personRow(company.id, input), role: 'member', licence: input.licence, siteId: site.id, floorRoom: input.floorRoom || null })
      .returning();
    const [extension] = await tx
      .insert(extensions)
      .values({ companyId: company.id, number: input.extension, type: 'user', userId: user!.id })
      .returning({ id: extensions.id, number: extensions.number });
    // An Office user's direct number, in this transaction: no number left refuses the whole add.
    if (needsDirectNumber({ type: 'user', licence: input.licence })) await assignDirectNumber(ctx, extension!.id);
    const device = await assignPhone(tx, company.id, user!.id, input.phone);

    await ctx.record({
      action: 'user.added',
      target: fullName(user!),
      after: memberSnapshot({ user: user!, site: site.name, extension: extension!, device }),
    });
    // "Save and add another" pre-fills the form with this.
    return { id: user!.id, nextExtension: await getNextExtension(company.id, 'user', tx) };
  },
});

export const updateUser = defineAction({
  card: 'team',
  schema: userUpdateSchema,
  async handler(input, ctx) {
    const { tx, company, t } = ctx;
    const before = await loadMember(tx, company.id, input.id);
    if (input.email !== before.user.email) await assertEmailFree(tx, company.id, input.email, input.id);
    const renumbered = input.extension !== before.extension?.number;
    if (renumbered) await assertExtensionAvailable(tx, t, company, input.extension, before.extension?.id);
    if (input.licence === 'office' && before.user.licence !== 'office') await assertOfficeSeatFree(tx, company);

    const site = await chosenSite(tx, company.id, input.siteId);
    const fields = {
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      licence: input.licence,
      siteId: site.id,
      floorRoom: input.floorRoom || null,
    };
    await tx.update(users).set(fields).where(and(eq(users.id, input.id), eq(users.companyId, company.id)));

    // Renumbering updates the row in place: mappings and memberships point at its id.
    let extension = before.extension;
    if (!extension) {
      extension = first(
        await tx
          .insert(extensions)
          .values({ companyId: company.id, number: input.extension, type: 'user', userId: input.id })
          .returning({ id: extensions.id, number: extensions.number }),
      );
    } else if (renumbered) {
      await tx.update(extensions).set({ number: input.extension }).where(eq(extensions.id, extension.id));
      extension = { ...extension, number: input.extension };
    }
    await syncDirectNumber(ctx, extension?.id, { from: before.user.licence, to: input.licence });
    // A Free licence has no phone (the schema empties it), which releases any desk phone.
    const device = await assignPhone(tx, company.id, input.id, input.phone);

    const after: TeamMember = { user: { ...before.user, ...fields }, site: site.name, extension: extension ?? null, device };
    const change = diff(memberSnapshot(before), memberSnapshot(after));
    await ctx.record(change.changed ? [{ action: 'user.updated', target: fullName(after.user), ...change }] : []);
    return { id: input.id };
  },
});

/**
 * Frees the user's extension (cascade), seat and desk phone (FK set null) with the row. The
 * numbers that rang them and the ring groups around them take the admin's decisions from the
 * confirm dialog (lib/team/consequences.ts), each a line of the card it changes.
 */
export const removeUser = defineAction({
  card: 'team',
  schema: removeUserSchema,
  async handler(input, ctx) {
    const { tx, actor, company } = ctx;
    if (input.id === actor.id) throw new ActionError('errors.cannotRemoveSelf');
    const member = await loadMember(tx, company.id, input.id);
    if (member.user.role === 'admin' && (await countAdmins(tx, company.id)) <= 1) {
      throw new ActionError('errors.lastAdmin');
    }
    const gone = { userId: member.user.id, extensionIds: member.extension ? [member.extension.id] : [] };
    await applyRingGroupDecisions(ctx, gone, input.noAnswer);
    await applyNumberDecisions(ctx, gone.extensionIds, input.numbers);
    await tx.delete(users).where(and(eq(users.id, input.id), eq(users.companyId, company.id)));
    await ctx.record({ action: 'user.removed', target: fullName(member.user), before: memberSnapshot(member) });
    return { id: input.id };
  },
});

/** Promote or demote; the company always keeps one admin, who may be someone else than the actor. */
export const setUserRole = defineAction({
  card: 'team',
  schema: roleSchema,
  async handler(input, ctx) {
    const { tx, company } = ctx;
    const member = await loadMember(tx, company.id, input.id);
    if (member.user.role === input.role) return { id: input.id, role: input.role };
    if (input.role === 'member' && (await countAdmins(tx, company.id)) <= 1) {
      throw new ActionError('errors.lastAdmin');
    }
    await tx.update(users).set({ role: input.role }).where(and(eq(users.id, input.id), eq(users.companyId, company.id)));
    await ctx.record({
      action: 'user.roleChanged',
      target: fullName(member.user),
      before: { role: member.user.role },
      after: { role: input.role },
    });
    return { id: input.id, role: input.role };
  },
});

export const completeTeamCard = defineAction({
  card: 'team',
  schema: emptySchema,
  async handler(_input, { verify }) {
    await verify();
  },
});

/** A desk phone for the inventory; its MAC identifies it to provisioning, platform-wide. */
export const addDevice = defineAction({
  card: 'licences',
  schema: deviceSchema,
  async handler(input, ctx) {
    // A MAC registered by another company is refused without saying so (no enumeration).
    const [taken] = await ctx.tx.select({ companyId: devices.companyId, model: devices.model }).from(devices).where(eq(devices.mac, input.mac));
    if (taken?.companyId === ctx.company.id) throw new ActionError('errors.macInInventory', { field: 'mac', params: { model: taken.model } });
    if (taken) throw new ActionError('errors.macTaken', { field: 'mac' });
    const holder = input.userId ? await deskPhoneOwner(ctx.tx, ctx.company.id, input.userId) : null;
    const [device] = await ctx.tx
      .insert(devices)
      .values({ companyId: ctx.company.id, model: input.model, mac: input.mac, userId: input.userId ?? null })
      .returning({ id: devices.id, model: devices.model, mac: devices.mac });
    await ctx.record({ action: 'device.added', target: device!.model, after: { model: input.model, mac: input.mac, ...(holder ? { holder } : {}) } });
    return device!;
  },
});
