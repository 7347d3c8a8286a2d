import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { extensions } from '@/db/schema';
import { saveBusinessHours, setStateTargets } from '@/lib/calls/actions';
import { callFlow, firstRung, reachedBy, simulateCall } from '@/lib/calls/preview';
import { createConference, createRingGroup, deleteRingGroup } from '@/lib/extensions/actions';
import { mapNumber } from '@/lib/numbers/actions';
import { getMissing } from '@/lib/review/missing';
import { resetSipPassword } from '@/lib/telephony/credentials';
import { useTestDatabase } from '../../helpers/db';
import { act, ringGroupInput } from '../../helpers/extensions';
import { addOwnedNumber, readyCompany } from '../../helpers/review';
import { addMemberWithExtension } from '../../helpers/team';
import { OFFICE_WEEK } from './helpers';

// The call-flow preview from the database state, configured through the app's actions. The admin
// is an Office user (the app is their phone); Léa and Max are Free users: Léa gets a SIP
// password (her phone can register), Max has no phone at all.

useTestDatabase();

async function office() {
  const { company, admin, main } = await readyCompany({ officeSeats: 3 });
  const lea = await addMemberWithExtension(company.id, '102', { firstName: 'Léa', lastName: 'Moreau' });
  const max = await addMemberWithExtension(company.id, '103', { firstName: 'Max', lastName: 'Petit' });
  await resetSipPassword(db(), company.id, lea.user.id);
  const created = await act(
    createRingGroup,
    admin.id,
    ringGroupInput([admin.id, lea.user.id, max.user.id], {
      strategy: 'sequential',
      members: [
        { userId: admin.id, ringSeconds: 15 },
        { userId: lea.user.id, ringSeconds: 25 },
        { userId: max.user.id, ringSeconds: 30 },
      ],
      noAnswer: { kind: 'voicemail', userId: lea.user.id },
    }),
  );
  expect(created).toMatchObject({ ok: true });
  const groupId = (created as { data: { id: string } }).data.id;
  expect(await act(mapNumber, admin.id, { id: main!.id, extensionId: groupId })).toMatchObject({ ok: true });
  const sip = async (userId: string) => (await db().query.users.findFirst({ where: (u, { eq: is }) => is(u.id, userId) }))!.sipUsername;
  return { company, admin, main: main!, lea, max, groupId, sip };
}

describe('callFlow, simulateCall, reachedBy', () => {
  it('without business hours: the mapping at any hour, members in order with ring times, then voicemail', async () => {
    const s = await office();
    const flow = (await callFlow(db(), s.company.id, s.main.id))!;
    expect(flow.schedule).toBe('none');
    expect(flow.flags).toEqual([]);
    expect(flow.branches).toHaveLength(1);
    expect(flow.branches[0]!.path).toMatchObject({
      end: 'taken',
      hops: [
        {
          kind: 'ring_group',
          strategy: 'sequential',
          members: [
            { userId: s.admin.id, ringSeconds: 15, hasPhone: true },
            { userId: s.lea.user.id, ringSeconds: 25, hasPhone: true },
            { userId: s.max.user.id, ringSeconds: 30, hasPhone: false },
          ],
        },
        { kind: 'voicemail', userId: s.lea.user.id },
      ],
    });
    const call = (await simulateCall(db(), s.company.id, s.main.id, new Date('2027-01-10T10:00:00Z')))!;
    expect(call.attempts.map((a) => [a.userIds, a.ringSeconds])).toEqual([[[s.admin.id], 15], [[s.lea.user.id], 25]]);
    expect(call.outcome).toEqual({ kind: 'voicemail', userId: s.lea.user.id });
    expect(await firstRung(db(), s.company.id, s.main.id, new Date())).toEqual({ kind: 'phones', sipUsernames: [await s.sip(s.admin.id)], extensions: ['101'] });
    // Only Léa's phone registered: she rings first.
    const onlyLea = new Set([await s.sip(s.lea.user.id)]);
    expect(await firstRung(db(), s.company.id, s.main.id, new Date(), { registered: onlyLea })).toMatchObject({ extensions: ['102'] });

    expect(await reachedBy(db(), s.company.id, s.lea.extension.id)).toEqual({
      numbers: [{ numberId: s.main.id, states: ['always'] }],
      ringGroups: [{ extensionId: s.groupId, how: 'member' }],
    });
    expect(await reachedBy(db(), s.company.id, s.groupId)).toEqual({ numbers: [{ numberId: s.main.id, states: ['always'] }], ringGroups: [] });
  });

  it('with business hours: each state its target; a Sunday call reaches the closed target, a holiday the holiday one', async () => {
    const s = await office();
    expect(await act(saveBusinessHours, s.admin.id, { week: JSON.stringify(OFFICE_WEEK) })).toMatchObject({ ok: true });
    // Hours alone are not in effect (as the SIP server reads them): still the mapping.
    expect((await callFlow(db(), s.company.id, s.main.id))!.schedule).toBe('none');
    const targets = { open: `ring_group:${s.groupId}`, closed: `voicemail:${s.admin.id}`, holiday: `extension:${s.lea.extension.id}` };
    expect(await act(setStateTargets, s.admin.id, targets)).toMatchObject({ ok: true });
    const flow = (await callFlow(db(), s.company.id, s.main.id))!;
    expect(flow.schedule).toBe('company');
    expect(flow.branches.map((b) => [b.state, b.path.hops[0]!.kind])).toEqual([
      ['open', 'ring_group'],
      ['closed', 'voicemail'],
      ['holiday', 'user'],
    ]);
    // Saturday 9 January 2027, 10:00 in Paris (UTC+1): open, the group rings.
    const saturday = (await simulateCall(db(), s.company.id, s.main.id, new Date('2027-01-09T09:00:00Z')))!;
    expect(saturday.state!.state).toBe('open');
    expect(saturday.attempts[0]!.userIds).toEqual([s.admin.id]);
    const sunday = (await simulateCall(db(), s.company.id, s.main.id, new Date('2027-01-10T09:00:00Z')))!;
    expect(sunday).toMatchObject({ state: { state: 'closed' }, attempts: [], outcome: { kind: 'voicemail', userId: s.admin.id } });
    // 1 May 2027 (a Saturday, Labour Day): the holiday target, Léa's extension for 60 s.
    const mayDay = (await simulateCall(db(), s.company.id, s.main.id, new Date('2027-05-01T08:00:00Z')))!;
    expect(mayDay.state!.state).toBe('holiday');
    expect(mayDay.attempts).toEqual([{ extensionId: s.lea.extension.id, strategy: 'user', userIds: [s.lea.user.id], ringSeconds: 60 }]);
    expect((await reachedBy(db(), s.company.id, s.lea.extension.id)).numbers).toEqual([{ numberId: s.main.id, states: ['open', 'holiday'] }]);
  });

  it("a direct line and a bridge's number ring at any hour: the company's hours are the main number's and the groups'", async () => {
    const s = await office();
    expect(await act(saveBusinessHours, s.admin.id, { week: JSON.stringify(OFFICE_WEEK) })).toMatchObject({ ok: true });
    const targets = { open: `ring_group:${s.groupId}`, closed: `voicemail:${s.admin.id}`, holiday: `voicemail:${s.admin.id}` };
    expect(await act(setStateTargets, s.admin.id, targets)).toMatchObject({ ok: true });
    const direct = (await addOwnedNumber(s.company.id))!;
    expect(await act(mapNumber, s.admin.id, { id: direct.id, extensionId: s.lea.extension.id })).toMatchObject({ ok: true });
    const bridge = await act(createConference, s.admin.id, { name: 'Board', extension: '800' });
    const bridgeId = (bridge as { data: { id: string } }).data.id;
    const dialIn = (await addOwnedNumber(s.company.id))!;
    expect(await act(mapNumber, s.admin.id, { id: dialIn.id, extensionId: bridgeId })).toMatchObject({ ok: true });
    // Sunday 10 January 2027, 10:00 in Paris: the company is closed.
    const sunday = new Date('2027-01-10T09:00:00Z');
    const routed = async (e164: string) =>
      ((await db().execute(sql`select state, schedule_owner from sip.call_route(${e164}, ${sunday.toISOString()}::timestamptz)`)) as unknown as { rows: unknown[] }).rows;

    expect(await simulateCall(db(), s.company.id, s.main.id, sunday)).toMatchObject({ schedule: 'company', state: { state: 'closed' }, outcome: { kind: 'voicemail', userId: s.admin.id } });
    // Léa's direct line rings her, as Kamailio does (no schedule row: the mapping rings).
    expect(await routed(direct.e164)).toEqual([]);
    expect((await callFlow(db(), s.company.id, direct.id))!).toMatchObject({ schedule: 'none', branches: [{ state: 'always' }] });
    const toLea = (await simulateCall(db(), s.company.id, direct.id, sunday))!;
    expect(toLea).toMatchObject({ schedule: 'none', state: null, outcome: { kind: 'ends', reason: 'nobodyAnswers' } });
    expect(toLea.attempts).toEqual([{ extensionId: s.lea.extension.id, strategy: 'user', userIds: [s.lea.user.id], ringSeconds: 60 }]);
    expect(await routed(dialIn.e164)).toEqual([]);
    expect(await simulateCall(db(), s.company.id, dialIn.id, sunday)).toMatchObject({ schedule: 'none', state: null, outcome: { kind: 'conference', extensionId: bridgeId } });
    expect((await reachedBy(db(), s.company.id, s.lea.extension.id)).numbers).toContainEqual({ numberId: direct.id, states: ['always'] });

    // Its own hours do apply: closed on Sunday, the admin's voicemail.
    const own = { owner: 'number', ownerId: direct.id };
    expect(await act(saveBusinessHours, s.admin.id, { ...own, week: JSON.stringify(OFFICE_WEEK) })).toMatchObject({ ok: true });
    expect(await act(setStateTargets, s.admin.id, { ...own, ...targets })).toMatchObject({ ok: true });
    expect(await routed(direct.e164)).toMatchObject([{ state: 'closed', schedule_owner: 'number' }]);
    expect(await simulateCall(db(), s.company.id, direct.id, sunday)).toMatchObject({ schedule: 'number', state: { state: 'closed' }, attempts: [], outcome: { kind: 'voicemail', userId: s.admin.id } });
  });
});

describe('dead ends on the cards and in the Review', () => {
  it('a group that rings nobody with a phone blocks until someone in it has one', async () => {
    const s = await office();
    const lonely = await act(createRingGroup, s.admin.id, ringGroupInput([s.max.user.id], { name: 'Night', extension: '501' }));
    const lonelyId = (lonely as { data: { id: string } }).data.id;
    const second = (await addOwnedNumber(s.company.id))!;
    expect(await act(mapNumber, s.admin.id, { id: second.id, extensionId: lonelyId })).toMatchObject({ ok: true });
    // Voicemail after the group takes the call; without it nothing does.
    await db().update(extensions).set({ noAnswerKind: null, noAnswerUserId: null }).where(eq(extensions.id, lonelyId));
    expect((await callFlow(db(), s.company.id, second.id))!.flags).toEqual([{ kind: 'ringsNobody', state: 'always' }]);
    const missing = await getMissing(s.company.id);
    expect(missing.find((m) => m.code === 'numberFlowDeadEnd')).toMatchObject({ severity: 'blocker', card: 'numbers', count: 1 });
    expect(missing.find((m) => m.code === 'ringGroupDeadEnd')).toMatchObject({ severity: 'blocker', card: 'extensions', names: ['501 (Night)'] });

    await resetSipPassword(db(), s.company.id, s.max.user.id);
    expect((await callFlow(db(), s.company.id, second.id))!.flags).toEqual([]);
    const after = await getMissing(s.company.id);
    expect(after.some((m) => m.code === 'numberFlowDeadEnd' || m.code === 'ringGroupDeadEnd')).toBe(false);
  });

  it('a state whose target was deleted, and a no-answer loop, are dead ends', async () => {
    const s = await office();
    const other = await act(createRingGroup, s.admin.id, ringGroupInput([s.lea.user.id], { name: 'Support', extension: '501' }));
    const otherId = (other as { data: { id: string } }).data.id;
    expect(await act(saveBusinessHours, s.admin.id, { week: JSON.stringify(OFFICE_WEEK) })).toMatchObject({ ok: true });
    const targets = { open: `ring_group:${s.groupId}`, closed: `ring_group:${otherId}`, holiday: `voicemail:${s.admin.id}` };
    expect(await act(setStateTargets, s.admin.id, targets)).toMatchObject({ ok: true });
    expect(await act(deleteRingGroup, s.admin.id, { id: otherId })).toMatchObject({ ok: true });
    const flow = (await callFlow(db(), s.company.id, s.main.id))!;
    expect(flow.flags).toEqual([{ kind: 'noTarget', state: 'closed' }]);
    const sunday = (await simulateCall(db(), s.company.id, s.main.id, new Date('2027-01-10T09:00:00Z')))!;
    expect(sunday.outcome).toEqual({ kind: 'ends', reason: 'noTarget' });
    expect((await getMissing(s.company.id)).find((m) => m.code === 'numberFlowDeadEnd')?.count).toBe(1);

    // A loop cannot be saved through the form (the action refuses it): data from before the rule.
    const back = await act(createRingGroup, s.admin.id, ringGroupInput([s.lea.user.id], { name: 'Back', extension: '502', noAnswer: { kind: 'extension', extensionId: s.groupId } }));
    const backId = (back as { data: { id: string } }).data.id;
    await db().update(extensions).set({ noAnswerKind: 'extension', noAnswerUserId: null, noAnswerExtensionId: backId }).where(eq(extensions.id, s.groupId));
    const looped = (await callFlow(db(), s.company.id, s.main.id))!;
    expect(looped.flags).toContainEqual({ kind: 'loop', state: 'open', extensionId: s.groupId });
    const review = (await getMissing(s.company.id)).find((m) => m.code === 'ringGroupDeadEnd');
    expect(review).toMatchObject({ count: 2, names: ['500 (Sales)', '502 (Back)'] });
    // The call goes round until the SIP server's hop limit.
    const call = (await simulateCall(db(), s.company.id, s.main.id, new Date('2027-01-09T09:00:00Z')))!;
    expect(call.outcome).toEqual({ kind: 'ends', reason: 'hopLimit' });
  });
});
