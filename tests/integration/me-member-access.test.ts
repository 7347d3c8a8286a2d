import { describe, expect, it } from 'vitest';
import { runAction } from '@/lib/runner/run-action';
import { allActionDefinitions } from '../helpers/actions';
import { useTestDatabase } from '../helpers/db';
import { addMember } from '../helpers/factories';
import { readyCompany } from '../helpers/review';

useTestDatabase();

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
    // No action is open to members except those that say so: signing themselves out, their own
    // phone's SIP password.
    expect(defs.filter((d) => d.def.role === 'any').map((d) => d.name).sort()).toEqual([
      'auth/sign-out.ts:signOutEverywhere',
      'auth/sign-out.ts:signOutUser',
      'telephony/actions.ts:newOwnSipPassword',
    ]);
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
