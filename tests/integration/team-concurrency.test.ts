import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runAction } from '@/lib/runner/run-action';
import type { ActionState } from '@/lib/actions/state';
import { addUser } from '@/lib/team/actions';
import { setLicence } from '@/lib/team/licence';
import { APP_ONLY } from '@/lib/team/schema';
import { signUpCompany } from '../helpers/factories';
import { testDbKind, useTestDatabase } from '../helpers/db';
import { addMemberWithExtension, companyRow, officeUsers, userInput } from '../helpers/team';

// On PostgreSQL each call gets its own pooled connection and transaction, so Promise.all is
// a real race; PGlite has one connection and runs them one after the other. Both must end
// the same way: exactly one winner, the loser refused on the right field.

useTestDatabase();

const ROUNDS = 5;

function oneWinner(results: ActionState<unknown>[]) {
  const winners = results.filter((r) => r.ok);
  const losers = results.filter((r) => !r.ok);
  expect(winners, `on ${testDbKind}: ${JSON.stringify(results)}`).toHaveLength(1);
  expect(losers).toHaveLength(1);
  return losers[0];
}

/** A company with two admins (two people can click at once) and `freeSeats` Office seats left. */
async function companyWithTwoAdmins(freeSeats: number) {
  // The signing-up admin holds one seat; the second admin is Free.
  const { company, admin } = await signUpCompany({ officeSeats: 1 + freeSeats });
  const { user: second } = await addMemberWithExtension(company.id, '199', { role: 'admin', licence: 'free' });
  return { company, first: admin, second };
}

describe.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))('round %i', () => {
  it('two admins adding the same e-mail at once: one user is created', async () => {
    const { first, second } = await companyWithTwoAdmins(5);
    const email = `race-${randomUUID()}@example.com`;
    const results = await Promise.all([
      runAction(addUser, { userId: first.id, locale: 'en', input: userInput({ email, extension: '130' }) }),
      runAction(addUser, { userId: second.id, locale: 'en', input: userInput({ email, extension: '131' }) }),
    ]);
    // The company lock orders them: the second sees the first's new colleague.
    expect(oneWinner(results)).toEqual({
      fieldErrors: { email: 'Bea Berger already uses this address in your team.' },
    });
  });

  it('two companies adding the same e-mail at once: the unique index decides', async () => {
    const a = await signUpCompany();
    const b = await signUpCompany();
    const email = `race-${randomUUID()}@example.com`;
    const results = await Promise.all([
      runAction(addUser, { userId: a.admin.id, locale: 'en', input: userInput({ email }) }),
      runAction(addUser, { userId: b.admin.id, locale: 'en', input: userInput({ email }) }),
    ]);
    expect(oneWinner(results)).toEqual({
      fieldErrors: { email: 'This address cannot be used for a new account.' },
    });
  });

  it('two admins giving out the same extension at once: one gets it', async () => {
    const { company, first, second } = await companyWithTwoAdmins(5);
    const results = await Promise.all([
      runAction(addUser, { userId: first.id, locale: 'en', input: userInput({ firstName: 'Ann', lastName: 'A', extension: '130' }) }),
      runAction(addUser, { userId: second.id, locale: 'en', input: userInput({ firstName: 'Bob', lastName: 'B', extension: '130' }) }),
    ]);
    const loser = oneWinner(results);
    const winner = results[0].ok ? 'Ann A' : 'Bob B';
    // The company lock lets the loser see the winner's row, so it can even say who holds it.
    expect(loser).toEqual({ fieldErrors: { extension: `Extension 130 is already used by ${winner}.` } });
    expect((await companyRow(company.id)).id).toBe(company.id);
  });

  it('two admins adding Office users for the last seat: one gets it, never over-allocated', async () => {
    const { company, first, second } = await companyWithTwoAdmins(1);
    const office = { licence: 'office' as const, phone: APP_ONLY };
    const results = await Promise.all([
      runAction(addUser, { userId: first.id, locale: 'en', input: userInput({ ...office, extension: '130' }) }),
      runAction(addUser, { userId: second.id, locale: 'en', input: userInput({ ...office, extension: '131' }) }),
    ]);
    expect(oneWinner(results)).toEqual({
      fieldErrors: { licence: 'No Office licence left: 2 of 2 are in use. Buy more on the Licences card.' },
    });
    expect(await officeUsers(company.id)).toBe((await companyRow(company.id)).officeSeats);
  });

  it('two admins switching two users to Office for the last seat: one switch wins', async () => {
    const { company, first, second } = await companyWithTwoAdmins(1);
    const { user: x } = await addMemberWithExtension(company.id, '130');
    const { user: y } = await addMemberWithExtension(company.id, '131');
    const results = await Promise.all([
      runAction(setLicence, { userId: first.id, locale: 'en', input: { id: x.id, licence: 'office' } }),
      runAction(setLicence, { userId: second.id, locale: 'en', input: { id: y.id, licence: 'office' } }),
    ]);
    expect(oneWinner(results)).toEqual({
      fieldErrors: { licence: 'No Office licence left: 2 of 2 are in use. Buy more on the Licences card.' },
    });
    expect(await officeUsers(company.id)).toBe(2);
  });

  it('an add and a switch racing for the last seat: one wins', async () => {
    const { company, first, second } = await companyWithTwoAdmins(1);
    const { user: x } = await addMemberWithExtension(company.id, '130');
    const results = await Promise.all([
      runAction(setLicence, { userId: first.id, locale: 'en', input: { id: x.id, licence: 'office' } }),
      runAction(addUser, {
        userId: second.id,
        locale: 'en',
        input: userInput({ licence: 'office', phone: APP_ONLY, extension: '131' }),
      }),
    ]);
    expect(oneWinner(results).fieldErrors?.licence).toMatch(/^No Office licence left: 2 of 2 are in use/);
    expect(await officeUsers(company.id)).toBe(2);
  });
});
