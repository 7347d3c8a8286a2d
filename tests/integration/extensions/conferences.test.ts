import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog } from '@/db/schema';
import {
  createConference,
  createRingGroup,
  deleteConference,
  regenerateConferencePins,
  updateConference,
  updateRingGroup,
} from '@/lib/extensions/actions';
import { generatePins, pinRole } from '@/lib/extensions/conferences';
import { getExtensionsCardData } from '@/lib/extensions/queries';
import { verifyPassword } from '@/lib/secrets/password';
import { signUpCompany } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';
import { act, addPeople, extensionRow, extensionsSnapshot, ringGroupInput } from '../../helpers/extensions';
import { auditEntries } from '../../helpers/team';

useTestDatabase();

const bridge = (overrides: Record<string, unknown> = {}) => ({ name: 'Board', extension: '800', maxParticipants: 10, ...overrides });

describe('generatePins', () => {
  it('always gives two different 6-digit PINs', () => {
    for (let i = 0; i < 2000; i++) {
      const { hostPin, participantPin } = generatePins();
      expect(hostPin).toMatch(/^\d{6}$/);
      expect(participantPin).toMatch(/^\d{6}$/);
      expect(participantPin).not.toBe(hostPin);
    }
  });
});

describe('createConference', () => {
  it('returns the plain PINs once and stores only argon2 hashes that verify', async () => {
    const { company, admin } = await signUpCompany();
    const result = await act(createConference, admin.id, bridge());
    expect(result.ok).toBe(true);
    const { id, hostPin, participantPin } = result.data!;
    expect(hostPin).toMatch(/^\d{6}$/);
    expect(participantPin).toMatch(/^\d{6}$/);
    expect(hostPin).not.toBe(participantPin);

    const row = await extensionRow(id);
    expect(row).toMatchObject({ type: 'conference', number: '800', name: 'Board', maxParticipants: 10, userId: null });
    expect(row.hostPinHash).toMatch(/^\$argon2id\$/);
    expect(row.participantPinHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.hostPinHash, hostPin)).toBe(true);
    expect(await verifyPassword(row.participantPinHash, participantPin)).toBe(true);
    expect(await verifyPassword(row.hostPinHash, participantPin)).toBe(false);
    expect(await pinRole(row, hostPin)).toBe('host');
    expect(await pinRole(row, participantPin)).toBe('participant');
    expect(await pinRole(row, '000000' === hostPin ? '111111' : '000000')).toBeUndefined();

    // The plain PINs are nowhere in the database: not in the row, not in the history.
    const stored = JSON.stringify({ row, entries: await db().select().from(auditLog).where(eq(auditLog.companyId, company.id)) });
    expect(stored).not.toContain(hostPin);
    expect(stored).not.toContain(participantPin);
    const [entry] = await auditEntries(company.id, 'conference.created');
    expect(entry).toMatchObject({ card: 'extensions', target: 'Board (800)', after: { name: 'Board', extension: '800', maxParticipants: 10 } });
  });

  it('defaults to 10 participants, accepts 2 to 100 and refuses outside', async () => {
    const { company, admin } = await signUpCompany();
    const defaulted = await act(createConference, admin.id, { name: 'Default', extension: '800' });
    expect((await extensionRow(defaulted.data!.id)).maxParticipants).toBe(10);
    const before = await extensionsSnapshot(company.id);
    for (const max of [1, 101, 0, '2.5', 'lots']) {
      expect((await act(createConference, admin.id, bridge({ extension: '801', maxParticipants: max }))).fieldErrors).toEqual({
        maxParticipants: 'Enter a whole number of participants from 2 to 100.',
      });
    }
    expect(await extensionsSnapshot(company.id)).toEqual(before);
    expect((await act(createConference, admin.id, bridge({ extension: '801', maxParticipants: '100' }))).ok).toBe(true);
    expect((await act(createConference, admin.id, bridge({ extension: '802', maxParticipants: 2 }))).ok).toBe(true);
    // A company may have several bridges: the next one is pre-filled after them.
    expect((await getExtensionsCardData(company.id)).next.conference).toBe('803');
  });
});

describe('regenerateConferencePins', () => {
  it('replaces both PINs: the old ones stop working, the new ones are returned once', async () => {
    const { company, admin } = await signUpCompany();
    const first = (await act(createConference, admin.id, bridge())).data!;
    const again = await act(regenerateConferencePins, admin.id, { id: first.id });
    expect(again.ok).toBe(true);
    const { hostPin, participantPin } = again.data!;
    expect(hostPin).toMatch(/^\d{6}$/);
    expect(participantPin).not.toBe(hostPin);
    const row = await extensionRow(first.id);
    expect(await verifyPassword(row.hostPinHash, hostPin)).toBe(true);
    expect(await verifyPassword(row.participantPinHash, participantPin)).toBe(true);
    if (first.hostPin !== hostPin) expect(await verifyPassword(row.hostPinHash, first.hostPin)).toBe(false);
    const [entry] = await auditEntries(company.id, 'conference.pinsRegenerated');
    expect(JSON.stringify(entry)).not.toContain(hostPin);
    expect(entry).toMatchObject({ target: 'Board (800)', after: { pins: 'regenerated' } });
  });

  it('only regenerates conference PINs', async () => {
    const { company, admin } = await signUpCompany();
    const [jean] = await addPeople(company.id, 1);
    const group = (await act(createRingGroup, admin.id, ringGroupInput([jean.user.id]))).data!.id;
    expect((await act(regenerateConferencePins, admin.id, { id: group })).formError).toBe(
      'This item no longer exists in your company.',
    );
    expect((await extensionRow(group)).hostPinHash).toBeNull();
  });
});

describe('updateConference and deleteConference', () => {
  it('changes name and size, keeps the PINs, audits the change; deletes unless a ring group forwards to it', async () => {
    const { company, admin } = await signUpCompany();
    const [jean] = await addPeople(company.id, 1);
    const created = (await act(createConference, admin.id, bridge())).data!;
    const hashes = await extensionRow(created.id);
    const result = await act(updateConference, admin.id, { id: created.id, name: 'All hands', extension: '800', maxParticipants: '50' });
    expect(result).toEqual({ ok: true, data: { id: created.id } });
    const row = await extensionRow(created.id);
    expect(row).toMatchObject({ name: 'All hands', maxParticipants: 50, hostPinHash: hashes.hostPinHash });
    expect((await auditEntries(company.id, 'conference.updated'))[0]).toMatchObject({
      before: { name: 'Board', maxParticipants: 10 },
      after: { name: 'All hands', maxParticipants: 50 },
    });

    const group = await act(
      createRingGroup,
      admin.id,
      ringGroupInput([jean.user.id], { noAnswer: { kind: 'extension', extensionId: created.id } }),
    );
    expect((await act(deleteConference, admin.id, { id: created.id })).formError).toBe(
      'The ring group Sales (500) forwards unanswered calls here. Choose another target for that group first.',
    );
    // Back to voicemail: nothing forwards to the bridge any more.
    expect((await act(updateRingGroup, admin.id, ringGroupInput([jean.user.id], { id: group.data!.id }))).ok).toBe(true);
    expect(await act(deleteConference, admin.id, { id: created.id })).toEqual({ ok: true, data: { id: created.id } });
    expect(await extensionRow(created.id)).toBeUndefined();
    expect((await auditEntries(company.id, 'conference.deleted'))[0]).toMatchObject({
      target: 'All hands (800)',
      before: { name: 'All hands', extension: '800', maxParticipants: 50 },
    });
  });
});
