import { describe, expect, it } from 'vitest';
import type { ActionDef } from '@/lib/actions/define';
import { callInput, formDataToObject, formInput } from '@/lib/actions/state';
import { runAction } from '@/lib/runner/run-action';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { useTestDatabase } from '../helpers/db';
import { bindings, type BindingKind as Kind } from '../helpers/bindings';
import { signUpCompany } from '../helpers/factories';

useTestDatabase();

/** What the binding layer hands the runner for an argument (lib/runner/bind.ts). */
const inputFor = (kind: Kind, argument: unknown) => (kind === 'callAction' ? callInput(argument) : formInput(argument));

const WRONG_FOR_FORMS: [string, unknown][] = [
  ['a plain object', { email: 'ada@example.com', password: 'correct horse battery' }],
  ['a string', 'email=ada@example.com'],
  ['null', null],
  ['undefined (called with one argument)', undefined],
  ['an array', [['email', 'ada@example.com']]],
  ['a number', 42],
  ['a boolean', true],
  ['a Map', new Map([['email', 'ada@example.com']])],
  ['a URLSearchParams', new URLSearchParams('email=ada@example.com')],
  ['an object with a keys() of its own', { keys: () => ['email'], get: () => 'x', getAll: () => [] }],
];
const WRONG_FOR_CALLS: [string, unknown][] = [
  ['a string', 'id'],
  ['null', null],
  ['an array', [{ id: 'x' }]],
  ['a number', 42],
  ['a FormData', new FormData()],
  ['a Date', new Date()],
];

const MESSAGE = { en: en.errors.badInput, fr: fr.errors.badInput };
const all = bindings();

describe('the binding layer turns a wrong argument type into a form message, never a throw', () => {
  it('finds the bindings, those of sign-in, sign-up and activation included', () => {
    expect(all.length).toBeGreaterThan(30);
    expect(all.map((b) => b.name)).toEqual(expect.arrayContaining(['signInAction', 'signUpAction', 'activateAction']));
  });

  // The auth and me actions import server-only: the HTTP spec tests/e2e/bad-input/wrong-argument-type.spec.ts calls them.
  for (const binding of all.filter((b) => !b.serverOnly)) {
    it(`${binding.name} (${binding.kind})`, async () => {
      const mod = (await import(binding.module)) as Record<string, ActionDef>;
      const def = mod[binding.def];
      expect(def?.schema).toBeDefined();
      const { admin } = await signUpCompany();
      const wrong = binding.kind === 'callAction' ? WRONG_FOR_CALLS : WRONG_FOR_FORMS;
      for (const [label, argument] of wrong) {
        for (const locale of ['en', 'fr'] as const) {
          const result = await runAction(def!, { userId: admin.id, locale, input: inputFor(binding.kind, argument) });
          expect(result, label).toEqual({ formError: MESSAGE[locale] });
        }
      }
    });
  }

  it('the right argument still goes through: a FormData to a form binding, an object to a call binding', async () => {
    const { admin } = await signUpCompany();
    const { addUser } = await import('@/lib/team/actions');
    const form = new FormData();
    form.set('firstName', 'Bea');
    const viaForm = await runAction(addUser, { userId: admin.id, locale: 'en', input: formInput(form) });
    expect(viaForm.formError).toBeUndefined();
    expect(viaForm.fieldErrors).toMatchObject({ lastName: en.errors.required });
    const { historyPage } = await import('@/lib/audit/history');
    const viaCall = await runAction(historyPage, { userId: admin.id, locale: 'en', input: callInput({ card: 'team', page: 1 }) });
    expect(viaCall.ok).toBe(true);
  });

  it('a field named __proto__ is only an unknown field', () => {
    const form = new FormData();
    form.set('__proto__', 'x');
    form.set('firstName', 'Bea');
    const object = formDataToObject(form);
    expect(Object.getPrototypeOf(object)).toBeNull();
    expect(object).toEqual(Object.assign(Object.create(null), { ['__proto__']: 'x', firstName: 'Bea' }));
  });
});
