import { describe, expect, it } from 'vitest';
import type { ActionDef } from '@/lib/actions/define';
import {
  completeExtensionsCard,
  createConference,
  createRingGroup,
  deleteConference,
  deleteRingGroup,
  regenerateConferencePins,
  renumberExtension,
  updateConference,
  updateRingGroup,
} from '@/lib/extensions/actions';
import { addMember, signUpCompany } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';
import { act, addPeople, extensionsSnapshot, ringGroupInput } from '../../helpers/extensions';

useTestDatabase();

/** Company A with a member, a ring group and a conference; everything an action could target. */
async function companyA() {
  const { company, admin } = await signUpCompany();
  const [jean] = await addPeople(company.id, 1);
  const member = await addMember(company.id, { role: 'member' });
  const group = (await act(createRingGroup, admin.id, ringGroupInput([jean.user.id]))).data!.id;
  const bridge = (await act(createConference, admin.id, { name: 'Board', extension: '800' })).data!.id;
  return { company, admin, member, jean, group, bridge };
}

type Case = { name: string; def: ActionDef<never, unknown>; input: (a: Awaited<ReturnType<typeof companyA>>) => unknown };

const cases: Case[] = [
  { name: 'createRingGroup', def: createRingGroup as never, input: (a) => ringGroupInput([a.jean.user.id], { extension: '510' }) },
  { name: 'updateRingGroup', def: updateRingGroup as never, input: (a) => ringGroupInput([a.jean.user.id], { id: a.group, name: 'Taken over' }) },
  { name: 'deleteRingGroup', def: deleteRingGroup as never, input: (a) => ({ id: a.group }) },
  { name: 'createConference', def: createConference as never, input: () => ({ name: 'X', extension: '810' }) },
  { name: 'updateConference', def: updateConference as never, input: (a) => ({ id: a.bridge, name: 'Taken over', extension: '800', maxParticipants: 20 }) },
  { name: 'regenerateConferencePins', def: regenerateConferencePins as never, input: (a) => ({ id: a.bridge }) },
  { name: 'deleteConference', def: deleteConference as never, input: (a) => ({ id: a.bridge }) },
  { name: 'renumberExtension', def: renumberExtension as never, input: (a) => ({ id: a.jean.extension.id, extension: '120' }) },
  { name: 'completeExtensionsCard', def: completeExtensionsCard as never, input: () => ({}) },
];

describe.each(cases)('$name', ({ def, input }) => {
  it('refuses a member of the company (not an admin) and writes nothing', async () => {
    const a = await companyA();
    const before = await extensionsSnapshot(a.company.id);
    const result = await act(def, a.member.id, input(a));
    expect(result).toEqual({ formError: 'Only an administrator of this company can do that.' });
    expect(await extensionsSnapshot(a.company.id)).toEqual(before);
  });

  it('refuses a signed-out caller', async () => {
    const a = await companyA();
    expect(await act(def, '', input(a))).toEqual({ formError: 'Your session has ended. Sign in again.' });
  });

  it('never touches another company’s rows for that company’s admin', async () => {
    const a = await companyA();
    const b = await signUpCompany();
    const before = await extensionsSnapshot(a.company.id);
    const result = await act(def, b.admin.id, input(a));
    if (result.ok) {
      // Only actions that act on the caller's own company can succeed (create, Done).
      expect(['createConference', 'completeExtensionsCard']).toContain(cases.find((c) => c.def === def)!.name);
    } else {
      const message = result.formError ?? Object.values(result.fieldErrors ?? {})[0];
      expect(message).toMatch(/no longer (exists )?in your company/);
    }
    expect(await extensionsSnapshot(a.company.id)).toEqual(before);
  });
});

describe('another company’s extension as a no-answer target', () => {
  it('reads as not found', async () => {
    const a = await companyA();
    const b = await signUpCompany();
    const [theirs] = await addPeople(b.company.id, 1);
    const result = await act(
      createRingGroup,
      b.admin.id,
      ringGroupInput([theirs.user.id], { noAnswer: { kind: 'extension', extensionId: a.group } }),
    );
    expect(result.fieldErrors).toEqual({ noAnswer: 'This item no longer exists in your company.' });
  });
});
