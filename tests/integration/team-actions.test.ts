import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { devices, extensions, users } from '@/db/schema';
import { constraintError } from '@/lib/actions/errors';
import { runAction } from '@/lib/runner/run-action';
import { addDevice, addUser, completeTeamCard, removeUser, setUserRole, updateUser } from '@/lib/team/actions';
import { APP_ONLY } from '@/lib/team/schema';
import { addMember, signUpCompany } from '../helpers/factories';
import { useTestDatabase } from '../helpers/db';
import {
  addDeskPhone,
  addMemberWithExtension,
  auditEntries,
  cardStatus,
  deviceRow,
  extensionOf,
  officeUsers,
  randomMac,
  teamSnapshot,
  userInput,
  userRow,
} from '../helpers/team';

useTestDatabase();

const as = (userId: string, locale: 'en' | 'fr' = 'en') => ({ userId, locale });

describe('addUser', () => {
  it('adds a Free member with the chosen extension, audits it and returns the next free extension', async () => {
    const { company, admin } = await signUpCompany();
    const result = await runAction(addUser, {
      ...as(admin.id),
      input: userInput({ firstName: ' Bea ', lastName: 'Berger', email: 'Bea.Berger@Example.com', extension: '102' }),
    });
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), nextExtension: '103' } });

    const user = await userRow(result.data!.id);
    expect(user).toMatchObject({
      companyId: company.id,
      firstName: 'Bea',
      email: 'bea.berger@example.com',
      role: 'member',
      licence: 'free',
      passwordHash: null,
    });
    expect(await extensionOf(user.id)).toMatchObject({ number: '102', type: 'user', companyId: company.id });

    const entries = await auditEntries(company.id, 'user.added');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ card: 'team', actorId: admin.id, target: 'Bea Berger', before: null });
    expect(entries[0].after).toEqual({
      firstName: 'Bea',
      lastName: 'Berger',
      email: 'bea.berger@example.com',
      role: 'member',
      licence: 'free',
      extension: '102',
      phone: null,
      site: 'Siège',
      floorRoom: null,
    });
    expect(await cardStatus(company.id, 'team')).toBe('in_progress');
  });

  it('gives an Office user App only or an unassigned desk phone of the company', async () => {
    const { company, admin } = await signUpCompany();
    const phone = await addDeskPhone(company.id, { model: 'Poly VVX 450', mac: randomMac() });

    const app = await runAction(addUser, { ...as(admin.id), input: userInput({ licence: 'office', phone: APP_ONLY }) });
    expect(app.ok).toBe(true);
    expect(app.data!.nextExtension).toBe('103');

    const desk = await runAction(addUser, {
      ...as(admin.id),
      input: userInput({ licence: 'office', extension: '103', phone: phone.id }),
    });
    expect(desk.ok).toBe(true);
    expect((await deviceRow(phone.id)).userId).toBe(desk.data!.id);
    const [entry] = await auditEntries(company.id, 'user.added').then((e) => e.slice(-1));
    expect(entry.after).toMatchObject({ licence: 'office', phone: `Poly VVX 450 (${phone.mac})` });
    expect(await officeUsers(company.id)).toBe(3);
  });

  it('skips taken numbers and reserved codes when proposing the next extension', async () => {
    const { company, admin } = await signUpCompany();
    await addMemberWithExtension(company.id, '102');
    await addMemberWithExtension(company.id, '103');
    // FR reserves 112..119 prefixes (112, 114, 115, 116xxx, 119): after 111 comes 113.
    const result = await runAction(addUser, { ...as(admin.id), input: userInput({ extension: '111' }) });
    expect(result.data!.nextExtension).toBe('104');
    for (const n of ['104', '105', '106', '107', '108', '109', '110']) await addMemberWithExtension(company.id, n);
    const next = await runAction(addUser, { ...as(admin.id), input: userInput({ extension: '200' }) });
    expect(next.data!.nextExtension).toBe('113');
  });

  it.each([
    ['1024', 'An extension has exactly 3 digits in your company.'],
    ['012', 'An extension cannot start with 0.'],
    ['112', 'This number is reserved for the emergency number 112.'],
    ['116', 'This number is reserved for the emergency number 116000.'],
    ['191', 'This number is reserved for the emergency number 191.'],
    ['12a', 'An extension contains digits only.'],
  ])('refuses extension %s on the extension field, writing nothing', async (extension, message) => {
    const { company, admin } = await signUpCompany();
    const before = await teamSnapshot(company.id);
    const result = await runAction(addUser, { ...as(admin.id), input: userInput({ extension }) });
    expect(result).toEqual({ fieldErrors: { extension: message } });
    expect(await teamSnapshot(company.id)).toEqual(before);
  });

  it('names who holds a taken extension: a user, a named ring group, an unnamed conference', async () => {
    const { company, admin } = await signUpCompany({ firstName: 'Ada', lastName: 'Admin' });
    await db().insert(extensions).values([
      { companyId: company.id, number: '500', type: 'ring_group', name: 'Sales' },
      { companyId: company.id, number: '800', type: 'conference' },
    ]);
    const before = await teamSnapshot(company.id);

    const cases: [string, 'en' | 'fr', string][] = [
      ['101', 'en', 'Extension 101 is already used by Ada Admin.'],
      ['500', 'en', 'Extension 500 is already used by Sales.'],
      ['800', 'en', 'Extension 800 is already used by a conference bridge.'],
      ['800', 'fr', 'Le poste 800 est déjà utilisé par un serveur de conférences.'],
    ];
    for (const [extension, locale, message] of cases) {
      const result = await runAction(addUser, { ...as(admin.id, locale), input: userInput({ extension }) });
      expect(result).toEqual({ fieldErrors: { extension: message } });
    }
    expect(await teamSnapshot(company.id)).toEqual(before);
  });

  it("refuses an e-mail already used, naming the colleague but never another company's account", async () => {
    const { company, admin } = await signUpCompany();
    const other = await signUpCompany();
    const colleague = await addMember(company.id, { firstName: 'Cole', lastName: 'League' });
    const before = await teamSnapshot(company.id);

    const mine = await runAction(addUser, { ...as(admin.id), input: userInput({ email: colleague.email }) });
    expect(mine).toEqual({ fieldErrors: { email: 'Cole League already uses this address in your team.' } });
    // Another company's address: the same answer as for any address that cannot be used.
    const theirs = await runAction(addUser, { ...as(admin.id), input: userInput({ email: other.admin.email.toUpperCase() }) });
    expect(theirs).toEqual({ fieldErrors: { email: 'This address cannot be used for a new account.' } });
    expect(JSON.stringify(theirs)).not.toMatch(/company|compan|Admin/i);
    expect(await teamSnapshot(company.id)).toEqual(before);
  });

  it('refuses an Office licence when every seat is used, with the counts', async () => {
    const { company, admin } = await signUpCompany({ officeSeats: 1 });
    const before = await teamSnapshot(company.id);
    const result = await runAction(addUser, { ...as(admin.id), input: userInput({ licence: 'office', phone: APP_ONLY }) });
    expect(result).toEqual({
      fieldErrors: { licence: 'No Office licence left: 1 of 1 is in use. Buy more on the Licences card.' },
    });
    expect(await teamSnapshot(company.id)).toEqual(before);
    // A Free licence needs no seat.
    expect((await runAction(addUser, { ...as(admin.id), input: userInput() })).ok).toBe(true);
  });

  it('requires a phone choice for Office and rejects a licence it does not know', async () => {
    const { admin } = await signUpCompany();
    expect(await runAction(addUser, { ...as(admin.id), input: userInput({ licence: 'office', phone: '' }) })).toEqual({
      fieldErrors: { phone: 'Choose App only or a desk phone for an Office licence.' },
    });
    expect(
      await runAction(addUser, { ...as(admin.id), input: { ...userInput(), licence: 'gold' as 'free' } }),
    ).toEqual({ fieldErrors: { licence: 'Choose Free or Office.' } });
  });

  it('refuses a desk phone that is held, belongs to another company, or does not exist', async () => {
    const { company, admin } = await signUpCompany();
    const other = await signUpCompany();
    const held = await addDeskPhone(company.id, { userId: admin.id });
    const foreign = await addDeskPhone(other.company.id);
    const before = await teamSnapshot(company.id);

    for (const phone of [held.id, foreign.id, '7d0c3c1e-3b7e-4a7e-9a4f-2a1f0e0b9c11', 'not-a-device']) {
      const result = await runAction(addUser, { ...as(admin.id), input: userInput({ licence: 'office', phone }) });
      expect(result).toEqual({ fieldErrors: { phone: 'This desk phone is no longer available. Choose another one.' } });
    }
    expect(await teamSnapshot(company.id)).toEqual(before);
    expect((await deviceRow(foreign.id)).userId).toBeNull();
  });

  it('is refused to a member, who cannot change setup', async () => {
    const { company } = await signUpCompany();
    const member = await addMember(company.id);
    const result = await runAction(addUser, { ...as(member.id), input: userInput() });
    expect(result).toEqual({ formError: 'Only an administrator of this company can do that.' });
  });
});

describe('updateUser', () => {
  it('renames and renumbers in place: the extension keeps its id, the audit holds only the diff', async () => {
    const { company, admin } = await signUpCompany();
    const { user, extension } = await addMemberWithExtension(company.id, '102', { firstName: 'Cy', lastName: 'Cole' });

    const result = await runAction(updateUser, {
      ...as(admin.id),
      input: userInput({ id: user.id, firstName: 'Cyril', lastName: 'Cole', email: user.email, extension: '250' }),
    });
    expect(result).toEqual({ ok: true, data: { id: user.id } });
    expect(await extensionOf(user.id)).toMatchObject({ id: extension.id, number: '250' });
    expect(await userRow(user.id)).toMatchObject({ firstName: 'Cyril', lastName: 'Cole' });

    const entries = await auditEntries(company.id, 'user.updated');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      card: 'team',
      target: 'Cyril Cole',
      before: { firstName: 'Cy', extension: '102' },
      after: { firstName: 'Cyril', extension: '250' },
    });
  });

  it('keeps its own extension and e-mail without calling them taken', async () => {
    const { company, admin } = await signUpCompany();
    const { user } = await addMemberWithExtension(company.id, '102');
    const result = await runAction(updateUser, {
      ...as(admin.id),
      input: userInput({ id: user.id, firstName: user.firstName, lastName: user.lastName, email: user.email, extension: '102' }),
    });
    expect(result.ok).toBe(true);
    // Nothing changed, so no history entry.
    expect(await auditEntries(company.id, 'user.updated')).toHaveLength(0);
  });

  it('refuses a colleague’s extension or e-mail with the same messages as adding', async () => {
    const { company, admin } = await signUpCompany({ firstName: 'Ada', lastName: 'Admin' });
    const { user } = await addMemberWithExtension(company.id, '102');
    const before = await teamSnapshot(company.id);

    expect(
      await runAction(updateUser, { ...as(admin.id), input: userInput({ id: user.id, email: user.email, extension: '101' }) }),
    ).toEqual({ fieldErrors: { extension: 'Extension 101 is already used by Ada Admin.' } });
    expect(
      await runAction(updateUser, { ...as(admin.id), input: userInput({ id: user.id, email: admin.email, extension: '102' }) }),
    ).toEqual({ fieldErrors: { email: 'Ada Admin already uses this address in your team.' } });
    expect(await teamSnapshot(company.id)).toEqual(before);
  });

  it('takes a seat going Office (checked) and frees seat and desk phone going Free', async () => {
    const { company, admin } = await signUpCompany({ officeSeats: 2 });
    const { user } = await addMemberWithExtension(company.id, '102');
    const { user: third } = await addMemberWithExtension(company.id, '103');
    const phone = await addDeskPhone(company.id);

    const toOffice = await runAction(updateUser, {
      ...as(admin.id),
      input: userInput({ id: user.id, email: user.email, licence: 'office', phone: phone.id }),
    });
    expect(toOffice.ok).toBe(true);
    expect((await deviceRow(phone.id)).userId).toBe(user.id);
    expect(await officeUsers(company.id)).toBe(2);

    const noSeat = await runAction(updateUser, {
      ...as(admin.id),
      input: userInput({ id: third.id, email: third.email, extension: '103', licence: 'office', phone: APP_ONLY }),
    });
    expect(noSeat).toEqual({
      fieldErrors: { licence: 'No Office licence left: 2 of 2 are in use. Buy more on the Licences card.' },
    });

    const toFree = await runAction(updateUser, {
      ...as(admin.id),
      input: userInput({ id: user.id, email: user.email, licence: 'free', phone: phone.id }),
    });
    expect(toFree.ok).toBe(true);
    expect((await userRow(user.id)).licence).toBe('free');
    expect((await deviceRow(phone.id)).userId).toBeNull();
    expect(await officeUsers(company.id)).toBe(1);
    const [entry] = (await auditEntries(company.id, 'user.updated')).slice(-1);
    expect(entry.before).toEqual({ licence: 'office', phone: `Yealink T54W (${phone.mac})` });
    expect(entry.after).toEqual({ licence: 'free', phone: null });
  });

  it('moves a user from one desk phone to another, or to App only', async () => {
    const { company, admin } = await signUpCompany();
    const first = await addDeskPhone(company.id, { userId: admin.id });
    const second = await addDeskPhone(company.id);
    const adminInput = (phone: string) =>
      userInput({ id: admin.id, firstName: 'Ada', lastName: 'Admin', email: admin.email, extension: '101', licence: 'office', phone });

    expect((await runAction(updateUser, { ...as(admin.id), input: adminInput(second.id) })).ok).toBe(true);
    expect((await deviceRow(first.id)).userId).toBeNull();
    expect((await deviceRow(second.id)).userId).toBe(admin.id);

    expect((await runAction(updateUser, { ...as(admin.id), input: adminInput(APP_ONLY) })).ok).toBe(true);
    expect((await deviceRow(second.id)).userId).toBeNull();
    // No seat check for a user who already holds Office.
    expect(await officeUsers(company.id)).toBe(1);
  });

  it('reads a user of another company as not found and writes nothing there', async () => {
    const { admin } = await signUpCompany();
    const other = await signUpCompany();
    const { user } = await addMemberWithExtension(other.company.id, '102');
    const before = await teamSnapshot(other.company.id);
    const result = await runAction(updateUser, {
      ...as(admin.id),
      input: userInput({ id: user.id, email: user.email, firstName: 'Hacked' }),
    });
    expect(result).toEqual({ formError: 'This item no longer exists in your company.' });
    expect(await teamSnapshot(other.company.id)).toEqual(before);
  });

  it('needs the id of the user to edit', async () => {
    const { admin } = await signUpCompany();
    const result = await runAction(updateUser, { ...as(admin.id), input: userInput() });
    expect(result.fieldErrors?.id).toBe('This item no longer exists in your company.');
  });
});

describe('removeUser', () => {
  it('frees the extension, the seat and the desk phone, and audits what was removed', async () => {
    const { company, admin } = await signUpCompany();
    const { user, extension } = await addMemberWithExtension(company.id, '102', {
      firstName: 'Dan',
      lastName: 'Dupont',
      licence: 'office',
    });
    const phone = await addDeskPhone(company.id, { userId: user.id });
    expect(await officeUsers(company.id)).toBe(2);

    const result = await runAction(removeUser, { ...as(admin.id), input: { id: user.id } });
    expect(result).toEqual({ ok: true, data: { id: user.id } });
    expect(await userRow(user.id)).toBeUndefined();
    expect(await db().select().from(extensions).where(eq(extensions.id, extension.id))).toEqual([]);
    expect((await deviceRow(phone.id)).userId).toBeNull();
    expect(await officeUsers(company.id)).toBe(1);

    const entries = await auditEntries(company.id, 'user.removed');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ card: 'team', target: 'Dan Dupont', after: null });
    expect(entries[0].before).toEqual({
      firstName: 'Dan',
      lastName: 'Dupont',
      email: user.email,
      role: 'member',
      licence: 'office',
      extension: '102',
      phone: `Yealink T54W (${phone.mac})`,
      site: 'Siège',
      floorRoom: null,
    });

    // The number is free again.
    expect((await runAction(addUser, { ...as(admin.id), input: userInput({ extension: '102' }) })).ok).toBe(true);
  });

  it('refuses to remove yourself, and a user of another company reads as not found', async () => {
    const { company, admin } = await signUpCompany();
    const other = await signUpCompany();
    const before = await teamSnapshot(company.id);
    expect(await runAction(removeUser, { ...as(admin.id), input: { id: admin.id } })).toEqual({
      formError: 'You cannot remove yourself. Ask another administrator.',
    });
    expect(await runAction(removeUser, { ...as(admin.id), input: { id: other.admin.id } })).toEqual({
      formError: 'This item no longer exists in your company.',
    });
    expect(await userRow(other.admin.id)).toBeDefined();
    expect(await teamSnapshot(company.id)).toEqual(before);
  });

  it('lets an admin remove another admin', async () => {
    const { company, admin } = await signUpCompany();
    const { user: second } = await addMemberWithExtension(company.id, '102', { role: 'admin' });
    expect((await runAction(removeUser, { ...as(admin.id), input: { id: second.id } })).ok).toBe(true);
  });
});

describe('setUserRole', () => {
  it('promotes and demotes, one audit entry per change', async () => {
    const { company, admin } = await signUpCompany();
    const { user } = await addMemberWithExtension(company.id, '102', { firstName: 'Eve', lastName: 'Evans' });

    expect(await runAction(setUserRole, { ...as(admin.id), input: { id: user.id, role: 'admin' } })).toEqual({
      ok: true,
      data: { id: user.id, role: 'admin' },
    });
    expect((await userRow(user.id)).role).toBe('admin');
    expect((await runAction(setUserRole, { ...as(admin.id), input: { id: user.id, role: 'member' } })).ok).toBe(true);
    expect((await userRow(user.id)).role).toBe('member');

    const entries = await auditEntries(company.id, 'user.roleChanged');
    expect(entries.map((e) => [e.target, e.before, e.after])).toEqual([
      ['Eve Evans', { role: 'member' }, { role: 'admin' }],
      ['Eve Evans', { role: 'admin' }, { role: 'member' }],
    ]);
  });

  it('refuses demoting the last admin, yourself included; allows it once another admin exists', async () => {
    const { company, admin } = await signUpCompany();
    const before = await teamSnapshot(company.id);
    expect(await runAction(setUserRole, { ...as(admin.id), input: { id: admin.id, role: 'member' } })).toEqual({
      formError: 'Your company needs at least one administrator. Make someone else an administrator first.',
    });
    expect(
      (await runAction(setUserRole, { ...as(admin.id, 'fr'), input: { id: admin.id, role: 'member' } })).formError,
    ).toBe(
      'Votre entreprise doit avoir au moins un administrateur. Nommez d’abord quelqu’un d’autre administrateur.',
    );
    expect(await teamSnapshot(company.id)).toEqual(before);

    const { user: other } = await addMemberWithExtension(company.id, '102');
    await runAction(setUserRole, { ...as(admin.id), input: { id: other.id, role: 'admin' } });
    expect((await runAction(setUserRole, { ...as(admin.id), input: { id: admin.id, role: 'member' } })).ok).toBe(true);
    expect((await userRow(admin.id)).role).toBe('member');
    // Re-read on every call: the former admin is refused at once.
    expect(await runAction(setUserRole, { ...as(admin.id), input: { id: admin.id, role: 'admin' } })).toEqual({
      formError: 'Only an administrator of this company can do that.',
    });
  });

  it('does not touch a user of another company', async () => {
    const { admin } = await signUpCompany();
    const other = await signUpCompany();
    const member = await addMember(other.company.id);
    expect(await runAction(setUserRole, { ...as(admin.id), input: { id: member.id, role: 'admin' } })).toEqual({
      formError: 'This item no longer exists in your company.',
    });
    expect((await userRow(member.id)).role).toBe('member');
  });
});

describe('addDevice', () => {
  it('stores the MAC upper-case with colons and refuses it twice across companies', async () => {
    const { company, admin } = await signUpCompany();
    const other = await signUpCompany();
    const added = await runAction(addDevice, { ...as(admin.id), input: { model: 'Yealink T46U', mac: '80-5e-c0-12-34-56' } });
    expect(added).toEqual({ ok: true, data: { id: expect.any(String), model: 'Yealink T46U', mac: '80:5E:C0:12:34:56' } });
    expect(await auditEntries(company.id, 'device.added')).toHaveLength(1);

    expect(
      await runAction(addDevice, { ...as(other.admin.id), input: { model: 'Other', mac: '805EC0123456' } }),
    ).toEqual({ fieldErrors: { mac: 'This MAC address cannot be added.' } });
    expect(
      await runAction(addDevice, { ...as(admin.id), input: { model: 'Again', mac: '805EC0123456' } }),
    ).toEqual({ fieldErrors: { mac: 'This desk phone (Yealink T46U) is already in your inventory.' } });
    expect(await runAction(addDevice, { ...as(admin.id), input: { model: 'Bad', mac: '80:5E:C0' } })).toEqual({
      fieldErrors: { mac: 'Enter a MAC address of 12 hexadecimal characters, e.g. 00:1A:2B:3C:4D:5E.' },
    });
  });
});

describe('completeTeamCard', () => {
  it('verifies the card, which stays verified after later edits', async () => {
    const { company, admin } = await signUpCompany();
    expect(await runAction(completeTeamCard, { ...as(admin.id), input: {} })).toEqual({ ok: true, data: undefined });
    expect(await cardStatus(company.id, 'team')).toBe('verified');
    expect((await runAction(addUser, { ...as(admin.id), input: userInput() })).ok).toBe(true);
    expect(await cardStatus(company.id, 'team')).toBe('verified');
  });
});

describe('unique constraints as field errors', () => {
  it('maps a lost extension or desk phone race to its field', async () => {
    const { company } = await signUpCompany();
    const { user } = await addMemberWithExtension(company.id, '102');
    const phone = await addDeskPhone(company.id, { userId: user.id });
    const duplicate = await db()
      .insert(extensions)
      .values({ companyId: company.id, number: '102', type: 'conference' })
      .catch((e: unknown) => e);
    expect(constraintError(duplicate)).toMatchObject({ key: 'errors.extensionTakenRace', options: { field: 'extension' } });

    const second = await addDeskPhone(company.id);
    const held = await db()
      .update(devices)
      .set({ userId: user.id })
      .where(eq(devices.id, second.id))
      .catch((e: unknown) => e);
    expect(constraintError(held)).toMatchObject({ key: 'errors.phoneUnavailable', options: { field: 'phone' } });
    expect((await deviceRow(phone.id)).userId).toBe(user.id);
  });

  it('one audit entry per user changed', async () => {
    const { company, admin } = await signUpCompany();
    const added = await runAction(addUser, { ...as(admin.id), input: userInput({ licence: 'office', phone: APP_ONLY }) });
    const id = added.data!.id;
    const [row] = await db().select().from(users).where(eq(users.id, id));
    await runAction(updateUser, {
      ...as(admin.id),
      input: userInput({ id, firstName: 'New', lastName: row.lastName, email: row.email, licence: 'office', phone: APP_ONLY }),
    });
    await runAction(setUserRole, { ...as(admin.id), input: { id, role: 'admin' } });
    await runAction(removeUser, { ...as(admin.id), input: { id } });
    const entries = (await auditEntries(company.id)).filter((e) => e.card === 'team');
    expect(entries.map((e) => e.action)).toEqual(['user.added', 'user.updated', 'user.roleChanged', 'user.removed']);
  });
});
