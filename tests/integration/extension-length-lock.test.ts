import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, companies, extensions } from '@/db/schema';
import { runAction } from '@/lib/runner/run-action';
import { saveCompanyDetails } from '@/lib/company/actions';
import type { CompanyDetailsInput } from '@/lib/company/schema';
import { FR_DETAILS } from '../helpers/company';
import { addMember, signUpCompany } from '../helpers/factories';
import { useTestDatabase } from '../helpers/db';

useTestDatabase();

const BE_DETAILS = {
  ...FR_DETAILS,
  country: 'BE',
  timeZone: 'Europe/Brussels',
  street: 'Rue de la Loi 16',
  city: 'Bruxelles',
  postalCode: '1000',
  addressCountry: 'BE',
} satisfies CompanyDetailsInput;

async function numbersOf(companyId: string) {
  const rows = await db().select().from(extensions).where(eq(extensions.companyId, companyId));
  return rows.map((r) => r.number).sort();
}

async function companyRow(companyId: string) {
  const [row] = await db().select().from(companies).where(eq(companies.id, companyId));
  return row;
}

async function auditCount(companyId: string) {
  return (await db().select().from(auditLog).where(eq(auditLog.companyId, companyId))).length;
}

describe('extension length lock', () => {
  it('moves the admin’s own extension when it is the only one, and locks the length once there are two', async () => {
    const { company, admin } = await signUpCompany();

    const toFour = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'en',
      input: { ...FR_DETAILS, extensionLength: '4' },
    });
    expect(toFour).toEqual({ ok: true, data: undefined });
    expect((await companyRow(company.id)).extensionLength).toBe(4);
    const [adminExt] = await db().select().from(extensions).where(eq(extensions.userId, admin.id));
    expect(adminExt.number).toBe('1010');

    const member = await addMember(company.id);
    await db().insert(extensions).values({ companyId: company.id, number: '102', type: 'user', userId: member.id });
    const before = { company: await companyRow(company.id), numbers: await numbersOf(company.id), audit: await auditCount(company.id) };

    const back = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'en',
      input: { ...FR_DETAILS, name: 'Renamed too', extensionLength: '3' },
    });
    expect(back.ok).toBeUndefined();
    expect(back.fieldErrors).toEqual({
      extensionLength: 'Your company already has 2 extensions: the length and country can no longer change.',
    });

    const inFrench = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'fr',
      input: { ...FR_DETAILS, extensionLength: '3' },
    });
    expect(inFrench.fieldErrors).toEqual({
      extensionLength: 'Votre entreprise a déjà 2 postes : la longueur et le pays ne peuvent plus changer.',
    });

    // The whole save was refused: not even the new name was written.
    expect({
      company: await companyRow(company.id),
      numbers: await numbersOf(company.id),
      audit: await auditCount(company.id),
    }).toEqual(before);
    expect(before.company).toMatchObject({ extensionLength: 4, name: 'Acme Paris' });
    expect(before.numbers).toEqual(['1010', '102']);
  });

  it('with 4-digit extensions everywhere, still refuses going back to 3 digits', async () => {
    const { company, admin } = await signUpCompany();
    await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input: { ...FR_DETAILS, extensionLength: '4' } });
    const member = await addMember(company.id);
    await db().insert(extensions).values({ companyId: company.id, number: '1011', type: 'user', userId: member.id });

    const back = await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input: FR_DETAILS });
    expect(back.fieldErrors?.extensionLength).toMatch(/already has 2 extensions/);
    expect((await companyRow(company.id)).extensionLength).toBe(4);
    expect(await numbersOf(company.id)).toEqual(['1010', '1011']);
  });

  it('moves a lone admin extension off a code reserved in the new country (FR 101 -> BE 200)', async () => {
    const { company, admin } = await signUpCompany();
    const result = await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input: BE_DETAILS });
    expect(result.ok).toBe(true);
    expect((await companyRow(company.id)).country).toBe('BE');
    expect(await numbersOf(company.id)).toEqual(['200']);
  });

  it('refuses a country change on the country field once another extension exists', async () => {
    const { company, admin } = await signUpCompany();
    const member = await addMember(company.id);
    await db().insert(extensions).values({ companyId: company.id, number: '102', type: 'user', userId: member.id });
    const before = await companyRow(company.id);

    const result = await runAction(saveCompanyDetails, { userId: admin.id, locale: 'en', input: BE_DETAILS });
    expect(result.fieldErrors).toEqual({
      country: 'Your company already has 2 extensions: the length and country can no longer change.',
    });
    expect(await companyRow(company.id)).toEqual(before);
    expect(await numbersOf(company.id)).toEqual(['101', '102']);
  });

  it('allows a country change that leaves every extension valid', async () => {
    const { company, admin } = await signUpCompany();
    // 101 is a GB service code (police non-emergency): the admin's sign-up number moves off it first.
    await db().update(extensions).set({ number: '103' }).where(eq(extensions.userId, admin.id));
    const member = await addMember(company.id);
    await db().insert(extensions).values({ companyId: company.id, number: '102', type: 'user', userId: member.id });

    const result = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'en',
      input: { ...FR_DETAILS, country: 'GB', timeZone: 'Europe/London', postalCode: 'SW1A 1AA', addressCountry: 'GB' },
    });
    expect(result.ok).toBe(true);
    expect((await companyRow(company.id)).country).toBe('GB');
    expect(await numbersOf(company.id)).toEqual(['102', '103']);
  });

  it('refuses moving to GB when the team already has 101, now a GB service code', async () => {
    const { company, admin } = await signUpCompany();
    const member = await addMember(company.id);
    await db().insert(extensions).values({ companyId: company.id, number: '102', type: 'user', userId: member.id });
    const result = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'en',
      input: { ...FR_DETAILS, country: 'GB', timeZone: 'Europe/London', postalCode: 'SW1A 1AA', addressCountry: 'GB' },
    });
    expect(result.fieldErrors).toEqual({
      country: 'Your company already has 2 extensions: the length and country can no longer change.',
    });
    expect(await numbersOf(company.id)).toEqual(['101', '102']);
  });
});
