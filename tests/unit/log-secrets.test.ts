import { describe, expect, it } from 'vitest';
import { newActivationToken, activationPath } from '@/lib/auth/activation';
import { hashPassword } from '@/lib/secrets/password';
import { digestHashes, generateSipPassword } from '@/lib/telephony/credentials';
import { extraFailureLines, findLeaks, isSignInFailure, type KnownSecrets } from '../helpers/log-secrets';

// The self-check of the server-log test (tests/logs/server-log.test.ts): the same checker, fed
// lines that do carry a secret, must flag them, and must leave the app's ordinary lines alone.
const line = (fields: Record<string, unknown>) => JSON.stringify({ level: 30, time: 1764650000000, ...fields });
const sip = { username: 'u0123456789ab', domain: 'acme.sip.example.com' };
const sipPassword = generateSipPassword();
const { ha1, ha1b } = digestHashes(sip.username, sip.domain, sipPassword);
const known: KnownSecrets = {
  passwords: ['correct-horse-battery', 'wrong password 0'],
  values: [{ kind: 'SIP HA1', value: ha1b }],
  sipAccounts: [{ ...sip, ha1 }],
};
const ordinary = [
  '▲ Next.js 16.4.6',
  ' ✓ Ready in 412ms',
  line({ event: 'sign-in.failed', known: true, address: '::1', msg: 'sign-in failed' }),
  line({ event: 'sign-in.throttled', known: true, address: '::1', retryAt: '2026-12-02T05:00:00.000Z', msg: 'sign-in refused: throttled' }),
  line({ event: 'mail.sent', outboxId: '5f0c1a4e-8a43-4b5e-9f5e-0d6d1b2f3c4d', msg: 'mail sent' }),
];

describe('the server-log checker', () => {
  it('leaves ordinary lines alone', () => {
    expect(findLeaks(ordinary, known)).toEqual([]);
    expect(extraFailureLines(ordinary)).toEqual([]);
  });

  it('flags every kind of secret, however it was written', async () => {
    const { token } = newActivationToken(new Date());
    const jwe = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIiwia2lkIjoiIn0..bWFueQ.c2VjcmV0.dGFn';
    const cases: [string, string][] = [
      ['password', line({ body: { email: 'a@b.test', password: 'correct-horse-battery' } })],
      ['password', `POST /api/auth/callback/credentials email=a%40b.test&password=wrong+password+0`],
      ['password', line({ msg: 'retry with wrong%20password%200' })],
      ['argon2 hash', line({ user: { passwordHash: await hashPassword('anything at all') } })],
      ['JWT or session cookie', line({ cookie: jwe })],
      ['session or CSRF cookie', line({ headers: { cookie: '__Secure-authjs.session-token=abc' } })],
      ['activation link', line({ url: `https://app.example.com${activationPath(token)}` })],
      ['bearer token', 'authorization: Bearer sk_live_0123456789abcdef'],
      ['SIP password', line({ event: 'sip.reset', password: sipPassword })],
      ['SIP HA1', line({ ha1b })],
    ];
    for (const [kind, text] of cases) {
      expect(findLeaks([...ordinary, text], known).map((l) => [l.line, l.kind]), text).toContainEqual([ordinary.length + 1, kind]);
    }
  });

  it('finds the known activation token even outside a link', () => {
    const { token } = newActivationToken(new Date());
    const leaks = findLeaks([line({ token })], { ...known, values: [{ kind: 'activation token', value: token }] });
    expect(leaks.map((l) => l.kind)).toEqual(['activation token']);
  });

  it("recognises pino's failed sign-in and flags Auth.js's many-line report of the same failure", () => {
    expect(ordinary.filter(isSignInFailure)).toHaveLength(1);
    const authJsReport = [
      '[auth][error] CredentialsSignin: Read more at https://errors.authjs.dev#credentialssignin',
      '    at Module.callback (.next/server/chunks/123.js:1:2345)',
      '    at async AuthInternal (.next/server/chunks/123.js:1:6789)',
    ];
    expect(extraFailureLines([...ordinary, ...authJsReport]).map((l) => l.line)).toEqual([6, 7, 8]);
    expect(extraFailureLines([line({ event: 'auth.error', kind: 'CredentialsSignin', message: 'Read more at …' })])).toHaveLength(1);
  });
});
