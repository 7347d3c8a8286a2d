import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { devices, users } from '@/db/schema';
import { findExtensions } from '@/lib/extensions/search';
import { PICKER_LIMIT, PICKER_QUERY_MAX } from '@/lib/forms/picker';
import { addDevice } from '@/lib/team/actions';
import { findUsers } from '@/lib/team/search';
import { useTestDatabase } from '../helpers/db';
import { act, addPeople } from '../helpers/extensions';
import { addMember, signUpCompany } from '../helpers/factories';
import { addConference, addRingGroup } from '../helpers/review';
import { addDeskPhone, addMemberWithExtension, randomMac } from '../helpers/team';

// The pickers' server searches (issue 15): users and extensions, an admin's own company only,
// bounded input, at most PICKER_LIMIT answers, the best first.

useTestDatabase();

type Ext = { id: string; number: string; type: string; name: string };
type Person = { id: string; name: string; email: string; extension: string | null; deskPhone: string | null };

async function extensionsFor(adminId: string, input: unknown) {
  const state = await act(findExtensions, adminId, input);
  if (!state.ok) throw new Error(JSON.stringify(state));
  return state.data as Ext[];
}

async function usersFor(adminId: string, input: unknown) {
  const state = await act(findUsers, adminId, input);
  if (!state.ok) throw new Error(JSON.stringify(state));
  return state.data as Person[];
}

describe('findExtensions', () => {
  it("finds by number, name or e-mail in the admin's company only, the exact number first", async () => {
    const a = await signUpCompany();
    const b = await signUpCompany();
    const ines = await addMemberWithExtension(a.company.id, '140', { firstName: 'Inès', lastName: 'Roux', email: 'ines.roux@example.com' });
    const sales = await addRingGroup(a.company.id, '500', 'Sales', [ines.user.id]);
    const bridge = await addConference(a.company.id, '800', 'Board');
    // Company B has look-alikes of everything: none may show.
    await addMemberWithExtension(b.company.id, '140', { firstName: 'Inès', lastName: 'Roux' });
    await addRingGroup(b.company.id, '500', 'Sales');

    expect((await extensionsFor(a.admin.id, { q: '140' })).map((e) => e.id)).toEqual([ines.extension.id]);
    expect((await extensionsFor(a.admin.id, { q: 'roux inès' })).map((e) => e.id)).toEqual([ines.extension.id]);
    expect((await extensionsFor(a.admin.id, { q: 'ines.roux@' })).map((e) => e.id)).toEqual([ines.extension.id]);
    expect(await extensionsFor(a.admin.id, { q: 'sal' })).toEqual([
      { id: sales.id, number: '500', type: 'ring_group', name: 'Sales', userId: null },
    ]);
    // Blank: the first ones, users first then ring groups then bridges, in number order.
    const all = await extensionsFor(a.admin.id, {});
    expect(all.map((e) => e.number)).toEqual(['101', '140', '500', '800']);
    expect(all.every((e) => e.id !== undefined)).toBe(true);
    // Kinds narrow it.
    expect((await extensionsFor(a.admin.id, { kinds: ['conference'] })).map((e) => e.id)).toEqual([bridge.id]);
    // "1" starts 101 and 140: the exact number 101 is not "1", so both come in number order.
    expect((await extensionsFor(a.admin.id, { q: '1' })).map((e) => e.number)).toEqual(['101', '140']);
  });

  it('treats % and _ as characters, answers at most PICKER_LIMIT, refuses long or bad input', async () => {
    const a = await signUpCompany();
    await addPeople(a.company.id, PICKER_LIMIT + 5, 200);
    expect(await extensionsFor(a.admin.id, { q: '%' })).toEqual([]);
    expect(await extensionsFor(a.admin.id, { q: '_' })).toEqual([]);
    expect(await extensionsFor(a.admin.id, { q: '2' })).toHaveLength(PICKER_LIMIT);
    expect(await extensionsFor(a.admin.id, { q: 'person' })).toHaveLength(PICKER_LIMIT);

    const long = await act(findExtensions, a.admin.id, { q: 'x'.repeat(PICKER_QUERY_MAX + 1) });
    expect(long.fieldErrors?.q).toBe('This value is too long.');
    expect((await act(findExtensions, a.admin.id, { q: 'a\u0000b' })).fieldErrors?.q).toBeDefined();
    expect((await act(findExtensions, a.admin.id, { kinds: ['fax'] })).ok).toBeFalsy();
    expect((await act(findExtensions, a.admin.id, { kinds: [] })).ok).toBeFalsy();
    expect((await act(findExtensions, a.admin.id, { q: 42 })).ok).toBeFalsy();
  });

  it('is refused to a member and to nobody', async () => {
    const a = await signUpCompany();
    const member = await addMember(a.company.id);
    expect(await act(findExtensions, member.id, { q: '' })).toEqual({ formError: expect.stringMatching(/administrator|admin/i) });
    expect((await act(findExtensions, null as unknown as string, { q: '' })).ok).toBeFalsy();
  });
});

describe('findUsers', () => {
  it("finds people of the admin's company by name, e-mail or extension; Office only when asked", async () => {
    const a = await signUpCompany();
    const b = await signUpCompany();
    const lea = await addMemberWithExtension(a.company.id, '130', { firstName: 'Léa', lastName: 'Martin', licence: 'office' });
    const bob = await addMemberWithExtension(a.company.id, '131', { firstName: 'Bob', lastName: 'Martin' });
    await addMemberWithExtension(b.company.id, '130', { firstName: 'Léa', lastName: 'Martin', licence: 'office' });
    await addDeskPhone(a.company.id, { userId: lea.user.id, model: 'Yealink T46U' });

    const martins = await usersFor(a.admin.id, { q: 'martin' });
    expect(martins.map((u) => u.id).sort()).toEqual([lea.user.id, bob.user.id].sort());
    expect(martins.find((u) => u.id === lea.user.id)).toMatchObject({ name: 'Léa Martin', extension: '130', deskPhone: 'Yealink T46U' });
    expect((await usersFor(a.admin.id, { q: '131' })).map((u) => u.id)).toEqual([bob.user.id]);
    expect((await usersFor(a.admin.id, { q: 'martin', licence: 'office' })).map((u) => u.id)).toEqual([lea.user.id]);
    // Blank: everyone of A (the admin, Léa, Bob), never B's.
    expect(await usersFor(a.admin.id, {})).toHaveLength(3);
  });

  it('answers at most PICKER_LIMIT and refuses bad input', async () => {
    const a = await signUpCompany();
    await addPeople(a.company.id, PICKER_LIMIT + 3, 200);
    expect(await usersFor(a.admin.id, { q: 'person' })).toHaveLength(PICKER_LIMIT);
    expect((await act(findUsers, a.admin.id, { q: 'x'.repeat(PICKER_QUERY_MAX + 1) })).fieldErrors?.q).toBe('This value is too long.');
    expect((await act(findUsers, a.admin.id, { licence: 'gold' })).ok).toBeFalsy();
    expect((await act(findUsers, a.admin.id, 'martin')).ok).toBeFalsy();
  });
});

describe('addDevice with an owner (the Licences card picker)', () => {
  it('gives the new phone to an Office user of the company; refuses a Free user, one with a phone, another company', async () => {
    const a = await signUpCompany();
    const b = await signUpCompany();
    const office = await addMemberWithExtension(a.company.id, '130', { firstName: 'Léa', lastName: 'Martin', licence: 'office' });
    const free = await addMemberWithExtension(a.company.id, '131', { firstName: 'Bob', lastName: 'Martin' });
    const foreign = await addMemberWithExtension(b.company.id, '130', { licence: 'office' });

    const added = await act(addDevice, a.admin.id, { model: 'Yealink T46U', mac: randomMac(), userId: office.user.id });
    expect(added.ok).toBe(true);
    const [held] = await db().select().from(devices).where(eq(devices.userId, office.user.id));
    expect(held?.model).toBe('Yealink T46U');

    const count = async () => (await db().select().from(devices).where(eq(devices.companyId, a.company.id))).length;
    const before = await count();
    expect((await act(addDevice, a.admin.id, { model: 'T2', mac: randomMac(), userId: office.user.id })).fieldErrors?.userId).toBe(
      'Léa Martin already has a desk phone (Yealink T46U): change it from their row on the Team card.',
    );
    expect((await act(addDevice, a.admin.id, { model: 'T2', mac: randomMac(), userId: free.user.id })).fieldErrors?.userId).toBe(
      'Bob Martin has a Free licence: a desk phone needs an Office licence.',
    );
    expect((await act(addDevice, a.admin.id, { model: 'T2', mac: randomMac(), userId: foreign.user.id })).fieldErrors?.userId).toBe(
      'This item no longer exists in your company.',
    );
    expect((await act(addDevice, a.admin.id, { model: 'T2', mac: randomMac(), userId: 'not-a-uuid' })).fieldErrors?.userId).toBeDefined();
    expect(await count()).toBe(before);
    // Nobody: the phone waits in the inventory, as before.
    expect((await act(addDevice, a.admin.id, { model: 'T3', mac: randomMac(), userId: '' })).ok).toBe(true);
    expect((await db().select().from(users).where(eq(users.id, foreign.user.id))).length).toBe(1);
  });
});
