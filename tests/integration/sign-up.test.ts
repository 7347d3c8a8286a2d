import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, companies, extensions, setupProgress, users } from '@/db/schema';
import { constraintError, pgErrorOf } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/define';
import { signUpSchema } from '@/lib/auth/schema';
import { insertCompanyWithAdmin } from '@/lib/auth/sign-up';
import { SEATS_AT_SIGN_UP_MAX } from '@/lib/licences/schema';
import { runAction } from '@/lib/runner/run-action';
import { hashPassword, verifyPassword } from '@/lib/secrets/password';
import { TEST_PASSWORD, signUpCompany } from '../helpers/factories';
import { useTestDatabase } from '../helpers/db';

useTestDatabase();

async function companyCount() {
  const [{ n }] = await db().select({ n: count() }).from(companies);
  return n;
}

/*
 * The sign-up action itself is server-only (it signs in after commit); this is its schema and
 * handler as the runner runs them, without the throttle gate and the sign-in.
 */
const signUpAsRun = defineAction({
  role: 'public',
  schema: signUpSchema,
  async handler(input, { tx, now }) {
    const { company } = await insertCompanyWithAdmin(tx, input, await hashPassword(input.password), now);
    return { companyId: company.id };
  },
});

describe('seats at sign-up (issue 12)', () => {
  const input = (officeSeats: number) => ({
    firstName: 'Ada', lastName: 'Admin', email: `seats-${officeSeats}-${Math.random()}@example.com`,
    password: TEST_PASSWORD, companyName: `Seats ${officeSeats}`, country: 'BE', officeSeats: String(officeSeats),
  });

  it(`grants up to ${SEATS_AT_SIGN_UP_MAX}; more is refused with a message in the user's language and writes nothing`, async () => {
    const before = await companyCount();
    expect(await runAction(signUpAsRun, { userId: undefined, locale: 'en', input: input(11) })).toEqual({
      fieldErrors: { officeSeats: 'At sign-up you can take up to 10 Office seats. Order more from the Licences card.' },
    });
    expect(await runAction(signUpAsRun, { userId: undefined, locale: 'fr', input: input(1000) })).toEqual({
      fieldErrors: { officeSeats: 'À l’inscription, vous pouvez prendre au plus 10 postes Office. Commandez-en d’autres depuis la carte Licences.' },
    });
    expect(await companyCount()).toBe(before);
    expect(await db().select().from(companies).where(eq(companies.name, 'Seats 11'))).toEqual([]);

    const ok = await runAction(signUpAsRun, { userId: undefined, locale: 'en', input: input(SEATS_AT_SIGN_UP_MAX) });
    expect(ok.ok).toBe(true);
    const [row] = await db().select().from(companies).where(eq(companies.id, ok.data!.companyId));
    expect(row!.officeSeats).toBe(SEATS_AT_SIGN_UP_MAX);
  });
});

describe('createCompanyWithAdmin', () => {
  it('creates the company, its admin, extension 101, the company card and its audit entries', async () => {
    const { company, admin } = await signUpCompany({ companyName: 'Boulangerie Dupont', officeSeats: 7 });

    const [row] = await db().select().from(companies).where(eq(companies.id, company.id));
    expect(row).toMatchObject({
      name: 'Boulangerie Dupont',
      country: 'FR',
      timeZone: 'Europe/Paris',
      locale: 'fr',
      extensionLength: 3,
      officeSeats: 7,
      emergencyStreet: null,
    });

    const members = await db().select().from(users).where(eq(users.companyId, company.id));
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ id: admin.id, role: 'admin', licence: 'office', firstName: 'Ada' });
    expect(members[0].passwordHash).toMatch(/^\$argon2id\$/);
    expect(members[0].passwordHash).not.toContain(TEST_PASSWORD);
    expect(await verifyPassword(members[0].passwordHash, TEST_PASSWORD)).toBe(true);

    const exts = await db().select().from(extensions).where(eq(extensions.companyId, company.id));
    expect(exts).toEqual([expect.objectContaining({ number: '101', type: 'user', userId: admin.id })]);

    const progress = await db().select().from(setupProgress).where(eq(setupProgress.companyId, company.id));
    expect(progress).toEqual([expect.objectContaining({ card: 'company', status: 'in_progress', verifiedBy: null })]);

    // Issue 10: the admin's direct number (and main number) is now also on the Phone numbers card's history.
    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.companyId, company.id), eq(auditLog.card, 'company')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: admin.id,
      actorName: 'Ada Admin',
      card: 'company',
      action: 'company.created',
      target: 'Boulangerie Dupont',
      after: { name: 'Boulangerie Dupont', country: 'FR', officeSeats: 7, admin: admin.email },
    });
  });

  it('stores the e-mail lower-cased, as the sign-in identity', async () => {
    const { admin } = await signUpCompany({ email: '  Mixed.Case@Example.COM ' });
    expect(admin.email).toBe('mixed.case@example.com');
  });

  it('is atomic: a second sign-up with a taken e-mail fails and leaves no company behind', async () => {
    const email = 'taken@example.com';
    await signUpCompany({ email, companyName: 'First' });
    const before = await companyCount();

    const error = await signUpCompany({ email: 'TAKEN@example.com', companyName: 'Second' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'the second sign-up should have failed').toBeDefined();
    expect(pgErrorOf(error)?.code).toBe('23505');
    // The same mapping the actions use: the form would show "e-mail taken" on the e-mail field.
    expect(constraintError(error)).toMatchObject({ key: 'errors.emailTaken', options: { field: 'email' } });

    expect(await companyCount()).toBe(before);
    expect(await db().select().from(companies).where(eq(companies.name, 'Second'))).toEqual([]);
    expect(await db().select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it('gives a Belgian admin 200, because every Belgian 1xx number is reserved', async () => {
    const { company, admin } = await signUpCompany({ country: 'BE' });
    expect(company).toMatchObject({ country: 'BE', timeZone: 'Europe/Brussels', locale: 'fr' });
    const [ext] = await db().select().from(extensions).where(eq(extensions.userId, admin.id));
    expect(ext.number).toBe('200');
  });

  it.each(['GB', 'CH'] as const)('gives a %s admin 200, the start of the user block there', async (country) => {
    const { admin } = await signUpCompany({ country });
    const [ext] = await db().select().from(extensions).where(eq(extensions.userId, admin.id));
    expect(ext.number).toBe('200');
  });

  it('sets up a US company in English on New York time', async () => {
    const { company, admin } = await signUpCompany({ country: 'US' });
    expect(company).toMatchObject({ country: 'US', timeZone: 'America/New_York', locale: 'en' });
    const [ext] = await db().select().from(extensions).where(eq(extensions.userId, admin.id));
    expect(ext.number).toBe('101');
  });
});

describe('verifyPassword', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('s3cret passphrase');
    expect(hash).not.toBe('s3cret passphrase');
    expect(await verifyPassword(hash, 's3cret passphrase')).toBe(true);
    expect(await verifyPassword(hash, 's3cret passphrasE')).toBe(false);
    expect(await verifyPassword(hash, 's3cret passphrase ')).toBe(false);
  });

  it('refuses an unknown user (no stored hash), even with the decoy password', async () => {
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    expect(await verifyPassword(undefined, 'decoy-password-never-matches')).toBe(false);
    expect(await verifyPassword(null, 'decoy-password-never-matches')).toBe(false);
  });

  it('refuses a corrupt stored hash instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(b, 'same password')).toBe(true);
  });
});
