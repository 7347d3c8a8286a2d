import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { phoneNumbers } from '@/db/schema';
import { createConference, createRingGroup } from '@/lib/extensions/actions';
import { runAction } from '@/lib/runner/run-action';
import { addUser } from '@/lib/team/actions';
import { allActionDefinitions, schemaKeys, type AnyDef } from '../../helpers/actions';
import { useTestDatabase } from '../../helpers/db';
import { act, ringGroupInput } from '../../helpers/extensions';
import { readyCompany } from '../../helpers/review';
import { companyFingerprint } from '../../helpers/snapshot';
import { addDeskPhone, extensionOf, userInput } from '../../helpers/team';

// The project's own attack suite (issue 12): every signed-in action, generated from the action
// list on disk, run by company A's admin with company B's ids in every id field, and with
// generated bad input. Whatever it answers, it must be an answer (a field or form message, never
// "Something went wrong"), and company B must be exactly as it was; a refused call writes
// nothing in company A either. Public actions (sign-in, sign-up, activate) live in lib/auth,
// behind 'server-only', and have their own tests.

useTestDatabase();

const UNEXPECTED = 'Something went wrong';
const BAD_RUNS = 12;
type Victim = { companyId: string; ids: Record<string, string> };
let attacker = { companyId: '', adminId: '' };
let victim: Victim = { companyId: '', ids: {} };
let defs: { name: string; def: AnyDef }[] = [];
const figures: Record<string, { cases: number; passed: number }> = {};

function ok<T>(state: { ok?: boolean; data?: T }): T {
  if (!state.ok) throw new Error(`setup action refused: ${JSON.stringify(state)}`);
  return state.data as T;
}

beforeAll(async () => {
  const a = await readyCompany();
  attacker = { companyId: a.company.id, adminId: a.admin.id };
  const b = await readyCompany();
  const member = ok(await act(addUser, b.admin.id, userInput({ extension: '140', firstName: 'Vic', lastName: 'Tim' }))) as { id: string };
  const group = ok(await act(createRingGroup, b.admin.id, ringGroupInput([b.admin.id, member.id]))) as { id: string };
  const bridge = ok(await act(createConference, b.admin.id, { name: 'Board', extension: '800' })) as { id: string };
  const device = await addDeskPhone(b.company.id);
  const [number] = await db()
    .select({ id: phoneNumbers.id })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.companyId, b.company.id), eq(phoneNumbers.status, 'owned')));
  victim = {
    companyId: b.company.id,
    ids: {
      admin: b.admin.id,
      member: member.id,
      userExtension: (await extensionOf(member.id)).id,
      ringGroup: group.id,
      conference: bridge.id,
      device: device.id,
      number: number!.id,
    },
  };
  defs = (await allActionDefinitions()).filter((d) => d.def.role !== 'public');
}, 120_000);

/** Plausible values for the fields that are not ids, so a call gets past validation to the ids. */
function plausible(key: string): unknown {
  const values: Record<string, unknown> = {
    firstName: 'Eve',
    lastName: 'Attack',
    email: `eve-${randomUUID()}@example.com`,
    licence: 'free',
    extension: '166',
    name: 'Attack',
    strategy: 'simultaneous',
    maxParticipants: 10,
    role: 'admin',
    card: 'team',
    page: 1,
    change: 'unassign',
    model: 'Yealink T46U',
    mac: '00:15:65:aa:bb:cc',
    quantity: 1,
    idempotencyKey: randomUUID(),
    mode: 'all',
    file: 'Prénom;Nom;E-mail;Type de licence;Poste\nEve;Attack;eve@example.com;Gratuit;',
    // Call handling: an override of B's ring group or number (ownerId), hours and closures.
    owner: 'ring_group',
    week: JSON.stringify({ mon: [{ start: '09:00', end: '18:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }),
    label: 'Attack',
    from: '2026-12-24',
    calendar: 'FR',
    key: '01-01',
    enabled: 'false',
  };
  return values[key];
}

/** The input with `id` (one of company B's) in every id field, nested ones included. */
function crossCompanyInput(keys: string[], id: string): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === 'id' || key.endsWith('Id') || key === 'phone') input[key] = id;
    else if (key === 'ids') input[key] = [id];
    else if (key === 'members') input[key] = [{ userId: id, ringSeconds: 20 }];
    else if (key === 'noAnswer') input[key] = { kind: 'extension', extensionId: id };
    else if (key === 'numbers') input[key] = [{ numberId: id, choice: 'move', extensionId: id }];
    else input[key] = plausible(key);
  }
  return input;
}

function isAnswer(state: { ok?: boolean; formError?: string; fieldErrors?: Record<string, string> }) {
  if (state.ok) return true;
  const messages = [state.formError, ...Object.values(state.fieldErrors ?? {})].filter(Boolean) as string[];
  return messages.length > 0 && messages.every((m) => !m.includes(UNEXPECTED));
}

const tally = (name: string, passed: boolean) => {
  const f = (figures[name] ??= { cases: 0, passed: 0 });
  f.cases++;
  if (passed) f.passed++;
};

describe("another company's ids in every id field", () => {
  it('every action answers, and the other company is untouched', async () => {
    expect(defs.length).toBeGreaterThan(30);
    const before = await companyFingerprint(victim.companyId);
    const failures: string[] = [];
    for (const { name, def } of defs) {
      const keys = schemaKeys(def.schema);
      for (const [kind, id] of Object.entries(victim.ids)) {
        const state = await runAction(def, { userId: attacker.adminId, locale: 'en', input: crossCompanyInput(keys, id) });
        const untouched = (await companyFingerprint(victim.companyId)) === before;
        const passed = isAnswer(state) && untouched;
        tally(`cross-company ${name}`, passed);
        if (!passed) failures.push(`${name} with B's ${kind}: ${JSON.stringify(state)}${untouched ? '' : ' (B changed)'}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

/** Wrong types, huge strings, control characters, arrays, negative and huge numbers. */
const badValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.stringMatching(/^[\u0000-\u001f\u007f]{1,10}$/),
  fc.constantFrom('\u0000', 'a\u0000b', '\u202e', '😀'.repeat(200), ' ', '-1', '1e309', 'NaN'),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.integer({ min: -1e15, max: 1e15 }),
  fc.constantFrom(-1, 0, Number.MAX_SAFE_INTEGER, 1e308, -0, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constant(null),
  fc.object({ maxDepth: 2 }),
  fc.boolean(),
);

describe('generated bad input', () => {
  it('every action answers with a message and a refused call writes nothing', async () => {
    const victimBefore = await companyFingerprint(victim.companyId);
    const failures: string[] = [];
    for (const { name, def } of defs) {
      const keys = schemaKeys(def.schema);
      const input = fc.oneof(
        { weight: 1, arbitrary: fc.anything() },
        { weight: 4, arbitrary: keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, badValue])), { requiredKeys: [] }) : fc.anything() },
      );
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          const before = await companyFingerprint(attacker.companyId);
          const state = await runAction(def, { userId: attacker.adminId, locale: 'fr', input: value });
          const unchanged = state.ok || (await companyFingerprint(attacker.companyId)) === before;
          const passed = isAnswer(state) && unchanged;
          tally(`bad input ${name}`, passed);
          if (!passed) failures.push(`${name}: ${JSON.stringify(state).slice(0, 300)} for ${fc.stringify(value).slice(0, 200)}`);
          return true;
        }),
        { numRuns: BAD_RUNS, seed: 20261202 },
      );
    }
    expect(await companyFingerprint(victim.companyId)).toBe(victimBefore);
    expect(failures).toEqual([]);
    const all = Object.entries(figures);
    const cases = all.reduce((n, [, f]) => n + f.cases, 0);
    const passed = all.reduce((n, [, f]) => n + f.passed, 0);
    console.log(`attack suite: ${defs.length} actions, ${cases} generated cases, ${passed} passed`);
  }, 300_000);
});
