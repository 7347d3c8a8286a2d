import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { db } from '@/db';
import { auditLog, companies, extensions, setupProgress, users } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { defineAction } from '@/lib/actions/define';
import { runAction } from '@/lib/runner/run-action';
import { log } from '@/lib/log';
import { writeAudit } from '@/lib/audit/log';
import { saveCompanyDetails, verifyCompanyCard } from '@/lib/company/actions';
import type { CompanyDetailsInput } from '@/lib/company/schema';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { FR_DETAILS } from '../helpers/company';
import { addMember, signUpCompany } from '../helpers/factories';
import { useTestDatabase } from '../helpers/db';

useTestDatabase();

const US_DETAILS = {
  name: 'Acme Inc',
  country: 'US',
  timeZone: 'America/Chicago',
  locale: 'en',
  extensionLength: '3',
  street: '233 S Wacker Dr',
  city: 'Chicago',
  postalCode: '60606',
  region: 'IL',
  addressCountry: 'US',
} satisfies CompanyDetailsInput;

/** Everything a company action could touch, to prove a refusal wrote nothing. */
async function snapshot(companyId: string) {
  const [company] = await db().select().from(companies).where(eq(companies.id, companyId));
  const team = await db().select().from(users).where(eq(users.companyId, companyId)).orderBy(users.email);
  const exts = await db().select().from(extensions).where(eq(extensions.companyId, companyId)).orderBy(extensions.number);
  const progress = await db().select().from(setupProgress).where(eq(setupProgress.companyId, companyId));
  const entries = await db().select().from(auditLog).where(eq(auditLog.companyId, companyId)).orderBy(auditLog.id);
  return { company, team, exts, progress, entries };
}

async function cardStatus(companyId: string) {
  const [row] = await db()
    .select()
    .from(setupProgress)
    .where(and(eq(setupProgress.companyId, companyId), eq(setupProgress.card, 'company')));
  return row;
}

async function auditOf(companyId: string, action: string) {
  return db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.companyId, companyId), eq(auditLog.action, action)))
    .orderBy(auditLog.id);
}

describe('saveCompanyDetails', () => {
  it('saves an admin’s details, audits only the changed fields and keeps the card in progress', async () => {
    const { company, admin } = await signUpCompany({ companyName: 'Acme SAS' });

    const result = await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input: FR_DETAILS });
    expect(result).toEqual({ ok: true, data: undefined });

    const [row] = await db().select().from(companies).where(eq(companies.id, company.id));
    expect(row).toMatchObject({
      name: 'Acme Paris',
      country: 'FR',
      timeZone: 'Europe/Paris',
      locale: 'fr',
      extensionLength: 3,
      emergencyStreet: '10 rue de Rivoli',
      emergencyCity: 'Paris',
      emergencyPostalCode: '75001',
      emergencyRegion: null,
      emergencyCountry: 'FR',
    });

    const updates = await auditOf(company.id, 'company.updated');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ actorId: admin.id, actorName: 'Ada Admin', card: 'company', target: 'Acme Paris' });
    // Country, time zone, locale, length and region did not move, so they are not in the history.
    expect(updates[0].before).toEqual({
      name: 'Acme SAS',
      street: null,
      city: null,
      postalCode: null,
      addressCountry: null,
    });
    expect(updates[0].after).toEqual({
      name: 'Acme Paris',
      street: '10 rue de Rivoli',
      city: 'Paris',
      postalCode: '75001',
      addressCountry: 'FR',
    });

    expect(await cardStatus(company.id)).toMatchObject({ status: 'in_progress', verifiedBy: null });
  });

  it('normalises the input the way the schema does (trimmed name, spaced postal code)', async () => {
    const { company, admin } = await signUpCompany();
    const result = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'en',
      input: { ...FR_DETAILS, name: '  Acme Lyon  ', city: 'Lyon', postalCode: '69 002' },
    });
    expect(result.ok).toBe(true);
    const [row] = await db().select().from(companies).where(eq(companies.id, company.id));
    expect(row).toMatchObject({ name: 'Acme Lyon', emergencyCity: 'Lyon', emergencyPostalCode: '69002' });
  });

  it('writes no audit entry when nothing changed', async () => {
    const { company, admin } = await signUpCompany();
    await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input: FR_DETAILS });
    const again = await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input: FR_DETAILS });
    expect(again.ok).toBe(true);
    expect(await auditOf(company.id, 'company.updated')).toHaveLength(1);
  });

  it('puts the company card in progress when it had no progress row yet', async () => {
    const { company, admin } = await signUpCompany();
    await db().delete(setupProgress).where(eq(setupProgress.companyId, company.id));
    const result = await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input: FR_DETAILS });
    expect(result.ok).toBe(true);
    expect(await cardStatus(company.id)).toMatchObject({ status: 'in_progress' });
  });

  it('refuses a member with the "administrators only" message and changes nothing', async () => {
    const { company } = await signUpCompany();
    const member = await addMember(company.id);
    const before = await snapshot(company.id);

    const result = await runAction(saveCompanyDetails, { userId: member.id, locale: 'en', input: FR_DETAILS });
    expect(result).toEqual({ formError: en.errors.forbidden });
    const inFrench = await runAction(saveCompanyDetails, { userId: member.id, locale: 'fr', input: FR_DETAILS });
    expect(inFrench).toEqual({ formError: fr.errors.forbidden });

    expect(await snapshot(company.id)).toEqual(before);
  });

  it('re-reads the role on every call: a demoted admin is refused at once', async () => {
    const { company, admin } = await signUpCompany();
    await db().update(users).set({ role: 'member' }).where(eq(users.id, admin.id));
    const before = await snapshot(company.id);
    const result = await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input: FR_DETAILS });
    expect(result).toEqual({ formError: en.errors.forbidden });
    expect(await snapshot(company.id)).toEqual(before);
  });

  it('answers "signed out" without a user, with an unknown user and with a malformed id', async () => {
    const { company } = await signUpCompany();
    const before = await snapshot(company.id);
    for (const userId of [undefined, null, '', randomUUID(), 'not-a-uuid', "' or 1=1 --"]) {
      const result = await runAction(saveCompanyDetails, { userId, locale: 'en', input: FR_DETAILS });
      expect(result, `userId ${String(userId)}`).toEqual({ formError: en.errors.signedOut });
    }
    expect(await runAction(saveCompanyDetails, { userId: randomUUID(), locale: 'fr', input: FR_DETAILS })).toEqual({
      formError: fr.errors.signedOut,
    });
    expect(await snapshot(company.id)).toEqual(before);
  });

  it('refuses a bad postal code on its field, in the caller’s language, and writes nothing', async () => {
    const { company, admin } = await signUpCompany();
    const before = await snapshot(company.id);
    const input = { ...FR_DETAILS, postalCode: '7500' };

    const inEnglish = await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input });
    expect(inEnglish.ok).toBeUndefined();
    expect(inEnglish.fieldErrors).toEqual({ postalCode: 'Invalid postal code for this country.' });

    const inFrench = await runAction(saveCompanyDetails, { userId: admin.id, locale: 'fr', input });
    expect(inFrench.fieldErrors).toEqual({ postalCode: 'Code postal invalide pour ce pays.' });

    expect(await snapshot(company.id)).toEqual(before);
  });

  it('reports every invalid field at once, translated', async () => {
    const { company, admin } = await signUpCompany();
    const before = await snapshot(company.id);
    const result = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'en',
      input: { ...FR_DETAILS, name: '   ', street: 'BP 123', postalCode: 'abc', addressCountry: 'BE' },
    });
    expect(result.fieldErrors).toEqual({
      name: en.errors.required,
      street: en.errors.poBox,
      postalCode: en.errors.postalCodeInvalid,
      addressCountry: en.errors.countryMismatch,
    });
    expect(await snapshot(company.id)).toEqual(before);
  });

  it('requires a valid state for a US company', async () => {
    const { company, admin } = await signUpCompany({ country: 'US' });
    const before = await snapshot(company.id);

    const missing = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'en',
      input: { ...US_DETAILS, region: '' },
    });
    expect(missing.fieldErrors).toEqual({ region: en.errors.regionRequired });

    const unknown = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'fr',
      input: { ...US_DETAILS, region: 'XX' },
    });
    expect(unknown.fieldErrors).toEqual({ region: fr.errors.regionInvalid });
    expect(await snapshot(company.id)).toEqual(before);

    const ok = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'en',
      input: { ...US_DETAILS, region: 'il' },
    });
    expect(ok.ok).toBe(true);
    const [row] = await db().select().from(companies).where(eq(companies.id, company.id));
    expect(row).toMatchObject({ emergencyRegion: 'IL', emergencyPostalCode: '60606', timeZone: 'America/Chicago' });
  });
});

describe('verifyCompanyCard', () => {
  it('refuses to verify before the details are saved', async () => {
    const { company, admin } = await signUpCompany();
    const before = await snapshot(company.id);
    const result = await runAction(verifyCompanyCard, { userId: admin.id, locale: 'en', input: {} });
    expect(result).toEqual({ formError: en.errors.companyIncomplete });
    expect(await snapshot(company.id)).toEqual(before);
    expect((await cardStatus(company.id)).status).toBe('in_progress');
  });

  it('verifies the card after a save, records who verified it, and audits it', async () => {
    const { company, admin } = await signUpCompany();
    await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input: FR_DETAILS });

    const result = await runAction(verifyCompanyCard, { userId: admin.id, locale: 'en', input: {} });
    expect(result).toEqual({ ok: true, data: undefined });

    const status = await cardStatus(company.id);
    expect(status).toMatchObject({ status: 'verified', verifiedBy: admin.id });
    expect(status.verifiedAt).toBeInstanceOf(Date);

    const entries = await auditOf(company.id, 'card.verified');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: admin.id,
      card: 'company',
      before: { status: 'in_progress' },
      after: { status: 'verified' },
    });

    // Editing a verified card keeps it verified (see markInProgress).
    const edit = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'en',
      input: { ...FR_DETAILS, city: 'Paris 1er' },
    });
    expect(edit.ok).toBe(true);
    expect(await cardStatus(company.id)).toMatchObject({ status: 'verified', verifiedBy: admin.id });
  });

  it('refuses a member', async () => {
    const { company, admin } = await signUpCompany();
    await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input: FR_DETAILS });
    const member = await addMember(company.id);
    const before = await snapshot(company.id);
    const result = await runAction(verifyCompanyCard, { userId: member.id, locale: 'en', input: {} });
    expect(result).toEqual({ formError: en.errors.forbidden });
    expect(await snapshot(company.id)).toEqual(before);
  });
});

// Test-only actions: they go through the same wrapper as the app's server actions.

/** Renames a user of the actor's company; an id from elsewhere reads as "not found". */
const renameUser = defineAction({
  schema: z.object({ id: z.uuid(), firstName: z.string().trim().min(1) }),
  async handler(input, { tx, actor }) {
    await writeAudit(tx, { companyId: actor.companyId, actor, card: 'team' }, [{ action: 'user.renamed', target: input.id }]);
    const updated = await tx
      .update(users)
      .set({ firstName: input.firstName })
      .where(and(eq(users.id, input.id), eq(users.companyId, actor.companyId)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new ActionError('errors.notFound');
    return updated[0];
  },
});

/** Writes a user, then changes its mind. */
const writeThenRefuse = defineAction({
  schema: z.object({ email: z.string() }),
  async handler(input, { tx, actor }) {
    await tx.insert(users).values({ companyId: actor.companyId, firstName: 'Ghost', lastName: 'User', email: input.email });
    throw new ActionError('errors.conflict');
  },
});

/** Writes a user, then crashes with something that is not a refusal. */
const writeThenCrash = defineAction({
  schema: z.object({ email: z.string() }),
  async handler(input, { tx, actor }) {
    await tx.insert(users).values({ companyId: actor.companyId, firstName: 'Ghost', lastName: 'User', email: input.email });
    throw new Error('boom');
  },
});

/** Adds a member: the database, not a pre-check, refuses a taken e-mail. */
const addUser = defineAction({
  schema: z.object({ email: z.string().trim().toLowerCase() }),
  async handler(input, { tx, actor }) {
    const [row] = await tx
      .insert(users)
      .values({ companyId: actor.companyId, firstName: 'New', lastName: 'Member', email: input.email })
      .returning({ id: users.id });
    return row;
  },
});

/** Anyone signed in may read their own company's name. */
const whoAmI = defineAction({
  schema: z.object({}),
  role: 'any',
  async handler(_input, { tx, actor }) {
    const [row] = await tx.select({ name: companies.name }).from(companies).where(eq(companies.id, actor.companyId));
    return { company: row.name, role: actor.role };
  },
});

async function usersWithEmail(email: string) {
  const [{ n }] = await db().select({ n: count() }).from(users).where(eq(users.email, email));
  return n;
}

describe('runAction', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lets an admin rename a user of their own company', async () => {
    const { company, admin } = await signUpCompany();
    const member = await addMember(company.id);
    const result = await runAction(renameUser, {
      userId: admin.id,
      locale: 'en',
      input: { id: member.id, firstName: 'Maxime' },
    });
    expect(result).toEqual({ ok: true, data: { id: member.id } });
    const [row] = await db().select().from(users).where(eq(users.id, member.id));
    expect(row.firstName).toBe('Maxime');
    expect(await auditOf(company.id, 'user.renamed')).toHaveLength(1);
  });

  it('scopes to the actor’s company: admin A cannot rename company B’s user, and nothing is written', async () => {
    const a = await signUpCompany({ companyName: 'Company A' });
    const b = await signUpCompany({ companyName: 'Company B' });
    const bMember = await addMember(b.company.id, { firstName: 'Bea' });
    const beforeA = await snapshot(a.company.id);
    const beforeB = await snapshot(b.company.id);

    for (const id of [bMember.id, b.admin.id]) {
      const result = await runAction(renameUser, {
        userId: a.admin.id,
        locale: 'en',
        input: { id, firstName: 'Hijacked' },
      });
      expect(result).toEqual({ formError: en.errors.notFound });
    }
    const inFrench = await runAction(renameUser, {
      userId: a.admin.id,
      locale: 'fr',
      input: { id: bMember.id, firstName: 'Hijacked' },
    });
    expect(inFrench).toEqual({ formError: fr.errors.notFound });

    // B's users keep their names; A's audit entry written before the refusal was rolled back.
    expect(await snapshot(b.company.id)).toEqual(beforeB);
    expect(await snapshot(a.company.id)).toEqual(beforeA);
    const [row] = await db().select().from(users).where(eq(users.id, bMember.id));
    expect(row.firstName).toBe('Bea');
  });

  it('turns a schema failure into a translated field error before running the handler', async () => {
    const { company, admin } = await signUpCompany();
    const before = await snapshot(company.id);
    const result = await runAction(renameUser, {
      userId: admin.id,
      locale: 'en',
      input: { id: 'nope', firstName: 'X' },
    });
    expect(result).toEqual({ fieldErrors: { id: en.errors.invalid } });
    expect(await snapshot(company.id)).toEqual(before);
  });

  it('rolls back what a handler wrote before refusing', async () => {
    const { company, admin } = await signUpCompany();
    const email = `ghost-${randomUUID()}@example.com`;
    const result = await runAction(writeThenRefuse, { userId: admin.id, locale: 'en', input: { email } });
    expect(result).toEqual({ formError: en.errors.conflict });
    expect(await usersWithEmail(email)).toBe(0);
    expect(await db().select().from(users).where(eq(users.companyId, company.id))).toHaveLength(1);
  });

  it('rolls back and answers "unexpected" when a handler crashes', async () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    const { admin } = await signUpCompany();
    const email = `ghost-${randomUUID()}@example.com`;
    const result = await runAction(writeThenCrash, { userId: admin.id, locale: 'fr', input: { email } });
    expect(result).toEqual({ formError: fr.errors.unexpected });
    expect(await usersWithEmail(email)).toBe(0);
    // One structured line, naming the event (the server log is one JSON line per event).
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ event: 'action.failed' }), 'action failed');
    logged.mockRestore();
  });

  it('maps a unique violation inside a handler to the e-mail field instead of throwing', async () => {
    const { company, admin } = await signUpCompany();
    const other = await signUpCompany();
    const before = await snapshot(company.id);

    const result = await runAction(addUser, { userId: admin.id, locale: 'en', input: { email: other.admin.email } });
    expect(result).toEqual({ fieldErrors: { email: en.errors.emailTaken } });
    const upper = await runAction(addUser, {
      userId: admin.id,
      locale: 'fr',
      input: { email: ` ${other.admin.email.toUpperCase()} ` },
    });
    expect(upper).toEqual({ fieldErrors: { email: fr.errors.emailTaken } });

    expect(await snapshot(company.id)).toEqual(before);
    expect(await usersWithEmail(other.admin.email)).toBe(1);

    const fresh = await runAction(addUser, {
      userId: admin.id,
      locale: 'en',
      input: { email: `new-${randomUUID()}@example.com` },
    });
    expect(fresh.ok).toBe(true);
  });

  it('lets a member run an action open to any role', async () => {
    const { company } = await signUpCompany({ companyName: 'Open Co' });
    const member = await addMember(company.id);
    const result = await runAction(whoAmI, { userId: member.id, locale: 'en', input: {} });
    expect(result).toEqual({ ok: true, data: { company: 'Open Co', role: 'member' } });
  });
});
