import { and, eq } from 'drizzle-orm';
import { devices, extensions, users } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/run-action';
import { audit, diff } from '@/lib/audit/log';
import { assertOfficeSeatFree, lockCompany } from '@/lib/licences/seats';
import { assignDirectNumber, syncDirectNumber } from '@/lib/numbers/direct';
import { markInProgress, markVerified } from '@/lib/setup/cards';
import { getNextExtension } from './queries';
import {
  assertEmailFree,
  assertExtensionAvailable,
  assignPhone,
  countAdmins,
  loadMember,
  memberSnapshot,
  type TeamMember,
} from './rules';
import { deviceSchema, emptySchema, roleSchema, userFormSchema, userIdSchema, userUpdateSchema } from './schema';

// The Licences card's actions live with the seat rules; re-exported so the UI has one import.
export { buySeats, completeLicencesCard, setLicence } from '@/lib/licences/actions';

// Every action below scopes each row it reads or writes to actor.companyId, and takes the
// company lock first: team changes of one company run one at a time (see lockCompany).

const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

/** New member: no password yet (they activate their account from an e-mail), role member. */
export const addUser = defineAction({
  schema: userFormSchema,
  async handler(input, { tx, actor, t }) {
    const company = await lockCompany(tx, actor.companyId);
    await assertEmailFree(tx, input.email);
    await assertExtensionAvailable(tx, t, company, input.extension);
    if (input.licence === 'office') await assertOfficeSeatFree(tx, company);

    const [user] = await tx
      .insert(users)
      .values({
        companyId: company.id,
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        role: 'member',
        licence: input.licence,
      })
      .returning();
    const [extension] = await tx
      .insert(extensions)
      .values({ companyId: company.id, number: input.extension, type: 'user', userId: user.id })
      .returning({ id: extensions.id, number: extensions.number });
    // An Office user's direct number, in this transaction: no number left refuses the whole add.
    if (input.licence === 'office') await assignDirectNumber(tx, company, extension.id, { actor });
    const device = await assignPhone(tx, company.id, user.id, input.phone);

    await audit(tx, actor, {
      card: 'team',
      action: 'user.added',
      target: fullName(user),
      after: memberSnapshot({ user, extension, device }),
    });
    await markInProgress(tx, company.id, 'team');
    // "Save and add another" pre-fills the form with this.
    return { id: user.id, nextExtension: await getNextExtension(company.id, 'user', tx) };
  },
});

export const updateUser = defineAction({
  schema: userUpdateSchema,
  async handler(input, { tx, actor, t }) {
    const company = await lockCompany(tx, actor.companyId);
    const before = await loadMember(tx, company.id, input.id);
    if (input.email !== before.user.email) await assertEmailFree(tx, input.email, input.id);
    const renumbered = input.extension !== before.extension?.number;
    if (renumbered) await assertExtensionAvailable(tx, t, company, input.extension, before.extension?.id);
    if (input.licence === 'office' && before.user.licence !== 'office') await assertOfficeSeatFree(tx, company);

    const fields = { firstName: input.firstName, lastName: input.lastName, email: input.email, licence: input.licence };
    await tx.update(users).set(fields).where(and(eq(users.id, input.id), eq(users.companyId, company.id)));

    // Renumbering updates the row in place: mappings and memberships point at its id.
    let extension = before.extension;
    if (!extension) {
      [extension] = await tx
        .insert(extensions)
        .values({ companyId: company.id, number: input.extension, type: 'user', userId: input.id })
        .returning({ id: extensions.id, number: extensions.number });
    } else if (renumbered) {
      await tx.update(extensions).set({ number: input.extension }).where(eq(extensions.id, extension.id));
      extension = { ...extension, number: input.extension };
    }
    await syncDirectNumber(tx, company, extension?.id, { from: before.user.licence, to: input.licence }, { actor });
    // A Free licence has no phone (the schema empties it), which releases any desk phone.
    const device = await assignPhone(tx, company.id, input.id, input.phone);

    const after: TeamMember = { user: { ...before.user, ...fields }, extension, device };
    const change = diff(memberSnapshot(before), memberSnapshot(after));
    if (change.changed) {
      await audit(tx, actor, { card: 'team', action: 'user.updated', target: fullName(after.user), ...change });
    }
    await markInProgress(tx, company.id, 'team');
    return { id: input.id };
  },
});

/** Frees the user's extension (cascade), seat and desk phone (FK set null) with the row. */
export const removeUser = defineAction({
  schema: userIdSchema,
  async handler(input, { tx, actor }) {
    if (input.id === actor.id) throw new ActionError('errors.cannotRemoveSelf');
    const company = await lockCompany(tx, actor.companyId);
    const member = await loadMember(tx, company.id, input.id);
    if (member.user.role === 'admin' && (await countAdmins(tx, company.id)) <= 1) {
      throw new ActionError('errors.lastAdmin');
    }
    await tx.delete(users).where(and(eq(users.id, input.id), eq(users.companyId, company.id)));
    await audit(tx, actor, {
      card: 'team',
      action: 'user.removed',
      target: fullName(member.user),
      before: memberSnapshot(member),
    });
    await markInProgress(tx, company.id, 'team');
    return { id: input.id };
  },
});

/** Promote or demote; the company always keeps one admin, who may be someone else than the actor. */
export const setUserRole = defineAction({
  schema: roleSchema,
  async handler(input, { tx, actor }) {
    const company = await lockCompany(tx, actor.companyId);
    const member = await loadMember(tx, company.id, input.id);
    if (member.user.role === input.role) return { id: input.id, role: input.role };
    if (input.role === 'member' && (await countAdmins(tx, company.id)) <= 1) {
      throw new ActionError('errors.lastAdmin');
    }
    await tx.update(users).set({ role: input.role }).where(and(eq(users.id, input.id), eq(users.companyId, company.id)));
    await audit(tx, actor, {
      card: 'team',
      action: 'user.roleChanged',
      target: fullName(member.user),
      before: { role: member.user.role },
      after: { role: input.role },
    });
    await markInProgress(tx, company.id, 'team');
    return { id: input.id, role: input.role };
  },
});

/** A desk phone for the inventory; its MAC identifies it to provisioning, platform-wide. */
export const addDevice = defineAction({
  schema: deviceSchema,
  async handler(input, { tx, actor }) {
    const [taken] = await tx.select({ id: devices.id }).from(devices).where(eq(devices.mac, input.mac));
    if (taken) throw new ActionError('errors.macTaken', { field: 'mac' });
    const [device] = await tx
      .insert(devices)
      .values({ companyId: actor.companyId, model: input.model, mac: input.mac })
      .returning({ id: devices.id, model: devices.model, mac: devices.mac });
    await audit(tx, actor, { card: 'team', action: 'device.added', target: device.model, after: input });
    await markInProgress(tx, actor.companyId, 'team');
    return device;
  },
});

export const completeTeamCard = defineAction({
  schema: emptySchema,
  async handler(_input, { tx, actor }) {
    await markVerified(tx, actor, 'team');
  },
});
