import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { callStateTargets, extensions } from '@/db/schema';
import { completeCallsCard, saveBusinessHours, setHolidayCalendar, setStateTargets } from '@/lib/calls/actions';
import { useTestDatabase } from '../../helpers/db';
import { act, callsAudit, callsCompany, callsSnapshot, callsStatus, companySchedule, OFFICE_WEEK } from './helpers';

useTestDatabase();

async function withHours() {
  const s = await callsCompany();
  expect(await act(saveBusinessHours, s.admin.id, { week: JSON.stringify(OFFICE_WEEK) })).toMatchObject({ ok: true });
  return { ...s, schedule: (await companySchedule(s.company.id))! };
}

const targetsOf = async (scheduleId: string) =>
  (await db().select().from(callStateTargets).where(eq(callStateTargets.scheduleId, scheduleId))).sort((a, b) => a.state.localeCompare(b.state));

describe('what each state rings', () => {
  it('an extension, a ring group, a voicemail; then an outside number in national form; audited with labels', async () => {
    const s = await withHours();
    const saved = await act(setStateTargets, s.admin.id, {
      open: `extension:${s.member.extension.id}`,
      closed: `ring_group:${s.group.id}`,
      holiday: `voicemail:${s.admin.id}`,
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await targetsOf(s.schedule.id)).toMatchObject([
      { state: 'closed', kind: 'ring_group', extensionId: s.group.id, e164: null, voicemailUserId: null },
      { state: 'holiday', kind: 'voicemail', extensionId: null, voicemailUserId: s.admin.id },
      { state: 'open', kind: 'extension', extensionId: s.member.extension.id },
    ]);
    expect(await callsAudit(s.company.id, 'calls.targetsSaved')).toMatchObject([
      { before: {}, after: { open: '102 · Léa Moreau', closed: '500 · Sales', holiday: 'Voicemail: Ada Admin' } },
    ]);

    // Only the state that changed is in the history; the number is stored in E.164.
    expect(
      await act(setStateTargets, s.admin.id, {
        open: `extension:${s.member.extension.id}`,
        closed: 'number',
        closedNumber: '01 42 68 53 00',
        holiday: `voicemail:${s.admin.id}`,
      }),
    ).toMatchObject({ ok: true });
    expect((await targetsOf(s.schedule.id))[0]).toMatchObject({ state: 'closed', kind: 'number', e164: '+33142685300', extensionId: null });
    const entries = await callsAudit(s.company.id, 'calls.targetsSaved');
    expect(entries[1]).toMatchObject({ before: { closed: '500 · Sales' }, after: { closed: '01 42 68 53 00' } });
    expect(Object.keys(entries[1]!.after as object)).toEqual(['closed']);
  });

  it.each([
    ['an invalid outside number', () => ({ closed: 'number', closedNumber: '12' }), 'closedNumber', 'This is not a valid phone number. Write it in international form (+41 21 555 01 00) or in your country\'s national form.'],
    ['no outside number', () => ({ closed: 'number', closedNumber: '' }), 'closedNumber', 'Enter the number to ring.'],
    ['no target at all', () => ({ holiday: '' }), 'holiday', 'Choose what rings in this state.'],
    ['a ring group chosen as an extension', (s: Awaited<ReturnType<typeof withHours>>) => ({ open: `extension:${s.group.id}` }), 'open', 'This item no longer exists in your company.'],
    ['a user extension chosen as a ring group', (s: Awaited<ReturnType<typeof withHours>>) => ({ closed: `ring_group:${s.adminExt.id}` }), 'closed', 'This item no longer exists in your company.'],
    ['an extension id chosen as a voicemail', (s: Awaited<ReturnType<typeof withHours>>) => ({ holiday: `voicemail:${s.adminExt.id}` }), 'holiday', 'This item no longer exists in your company.'],
    ['garbage', () => ({ open: 'extension:../../etc' }), 'open', 'This item no longer exists in your company.'],
  ])('refuses %s on its field and writes nothing', async (_name, change, field, message) => {
    const s = await withHours();
    const good = { open: `extension:${s.member.extension.id}`, closed: `ring_group:${s.group.id}`, holiday: `voicemail:${s.admin.id}` };
    await act(setStateTargets, s.admin.id, good);
    const before = await callsSnapshot(s.company.id);
    const refused = await act(setStateTargets, s.admin.id, { ...good, ...change(s) });
    expect(refused.ok).toBeFalsy();
    expect(refused.fieldErrors?.[field]).toBe(message);
    expect(await callsSnapshot(s.company.id)).toEqual(before);
  });

  it("another company's extension, ring group or user is not found, and nothing of either company changes", async () => {
    const s = await withHours();
    const other = await withHours();
    const good = { open: `extension:${s.member.extension.id}`, closed: `ring_group:${s.group.id}`, holiday: `voicemail:${s.admin.id}` };
    const before = await callsSnapshot(s.company.id);
    const theirs = await callsSnapshot(other.company.id);
    for (const change of [
      { open: `extension:${other.member.extension.id}` },
      { closed: `ring_group:${other.group.id}` },
      { holiday: `voicemail:${other.admin.id}` },
    ]) {
      const refused = await act(setStateTargets, s.admin.id, { ...good, ...change });
      const [field] = Object.keys(change);
      expect(refused.fieldErrors?.[field!]).toBe('This item no longer exists in your company.');
    }
    expect(await callsSnapshot(s.company.id)).toEqual(before);
    expect(await callsSnapshot(other.company.id)).toEqual(theirs);
  });

  it('a deleted target extension takes its row along: the state has no target', async () => {
    const s = await withHours();
    await act(setStateTargets, s.admin.id, { open: `extension:${s.member.extension.id}`, closed: `ring_group:${s.group.id}`, holiday: `voicemail:${s.admin.id}` });
    await db().delete(extensions).where(eq(extensions.id, s.group.id));
    expect((await targetsOf(s.schedule.id)).map((t) => t.state)).toEqual(['holiday', 'open']);
  });
});

describe('Done', () => {
  it('needs saved hours, then each state rings someone; then the card is verified', async () => {
    const s = await callsCompany();
    expect((await act(completeCallsCard, s.admin.id, {})).formError).toBe('Save the business hours first.');
    await act(saveBusinessHours, s.admin.id, { week: JSON.stringify(OFFICE_WEEK) });
    expect((await act(completeCallsCard, s.admin.id, {})).formError).toBe(
      'Choose what rings when open, when closed and on holidays, then save.',
    );
    expect(await callsStatus(s.company.id)).toBe('in_progress');
    await act(setStateTargets, s.admin.id, { open: `extension:${s.adminExt.id}`, closed: `voicemail:${s.admin.id}`, holiday: `voicemail:${s.admin.id}` });
    expect(await act(completeCallsCard, s.admin.id, {})).toMatchObject({ ok: true });
    expect(await callsStatus(s.company.id)).toBe('verified');
    expect((await callsAudit(s.company.id, 'card.verified')).length).toBe(1);
  });

  it('without a holiday calendar the holiday target is not needed', async () => {
    const s = await callsCompany();
    await act(saveBusinessHours, s.admin.id, { week: JSON.stringify(OFFICE_WEEK) });
    await act(setHolidayCalendar, s.admin.id, { calendar: '' });
    const schedule = (await companySchedule(s.company.id))!;
    await db().insert(callStateTargets).values([
      { scheduleId: schedule.id, state: 'open', kind: 'extension', extensionId: s.adminExt.id },
      { scheduleId: schedule.id, state: 'closed', kind: 'voicemail', voicemailUserId: s.admin.id },
    ]);
    expect(await act(completeCallsCard, s.admin.id, {})).toMatchObject({ ok: true });
  });
});
