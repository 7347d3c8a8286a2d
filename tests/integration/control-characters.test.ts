import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { db } from '@/db';
import { auditLog, companies, devices, extensions, setupProgress, users } from '@/db/schema';
import type { ActionDef } from '@/lib/actions/define';
import { activationSchema } from '@/lib/auth/activation-schema';
import { signInSchema, signUpSchema } from '@/lib/auth/schema';
import { saveCompanyDetails } from '@/lib/company/actions';
import {
  createConference,
  createRingGroup,
  renumberExtension,
  updateConference,
  updateRingGroup,
} from '@/lib/extensions/actions';
import { zodFieldErrors, type ActionState } from '@/lib/actions/state';
import { translator } from '@/lib/i18n/messages';
import { runAction, type RunCall } from '@/lib/runner/run-action';
import { addDevice, addUser, updateUser } from '@/lib/team/actions';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { FR_DETAILS } from '../helpers/company';
import { useTestDatabase } from '../helpers/db';
import { signUpCompany, TEST_PASSWORD } from '../helpers/factories';
import { ringGroupInput } from '../helpers/extensions';
import { userInput } from '../helpers/team';

useTestDatabase();

/** C0 (NUL first), DEL and C1: inside the value, where trimming cannot remove them. */
const CONTROLS = ['\u0000', '\u0001', '\u0008', '\t', '\n', '\u000b', '\r', '\u001b', '\u007f', '\u0085', '\u009f'];
const MESSAGE = { en: en.errors.controlCharacters, fr: fr.errors.controlCharacters };

/** A valid value with `c` in its middle. */
const inject = (value: string, c: string) => `${value.slice(0, 1)}${c}${value.slice(1)}`;

/** Every row a refused action could have written. */
async function snapshot(companyId: string) {
  return Promise.all([
    db().select().from(companies).where(eq(companies.id, companyId)),
    db().select().from(users).where(eq(users.companyId, companyId)).orderBy(asc(users.id)),
    db().select().from(extensions).where(eq(extensions.companyId, companyId)).orderBy(asc(extensions.id)),
    db().select().from(devices).where(eq(devices.companyId, companyId)).orderBy(asc(devices.id)),
    db().select().from(setupProgress).where(eq(setupProgress.companyId, companyId)).orderBy(asc(setupProgress.card)),
    db().select().from(auditLog).where(eq(auditLog.companyId, companyId)).orderBy(asc(auditLog.id)),
  ]);
}

type Run = (call: RunCall) => Promise<ActionState<unknown>>;
type Case = { run: Run; input: Record<string, unknown>; fields: string[] };
const through =
  <S extends z.ZodType, R>(def: ActionDef<S, R>): Run =>
  (call) => runAction(def, call);

function cases(): Record<string, Case> {
  const id = randomUUID();
  return {
    saveCompanyDetails: {
      run: through(saveCompanyDetails),
      input: { ...FR_DETAILS },
      fields: ['name', 'timeZone', 'street', 'city', 'postalCode'],
    },
    addUser: { run: through(addUser), input: { ...userInput() }, fields: ['firstName', 'lastName', 'email', 'extension'] },
    'addUser (desk phone)': { run: through(addUser), input: { ...userInput({ licence: 'office', phone: 'app' }) }, fields: ['phone'] },
    updateUser: { run: through(updateUser), input: { ...userInput(), id }, fields: ['firstName', 'lastName', 'email', 'extension'] },
    addDevice: { run: through(addDevice), input: { model: 'Yealink T54W', mac: '00:1A:2B:3C:4D:5E' }, fields: ['model', 'mac'] },
    createRingGroup: { run: through(createRingGroup), input: { ...ringGroupInput([id]) }, fields: ['name', 'extension'] },
    updateRingGroup: { run: through(updateRingGroup), input: { ...ringGroupInput([id]), id: randomUUID() }, fields: ['name', 'extension'] },
    createConference: { run: through(createConference), input: { name: 'Weekly', extension: '800', maxParticipants: 10 }, fields: ['name', 'extension'] },
    updateConference: {
      run: through(updateConference),
      input: { id, name: 'Weekly', extension: '800', maxParticipants: 10 },
      fields: ['name', 'extension'],
    },
    renumberExtension: { run: through(renumberExtension), input: { id, extension: '105' }, fields: ['extension'] },
  };
}

describe('a control character in a text field gets its field message in the user’s language and writes nothing', () => {
  for (const [name, { run, input, fields }] of Object.entries(cases())) {
    it(name, async () => {
      const { company, admin } = await signUpCompany();
      const before = await snapshot(company.id);
      for (const field of fields) {
        for (const c of CONTROLS) {
          const locale = c.charCodeAt(0) % 2 ? 'fr' : 'en';
          const bad = { ...input, [field]: inject(String(input[field]), c) };
          const result = await run({ userId: admin.id, locale, input: bad });
          expect(result.ok, `${field} with U+${c.charCodeAt(0).toString(16)}`).toBeFalsy();
          expect(result.formError).toBeUndefined();
          expect(result.fieldErrors?.[field], `${field} with U+${c.charCodeAt(0).toString(16)}`).toBe(MESSAGE[locale]);
        }
      }
      expect(await snapshot(company.id)).toEqual(before);
    });
  }

  it('the same input without the control character is accepted (the test can fail)', async () => {
    const { admin } = await signUpCompany();
    const result = await runAction(addUser, { userId: admin.id, locale: 'en', input: userInput() });
    expect(result.ok).toBe(true);
  });
});

describe('sign-up, sign-in and activation (their actions are server-only; the schema is what the runner parses)', () => {
  const schemas = {
    signUp: {
      schema: signUpSchema,
      input: { firstName: 'Ada', lastName: 'Admin', email: 'ada@example.com', password: TEST_PASSWORD, companyName: 'Acme', country: 'FR' },
      fields: ['firstName', 'lastName', 'email', 'password', 'companyName'],
    },
    signIn: { schema: signInSchema, input: { email: 'ada@example.com', password: TEST_PASSWORD }, fields: ['email', 'password'] },
    activate: { schema: activationSchema, input: { token: 'abcDEF123_-', password: TEST_PASSWORD }, fields: ['password'] },
  };
  for (const [name, { schema, input, fields }] of Object.entries(schemas)) {
    it(name, () => {
      expect(schema.safeParse(input).success).toBe(true);
      for (const field of fields) {
        for (const c of CONTROLS) {
          const parsed = schema.safeParse({ ...input, [field]: inject(String(input[field as keyof typeof input]), c) });
          expect(parsed.success).toBe(false);
          for (const locale of ['en', 'fr'] as const) {
            expect(zodFieldErrors(parsed.error!, translator(locale))[field]).toBe(MESSAGE[locale]);
          }
        }
      }
    });
  }

  it('a token with a control character reads as an invalid link, said at the top of the form', () => {
    const parsed = activationSchema.safeParse({ token: 'abc\u0000def', password: TEST_PASSWORD });
    expect(zodFieldErrors(parsed.error!, translator('fr')).token).toBe(fr.errors.activationInvalid);
  });
});
