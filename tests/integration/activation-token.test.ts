import { describe, expect, it } from 'vitest';
import { runAction } from '@/lib/runner/run-action';
import {
  ACTIVATION_TTL_MS,
  activateAccount,
  activationSchema,
  hashActivationToken,
  lookUpActivation,
} from '@/lib/auth/activation';
import { hashPassword, verifyPassword } from '@/lib/secrets/password';
import { resendActivation } from '@/lib/mail/outbox';
import { finishSetup } from '@/lib/review/finish';
import { useTestDatabase } from '../helpers/db';
import { addMemberWithExtension } from '../helpers/team';
import { activationLinkIn, outboxOf, readyCompany, tokensOf, userById } from '../helpers/review';

useTestDatabase();

const T0 = new Date('2026-03-02T09:30:00Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const NEW_PASSWORD = 'a brand new password';

/** A finished company whose member Marc has an activation link; returns the link's token. */
async function memberWithLink() {
  const { company, admin } = await readyCompany();
  const { user } = await addMemberWithExtension(company.id, '102', { firstName: 'Marc', lastName: 'Member' });
  await runAction(finishSetup, {
    userId: admin.id,
    locale: 'en',
    input: {},
    baseUrl: 'http://localhost:3000',
    now: () => T0,
  });
  const mail = (await outboxOf(company.id)).find((m) => m.userId === user.id)!;
  const token = activationLinkIn(mail.bodyText)![1];
  return { company, admin, user, token };
}

describe('activation links', () => {
  it('the set-password form uses the sign-up password rules', () => {
    expect(activationSchema.safeParse({ token: 'x', password: 'short' }).error?.issues[0].message).toBe(
      'errors.passwordTooShort',
    );
    expect(activationSchema.safeParse({ token: 'x', password: '' }).error?.issues[0].message).toBe('errors.required');
    expect(activationSchema.safeParse({ token: 'x', password: NEW_PASSWORD }).success).toBe(true);
  });

  it('a valid link sets the password once: the same link is refused afterwards', async () => {
    const { user, token } = await memberWithLink();
    expect(await lookUpActivation(token, at(DAY))).toMatchObject({
      state: 'valid',
      user: { id: user.id, firstName: 'Marc' },
      companyName: 'Acme SAS',
    });

    const first = await activateAccount(token, await hashPassword(NEW_PASSWORD), at(DAY));
    expect(first).toEqual({ ok: true, userId: user.id, email: user.email, role: 'member' });
    expect(await verifyPassword((await userById(user.id)).passwordHash, NEW_PASSWORD)).toBe(true);
    const [stored] = await tokensOf(user.id);
    expect(stored.usedAt).toEqual(at(DAY));

    const again = await activateAccount(token, await hashPassword('another password!'), at(DAY + 1000));
    expect(again).toEqual({ ok: false, reason: 'used' });
    expect(await lookUpActivation(token, at(DAY + 1000))).toEqual({ state: 'used' });
    // The password set first is kept.
    expect(await verifyPassword((await userById(user.id)).passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it('a link expires 7 days after it was issued (injected clock)', async () => {
    const { user, token } = await memberWithLink();
    const justBefore = at(ACTIVATION_TTL_MS - 1);
    const expiry = at(ACTIVATION_TTL_MS);
    expect((await lookUpActivation(token, justBefore)).state).toBe('valid');
    expect(await lookUpActivation(token, expiry)).toMatchObject({ state: 'expired', expiresAt: expiry, timeZone: 'Europe/Paris' });
    expect(await activateAccount(token, await hashPassword(NEW_PASSWORD), expiry)).toEqual({ ok: false, reason: 'expired' });
    expect((await userById(user.id)).passwordHash).toBeNull();
    expect((await tokensOf(user.id))[0].usedAt).toBeNull();
  });

  it('an unknown or tampered link is refused', async () => {
    const { token } = await memberWithLink();
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await lookUpActivation(tampered, at(DAY))).toEqual({ state: 'unknown' });
    expect(await activateAccount(tampered, await hashPassword(NEW_PASSWORD), at(DAY))).toEqual({
      ok: false,
      reason: 'unknown',
    });
    // The stored hash is the SHA-256 of the token, never the token.
    expect(hashActivationToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(await lookUpActivation('', at(DAY))).toEqual({ state: 'unknown' });
  });

  it('two submissions of the same link at once: exactly one succeeds', async () => {
    const { token } = await memberWithLink();
    const hash = await hashPassword(NEW_PASSWORD);
    const results = await Promise.all([1, 2, 3].map(() => activateAccount(token, hash, at(DAY))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'used' },
      { ok: false, reason: 'used' },
    ]);
  });

  it('a new link from the outbox page replaces the old one; it is refused once the password is set', async () => {
    const { company, admin, user, token } = await memberWithLink();
    const clock = { baseUrl: 'http://localhost:3000', now: () => at(8 * DAY) };
    const sent = await runAction(resendActivation, { userId: admin.id, locale: 'en', input: { userId: user.id }, ...clock });
    expect(sent.ok).toBe(true);

    const mail = (await outboxOf(company.id)).filter((m) => m.userId === user.id && m.kind === 'activation');
    expect(mail).toHaveLength(1);
    const fresh = activationLinkIn(mail[0].bodyText)![1];
    expect(fresh).not.toBe(token);
    expect((await lookUpActivation(token, at(8 * DAY))).state).toBe('used');
    expect((await lookUpActivation(fresh, at(8 * DAY))).state).toBe('valid');

    expect((await activateAccount(fresh, await hashPassword(NEW_PASSWORD), at(8 * DAY))).ok).toBe(true);
    expect(await runAction(resendActivation, { userId: admin.id, locale: 'en', input: { userId: user.id }, ...clock })).toEqual({
      formError: 'This person has already set their password.',
    });
  });

  it('a new link can only be asked for a user of the admin’s own company', async () => {
    const { user } = await memberWithLink();
    const other = await readyCompany();
    expect(await runAction(resendActivation, { userId: other.admin.id, locale: 'en', input: { userId: user.id } })).toEqual({
      formError: 'This item no longer exists in your company.',
    });
  });
});
