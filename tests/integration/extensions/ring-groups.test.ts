import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { extensions, ringGroupMembers, setupProgress, users } from '@/db/schema';
import { formDataToObject } from '@/lib/actions/state';
import { completeExtensionsCard, createRingGroup, deleteRingGroup, updateRingGroup } from '@/lib/extensions/actions';
import { getExtensionsCardData, getExtensionWarnings } from '@/lib/extensions/queries';
import { removeUser } from '@/lib/team/actions';
import fr from '@/messages/fr.json';
import { signUpCompany } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';
import { act, addPeople, extensionRow, extensionsSnapshot, membersOf, ringGroupInput } from '../../helpers/extensions';
import { auditEntries } from '../../helpers/team';

useTestDatabase();

/** A company with `n` members on 102, 103, ... */
async function companyWith(n: number) {
  const { company, admin } = await signUpCompany();
  const people = await addPeople(company.id, n);
  return { company, admin, ids: people.map((p) => p.user.id), people };
}

async function progressOf(companyId: string) {
  const [row] = await db()
    .select()
    .from(setupProgress)
    .where(and(eq(setupProgress.companyId, companyId), eq(setupProgress.card, 'extensions')));
  return row?.status ?? 'not_started';
}

/** `count` users inserted in one statement each for users and extensions (101 members needs 101 people). */
async function bulkPeople(companyId: string, count: number) {
  const rows = await db()
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        companyId,
        firstName: 'Bulk',
        lastName: String(i),
        email: `bulk-${randomUUID()}@example.com`,
      })),
    )
    .returning({ id: users.id });
  await db()
    .insert(extensions)
    .values(rows.map((r, i) => ({ companyId, type: 'user' as const, userId: r.id, number: String(200 + i) })));
  return rows.map((r) => r.id);
}

describe('createRingGroup', () => {
  it('creates an ordered ring group, audits it with names, and marks the card in progress', async () => {
    const { company, admin, ids } = await companyWith(3);
    const input = ringGroupInput([ids[2], ids[0], ids[1]], {
      strategy: 'sequential',
      members: [
        { userId: ids[2], ringSeconds: 15 },
        { userId: ids[0] },
        { userId: ids[1], ringSeconds: '30' },
      ],
      noAnswer: { kind: 'voicemail', userId: ids[0] },
    });
    const result = await act(createRingGroup, admin.id, input);
    expect(result.ok).toBe(true);
    const { id } = result.data!;

    expect(await extensionRow(id)).toMatchObject({
      companyId: company.id,
      type: 'ring_group',
      number: '500',
      name: 'Sales',
      strategy: 'sequential',
      noAnswerKind: 'voicemail',
      noAnswerUserId: ids[0],
      noAnswerExtensionId: null,
      userId: null,
    });
    expect(await membersOf(id)).toEqual([
      { userId: ids[2], position: 0, ringSeconds: 15 },
      { userId: ids[0], position: 1, ringSeconds: 20 },
      { userId: ids[1], position: 2, ringSeconds: 30 },
    ]);
    const [entry] = await auditEntries(company.id, 'ring_group.created');
    expect(entry).toMatchObject({
      card: 'extensions',
      target: 'Sales (500)',
      before: null,
      after: {
        name: 'Sales',
        extension: '500',
        strategy: 'sequential',
        members: [
          { name: 'Person 3', extension: '104', ringSeconds: 15 },
          { name: 'Person 1', extension: '102', ringSeconds: 20 },
          { name: 'Person 2', extension: '103', ringSeconds: 30 },
        ],
        noAnswer: { kind: 'voicemail', name: 'Person 1' },
      },
    });
    expect(await progressOf(company.id)).toBe('in_progress');
  });

  it('reads members and the no-answer target from the dialog’s FormData (JSON fields)', async () => {
    const { admin, ids } = await companyWith(2);
    const form = new FormData();
    form.set('name', 'Support');
    form.set('extension', '501');
    form.set('strategy', 'round_robin');
    form.set('members', JSON.stringify([{ userId: ids[1], ringSeconds: '25' }, { userId: ids[0], ringSeconds: 20 }]));
    form.set('noAnswer', JSON.stringify({ kind: 'voicemail', userId: ids[1] }));
    // What react-hook-form's registered inputs add to the form: ignored.
    form.set('members.0.ringSeconds', '25');
    form.set('noAnswer.kind', 'voicemail');
    const result = await act(createRingGroup, admin.id, formDataToObject(form));
    expect(result.ok).toBe(true);
    expect(await membersOf(result.data!.id)).toEqual([
      { userId: ids[1], position: 0, ringSeconds: 25 },
      { userId: ids[0], position: 1, ringSeconds: 20 },
    ]);

    form.set('members', '{not json');
    form.set('extension', '502');
    expect((await act(createRingGroup, admin.id, formDataToObject(form))).fieldErrors).toEqual({
      members: 'Add at least one member.',
    });
  });

  it('refuses 0 and 101 members, accepts 100, and refuses a person listed twice', async () => {
    const { company, admin } = await signUpCompany();
    const ids = await bulkPeople(company.id, 101);
    const before = await extensionsSnapshot(company.id);

    const none = await act(createRingGroup, admin.id, ringGroupInput([], { noAnswer: { kind: 'voicemail', userId: ids[0] } }));
    expect(none.fieldErrors).toEqual({ members: 'Add at least one member.' });
    const tooMany = await act(createRingGroup, admin.id, ringGroupInput(ids));
    expect(tooMany.fieldErrors).toEqual({ members: 'A ring group has at most 100 members.' });
    const twice = await act(createRingGroup, admin.id, ringGroupInput([ids[0], ids[1], ids[0]]));
    expect(twice.fieldErrors).toEqual({ members: 'Each person can be in the list only once.' });
    const inFrench = await act(createRingGroup, admin.id, ringGroupInput([]), 'fr');
    expect(inFrench.fieldErrors?.members).toBe(fr.errors.membersMin);
    expect(await extensionsSnapshot(company.id)).toEqual(before);

    const hundred = await act(createRingGroup, admin.id, ringGroupInput(ids.slice(0, 100)));
    expect(hundred.ok).toBe(true);
    expect(await membersOf(hundred.data!.id)).toHaveLength(100);
  });

  it('refuses ring times outside 5-300 seconds on the member’s own field', async () => {
    const { admin, ids } = await companyWith(2);
    const short = ringGroupInput(ids, { members: [{ userId: ids[0], ringSeconds: 20 }, { userId: ids[1], ringSeconds: 4 }] });
    expect((await act(createRingGroup, admin.id, short)).fieldErrors).toEqual({
      'members.1.ringSeconds': 'Ring time is a whole number of seconds from 5 to 300.',
    });
    const long = ringGroupInput(ids, { members: [{ userId: ids[0], ringSeconds: 301 }, { userId: ids[1] }] });
    expect(Object.keys((await act(createRingGroup, admin.id, long)).fieldErrors ?? {})).toEqual(['members.0.ringSeconds']);
    const bounds = ringGroupInput(ids, { members: [{ userId: ids[0], ringSeconds: 5 }, { userId: ids[1], ringSeconds: 300 }] });
    expect((await act(createRingGroup, admin.id, bounds)).ok).toBe(true);
  });

  it('refuses a member of another company as not found, on the member list, and writes nothing', async () => {
    const { company, admin, ids } = await companyWith(1);
    const other = await companyWith(1);
    const before = await extensionsSnapshot(company.id);
    const result = await act(createRingGroup, admin.id, ringGroupInput([ids[0], other.ids[0]]));
    expect(result).toEqual({ fieldErrors: { members: 'One of the members is no longer in your company. Reload and try again.' } });
    // Their admin counts too: a user id from elsewhere never joins.
    const theirAdmin = await act(createRingGroup, admin.id, ringGroupInput([other.admin.id]));
    expect(theirAdmin.fieldErrors).toEqual({ members: expect.stringMatching(/no longer in your company/) });
    const unknown = await act(createRingGroup, admin.id, ringGroupInput([randomUUID()]));
    expect(unknown.fieldErrors?.members).toMatch(/no longer in your company/);
    expect(await extensionsSnapshot(company.id)).toEqual(before);
  });

  it('requires the voicemail to be a member’s, and the no-answer extension to be this company’s', async () => {
    const { admin, ids, people } = await companyWith(3);
    const other = await companyWith(1);
    const notMember = await act(
      createRingGroup,
      admin.id,
      ringGroupInput([ids[0], ids[1]], { noAnswer: { kind: 'voicemail', userId: ids[2] } }),
    );
    expect(notMember.fieldErrors).toEqual({ noAnswer: 'Choose the voicemail of one of the ring group’s members.' });
    const missing = await act(createRingGroup, admin.id, ringGroupInput(ids, { noAnswer: { kind: 'extension', extensionId: '' } }));
    expect(missing.fieldErrors).toEqual({ 'noAnswer.extensionId': 'Choose what happens when nobody answers.' });
    const elsewhere = await act(
      createRingGroup,
      admin.id,
      ringGroupInput(ids, { noAnswer: { kind: 'extension', extensionId: other.people[0].extension.id } }),
    );
    expect(elsewhere.fieldErrors).toEqual({ noAnswer: 'This item no longer exists in your company.' });
    const ok = await act(
      createRingGroup,
      admin.id,
      ringGroupInput([ids[0]], { noAnswer: { kind: 'extension', extensionId: people[2].extension.id } }),
    );
    expect(ok.ok).toBe(true);
    expect(await extensionRow(ok.data!.id)).toMatchObject({
      noAnswerKind: 'extension',
      noAnswerExtensionId: people[2].extension.id,
      noAnswerUserId: null,
    });
  });
});

describe('updateRingGroup', () => {
  it('reorders members, changes strategy and target, keeps the id, and audits only what changed', async () => {
    const { company, admin, ids, people } = await companyWith(3);
    const created = await act(createRingGroup, admin.id, ringGroupInput(ids));
    const id = created.data!.id;

    const result = await act(
      updateRingGroup,
      admin.id,
      ringGroupInput([ids[2], ids[0], ids[1]], {
        id,
        strategy: 'sequential',
        noAnswer: { kind: 'extension', extensionId: people[1].extension.id },
      }),
    );
    expect(result).toEqual({ ok: true, data: { id } });
    expect((await membersOf(id)).map((m) => m.userId)).toEqual([ids[2], ids[0], ids[1]]);
    expect(await extensionRow(id)).toMatchObject({ strategy: 'sequential', noAnswerKind: 'extension', noAnswerUserId: null });

    const [entry] = await auditEntries(company.id, 'ring_group.updated');
    expect(entry.before).toEqual({
      strategy: 'simultaneous',
      members: [
        { name: 'Person 1', extension: '102', ringSeconds: 20 },
        { name: 'Person 2', extension: '103', ringSeconds: 20 },
        { name: 'Person 3', extension: '104', ringSeconds: 20 },
      ],
      noAnswer: { kind: 'voicemail', name: 'Person 1' },
    });
    expect(entry.after).toMatchObject({
      strategy: 'sequential',
      noAnswer: { kind: 'extension', extension: '103', name: 'Person 2' },
    });

    // Saving the same values again changes nothing and writes no history.
    const again = await act(
      updateRingGroup,
      admin.id,
      ringGroupInput([ids[2], ids[0], ids[1]], {
        id,
        strategy: 'sequential',
        noAnswer: { kind: 'extension', extensionId: people[1].extension.id },
      }),
    );
    expect(again.ok).toBe(true);
    expect(await auditEntries(company.id, 'ring_group.updated')).toHaveLength(1);
  });

  it('renumbers in place from the dialog: the group another one forwards to still gets the calls', async () => {
    const { admin, ids } = await companyWith(2);
    const sales = (await act(createRingGroup, admin.id, ringGroupInput(ids))).data!.id;
    const support = (
      await act(
        createRingGroup,
        admin.id,
        ringGroupInput(ids, { name: 'Support', extension: '501', noAnswer: { kind: 'extension', extensionId: sales } }),
      )
    ).data!.id;
    const result = await act(updateRingGroup, admin.id, ringGroupInput(ids, { id: sales, extension: '550' }));
    expect(result.ok).toBe(true);
    expect(await extensionRow(sales)).toMatchObject({ id: sales, number: '550' });
    expect((await extensionRow(support)).noAnswerExtensionId).toBe(sales);
  });

  it('refuses the group itself as its no-answer target', async () => {
    const { admin, ids } = await companyWith(1);
    const id = (await act(createRingGroup, admin.id, ringGroupInput(ids))).data!.id;
    const self = await act(updateRingGroup, admin.id, ringGroupInput(ids, { id, noAnswer: { kind: 'extension', extensionId: id } }));
    expect(self.fieldErrors).toEqual({ noAnswer: 'A ring group cannot forward unanswered calls to itself.' });
  });
});

describe('removing a user on the Team card', () => {
  it('takes them out of ring groups; a group left empty is flagged, not deleted, and blocks Done', async () => {
    const { company, admin, ids } = await companyWith(2);
    const sales = (await act(createRingGroup, admin.id, ringGroupInput([ids[0]], { name: 'Sales' }))).data!.id;
    const support = (
      await act(createRingGroup, admin.id, ringGroupInput([ids[0], ids[1]], { name: 'Support', extension: '501' }))
    ).data!.id;
    expect(await getExtensionWarnings(company.id)).toEqual([]);

    expect((await act(removeUser, admin.id, { id: ids[0] })).ok).toBe(true);
    expect(await membersOf(sales)).toEqual([]);
    expect((await membersOf(support)).map((m) => m.userId)).toEqual([ids[1]]);
    expect(await extensionRow(sales)).toBeDefined();

    // Sales lost its only member (and so its voicemail); Support lost its voicemail.
    expect(await getExtensionWarnings(company.id)).toEqual([
      { kind: 'noMembers', id: sales, name: 'Sales', number: '500' },
      { kind: 'noAnswerMissing', id: support, name: 'Support', number: '501' },
    ]);
    const data = await getExtensionsCardData(company.id, { type: 'ring_group' });
    expect(data.rows.map((r) => [r.name, r.ringGroup!.members.length, r.ringGroup!.noAnswer.kind])).toEqual([
      ['Sales', 0, 'missing'],
      ['Support', 1, 'missing'],
    ]);

    const done = await act(completeExtensionsCard, admin.id, {});
    expect(done).toEqual({ formError: 'The ring group Sales (500) has no members. Add one or delete the group.' });
    expect(await progressOf(company.id)).toBe('in_progress');
  });
});

describe('deleteRingGroup', () => {
  it('is refused while another ring group forwards to it, naming it; then deletes it and its memberships', async () => {
    const { company, admin, ids } = await companyWith(2);
    const sales = (await act(createRingGroup, admin.id, ringGroupInput(ids))).data!.id;
    const support = (
      await act(
        createRingGroup,
        admin.id,
        ringGroupInput(ids, { name: 'Support', extension: '501', noAnswer: { kind: 'extension', extensionId: sales } }),
      )
    ).data!.id;
    const before = await extensionsSnapshot(company.id);

    const refused = await act(deleteRingGroup, admin.id, { id: sales });
    expect(refused).toEqual({
      formError:
        'The ring group Support (501) forwards unanswered calls here. Choose another target for that group first.',
    });
    const inFrench = await act(deleteRingGroup, admin.id, { id: sales }, 'fr');
    expect(inFrench.formError).toMatch(/^Le groupe d’appels Support \(501\) renvoie ses appels sans réponse/);
    expect(await extensionsSnapshot(company.id)).toEqual(before);

    await act(updateRingGroup, admin.id, ringGroupInput(ids, { id: support, name: 'Support', extension: '501' }));
    const deleted = await act(deleteRingGroup, admin.id, { id: sales });
    expect(deleted).toEqual({ ok: true, data: { id: sales } });
    expect(await extensionRow(sales)).toBeUndefined();
    expect(await db().select().from(ringGroupMembers).where(eq(ringGroupMembers.ringGroupId, sales))).toEqual([]);
    const [entry] = await auditEntries(company.id, 'ring_group.deleted');
    expect(entry).toMatchObject({ target: 'Sales (500)', before: { name: 'Sales', extension: '500' }, after: null });
  });

  it('only deletes ring groups (not users or conferences) through this action', async () => {
    const { admin, people } = await companyWith(1);
    expect(await act(deleteRingGroup, admin.id, { id: people[0].extension.id })).toEqual({
      formError: 'This item no longer exists in your company.',
    });
  });
});

describe('completeExtensionsCard', () => {
  it('verifies the card when every ring group has a member and no loop', async () => {
    const { company, admin, ids } = await companyWith(1);
    await act(createRingGroup, admin.id, ringGroupInput(ids));
    expect(await act(completeExtensionsCard, admin.id, {})).toEqual({ ok: true, data: undefined });
    expect(await progressOf(company.id)).toBe('verified');
    const [entry] = await auditEntries(company.id, 'card.verified');
    expect(entry).toMatchObject({ card: 'extensions', after: { status: 'verified' } });
  });
});
