import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '@/lib/runner/run-action';
import type { ActionDef } from '@/lib/actions/define';
import { useTestDatabase } from '../helpers/db';
import { addMember } from '../helpers/factories';
import { readyCompany } from '../helpers/review';
import type { z } from 'zod';

useTestDatabase();

type AnyDef = ActionDef<z.ZodType, unknown>;
const isActionDef = (value: unknown): value is AnyDef =>
  typeof value === 'object' && value !== null && 'schema' in value && 'handler' in value && typeof (value as AnyDef).handler === 'function';

/**
 * Every action definition under lib/ (every module that calls defineAction), found on disk so
 * a card added later is covered without editing this test.
 */
async function allActionDefinitions() {
  const root = path.resolve(import.meta.dirname, '../../lib');
  const files = (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.ts$/.test(f))
    .map((f) => path.join(root, f))
    .filter((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return text.includes('defineAction(') && !text.includes("'server-only'") && !f.endsWith('run-action.ts');
    });
  const defs: { name: string; def: AnyDef }[] = [];
  for (const file of files) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (isActionDef(value)) defs.push({ name: `${path.relative(root, file)}:${name}`, def: value });
    }
  }
  return defs;
}

describe('a member (not an admin)', () => {
  it('is refused by every setup action, before any input is read', async () => {
    const { company } = await readyCompany();
    const member = await addMember(company.id);
    const defs = await allActionDefinitions();
    const names = defs.map((d) => d.name.split(':')[1]);
    // The scan must find the cards' actions, or this test proves nothing.
    expect(names).toEqual(
      expect.arrayContaining([
        'saveCompanyDetails',
        'verifyCompanyCard',
        'addUser',
        'updateUser',
        'removeUser',
        'setUserRole',
        'buySeats',
        'setLicence',
        'commitUserImport',
        'finishSetup',
        'resendActivation',
        'historyPage',
      ]),
    );
    const adminOnly = defs.filter((d) => (d.def.role ?? 'admin') === 'admin');
    expect(adminOnly.length).toBeGreaterThan(15);
    for (const { name, def } of adminOnly) {
      const result = await runAction(def, { userId: member.id, locale: 'en', input: {} });
      expect(result, name).toEqual({ formError: 'Only an administrator of this company can do that.' });
    }
    // No action is open to members except those that say so.
    expect(defs.filter((d) => d.def.role === 'any').map((d) => d.name)).toEqual([]);
  });

  it('a signed-out caller is refused too', async () => {
    const defs = await allActionDefinitions();
    for (const { name, def } of defs) {
      expect(await runAction(def, { userId: undefined, locale: 'en', input: {} }), name).toEqual({
        formError: 'Your session has ended. Sign in again.',
      });
    }
  });
});
