import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { extensions, ringGroupMembers, users } from '@/db/schema';
import {
  createConference,
  createRingGroup,
  renumberExtension,
  updateConference,
} from '@/lib/extensions/actions';
import { getExtensionsCardData } from '@/lib/extensions/queries';
import { addUser } from '@/lib/team/actions';
import { translator } from '@/lib/i18n/messages';
import { signUpCompany } from '../../helpers/factories';
import { testDbKind, useTestDatabase } from '../../helpers/db';
import { act, addPeople, extensionRow, extensionsSnapshot, membersOf, ringGroupInput } from '../../helpers/extensions';
import { auditEntries, userInput } from '../../helpers/team';

useTestDatabase();

const en = translator('en');
const conference = (overrides: Record<string, unknown> = {}) => ({ name: 'Board', extension: '800', maxParticipants: 10, ...overrides });

describe('numbering across types', () => {
  it('a user, a ring group and a conference never share a number, whichever is created first', async () => {
    const { company, admin } = await signUpCompany();
    const [jean] = await addPeople(company.id, 1);
    const sales = await act(createRingGroup, admin.id, ringGroupInput([jean.user.id]));
    expect(sales.ok).toBe(true);
    const board = await act(createConference, admin.id, conference());
    expect(board.ok).toBe(true);
    const before = await extensionsSnapshot(company.id);

    // A ring group on a user's number, a conference on a ring group's, a user on a conference's.
    const onUser = await act(createRingGroup, admin.id, ringGroupInput([jean.user.id], { name: 'Support', extension: '102' }));
    expect(onUser.fieldErrors).toEqual({ extension: en('errors.extensionTaken', { number: '102', name: 'Person 1' }) });
    const onGroup = await act(createConference, admin.id, conference({ extension: '500' }));
    expect(onGroup.fieldErrors).toEqual({ extension: en('errors.extensionTaken', { number: '500', name: 'Sales' }) });
    const onBridge = await act(addUser, admin.id, userInput({ extension: '800' }));
    expect(onBridge.fieldErrors?.extension).toBe(en('errors.extensionTaken', { number: '800', name: 'Board' }));
    // And renumbering onto a taken number, any type onto any type.
    const renumber = await act(renumberExtension, admin.id, { id: jean.extension.id, extension: '500' });
    expect(renumber.fieldErrors).toEqual({ extension: en('errors.extensionTaken', { number: '500', name: 'Sales' }) });
    const renumberBridge = await act(renumberExtension, admin.id, { id: board.data!.id, extension: '101' });
    expect(renumberBridge.fieldErrors).toEqual({
      extension: en('errors.extensionTaken', { number: '101', name: 'Ada Admin' }),
    });
    expect(await extensionsSnapshot(company.id)).toEqual(before);
  });

  it('applies the company’s numbering rules to every type', async () => {
    const { company, admin } = await signUpCompany({ country: 'FR' });
    const [jean] = await addPeople(company.id, 1);
    const group = (n: string) => act(createRingGroup, admin.id, ringGroupInput([jean.user.id], { extension: n }));
    expect((await group('112')).fieldErrors).toEqual({ extension: 'This number is reserved for the emergency number 112.' });
    expect((await group('50')).fieldErrors).toEqual({ extension: 'An extension has exactly 3 digits in your company.' });
    expect((await group('5a0')).fieldErrors).toEqual({ extension: 'An extension contains digits only.' });
    expect((await group('050')).fieldErrors).toEqual({ extension: 'An extension cannot start with 0.' });
    expect((await act(createConference, admin.id, conference({ extension: '1160' }))).fieldErrors).toEqual({
      extension: 'An extension has exactly 3 digits in your company.',
    });
    expect((await act(renumberExtension, admin.id, { id: jean.extension.id, extension: '116' })).fieldErrors).toEqual({
      extension: 'This number is reserved for the emergency number 116000.',
    });
    expect((await act(renumberExtension, admin.id, { id: jean.extension.id, extension: '197' })).fieldErrors).toEqual({
      extension: 'This number is reserved for the emergency number 197.',
    });
  });

  it('pre-fills the next free number of each type’s block', async () => {
    const { company, admin } = await signUpCompany();
    const [jean] = await addPeople(company.id, 1);
    expect((await getExtensionsCardData(company.id)).next).toEqual({ user: '103', ring_group: '500', conference: '800' });
    await act(createRingGroup, admin.id, ringGroupInput([jean.user.id]));
    await act(createConference, admin.id, conference());
    // A user renumbered into the ring-group block takes that number out of it too, and frees theirs.
    await act(renumberExtension, admin.id, { id: jean.extension.id, extension: '501' });
    expect((await getExtensionsCardData(company.id)).next).toEqual({ user: '102', ring_group: '502', conference: '801' });
  });

  it('two admins at once, one adding a user and one a ring group on the same number: exactly one gets it', async () => {
    for (let round = 0; round < 5; round++) {
      const { company, admin } = await signUpCompany();
      const [second] = await addPeople(company.id, 1, 199);
      await db().update(users).set({ role: 'admin' }).where(eq(users.id, second.user.id));
      const number = '160';
      const results = await Promise.all([
        act(addUser, admin.id, userInput({ extension: number })),
        act(createRingGroup, second.user.id, ringGroupInput([second.user.id], { extension: number })),
      ]);
      const winners = results.filter((r) => r.ok);
      expect(winners, `${testDbKind}: ${JSON.stringify(results)}`).toHaveLength(1);
      const loser = results.find((r) => !r.ok)!;
      expect(Object.keys(loser.fieldErrors ?? {})).toEqual(['extension']);
      const holders = await db().select().from(extensions).where(eq(extensions.number, number));
      expect(holders.filter((h) => h.companyId === company.id)).toHaveLength(1);
    }
  });

  it('the unique index alone decides when two inserts race past every check', async () => {
    const { company } = await signUpCompany();
    const insert = (name: string) =>
      db()
        .insert(extensions)
        .values({ companyId: company.id, type: 'ring_group', number: '555', name })
        .then(
          () => 'ok',
          (e: { cause?: { code?: string }; code?: string }) => e.cause?.code ?? e.code,
        );
    const results = await Promise.all([insert('A'), insert('B')]);
    expect(results.sort()).toEqual(['23505', 'ok']);
  });
});

describe('renumberExtension', () => {
  it('renumbers a user in two ring groups who is also a no-answer target: everything still points at them', async () => {
    const { company, admin } = await signUpCompany();
    const [jean, ines, paul] = await addPeople(company.id, 3);
    const sales = (
      await act(createRingGroup, admin.id, ringGroupInput([ines.user.id, jean.user.id, paul.user.id], { strategy: 'sequential' }))
    ).data!.id;
    const support = (
      await act(
        createRingGroup,
        admin.id,
        ringGroupInput([jean.user.id, paul.user.id], {
          name: 'Support',
          extension: '501',
          noAnswer: { kind: 'voicemail', userId: jean.user.id },
        }),
      )
    ).data!.id;
    const afterHours = (
      await act(
        createRingGroup,
        admin.id,
        ringGroupInput([ines.user.id], {
          name: 'After hours',
          extension: '502',
          noAnswer: { kind: 'extension', extensionId: jean.extension.id },
        }),
      )
    ).data!.id;
    const membershipsBefore = await db().select().from(ringGroupMembers).where(eq(ringGroupMembers.userId, jean.user.id));

    const result = await act(renumberExtension, admin.id, { id: jean.extension.id, extension: '110' });
    expect(result).toEqual({ ok: true, data: { id: jean.extension.id, extension: '110' } });

    // Same row, new number; memberships and targets are untouched rows.
    expect(await extensionRow(jean.extension.id)).toMatchObject({ id: jean.extension.id, number: '110', userId: jean.user.id });
    expect(await db().select().from(ringGroupMembers).where(eq(ringGroupMembers.userId, jean.user.id))).toEqual(
      membershipsBefore,
    );
    expect((await membersOf(sales)).map((m) => m.userId)).toEqual([ines.user.id, jean.user.id, paul.user.id]);
    expect(await extensionRow(support)).toMatchObject({ noAnswerKind: 'voicemail', noAnswerUserId: jean.user.id });
    expect(await extensionRow(afterHours)).toMatchObject({ noAnswerKind: 'extension', noAnswerExtensionId: jean.extension.id });

    // What the card shows follows: the new number everywhere.
    const rows = (await getExtensionsCardData(company.id, { type: 'ring_group' })).rows;
    const byName = Object.fromEntries(rows.map((r) => [r.name, r.ringGroup!]));
    expect(byName.Sales.members.map((m) => `${m.name} ${m.extension}`)).toEqual(['Person 2 103', 'Person 1 110', 'Person 3 104']);
    expect(byName.Support.members[0]).toMatchObject({ name: 'Person 1', extension: '110' });
    expect(byName['After hours'].noAnswer).toEqual({
      kind: 'extension',
      extensionId: jean.extension.id,
      number: '110',
      type: 'user',
      name: 'Person 1',
    });

    const entries = await auditEntries(company.id, 'extension.renumbered');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      card: 'extensions',
      target: 'Person 1',
      before: { type: 'user', number: '102' },
      after: { type: 'user', number: '110' },
    });
  });

  it('renumbers ring groups and conferences too; the same number is a no-op without history', async () => {
    const { company, admin } = await signUpCompany();
    const [jean] = await addPeople(company.id, 1);
    const sales = (await act(createRingGroup, admin.id, ringGroupInput([jean.user.id]))).data!.id;
    const board = (await act(createConference, admin.id, conference())).data!.id;
    expect((await act(renumberExtension, admin.id, { id: sales, extension: '510' })).ok).toBe(true);
    expect((await act(renumberExtension, admin.id, { id: board, extension: '810' })).ok).toBe(true);
    expect((await act(updateConference, admin.id, { id: board, name: 'Board', extension: '820', maxParticipants: 10 })).ok).toBe(
      true,
    );
    expect(await extensionRow(sales)).toMatchObject({ number: '510', type: 'ring_group' });
    expect(await extensionRow(board)).toMatchObject({ number: '820', type: 'conference' });
    const count = (await auditEntries(company.id, 'extension.renumbered')).length;
    expect((await act(renumberExtension, admin.id, { id: sales, extension: '510' })).ok).toBe(true);
    expect(await auditEntries(company.id, 'extension.renumbered')).toHaveLength(count);
    expect((await auditEntries(company.id, 'conference.updated'))[0]).toMatchObject({
      before: { extension: '810' },
      after: { extension: '820' },
    });
  });
});
