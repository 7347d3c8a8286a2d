import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { db } from '@/db';
import { auditLog, companies } from '@/db/schema';
import type { ActionDef } from '@/lib/actions/define';
import { saveAndVerifyCompany } from '@/lib/company/actions';
import { completeLicencesCard } from '@/lib/licences/actions';
import { runAction } from '@/lib/runner/run-action';
import { getSetupProgress } from '@/lib/setup/cards';
import { FR_DETAILS } from '../helpers/company';
import { signUpCompany } from '../helpers/factories';
import { useTestDatabase } from '../helpers/db';

useTestDatabase();

// Issue 11: "Save and continue" is one action that saves and verifies the card together.

function run<S extends z.ZodType, R>(def: ActionDef<S, R>, userId: string, input: unknown) {
  return runAction(def, { userId, locale: 'en', input });
}

describe('Save and continue', () => {
  it('saves the company details and verifies the card in one call, with both history lines', async () => {
    const { company, admin } = await signUpCompany();
    const result = await run(saveAndVerifyCompany, admin.id, { ...FR_DETAILS, street: '12 rue de la Paix' });
    expect(result.ok).toBe(true);
    const [row] = await db().select().from(companies).where(eq(companies.id, company.id));
    expect(row!.emergencyStreet).toBe('12 rue de la Paix');
    expect((await getSetupProgress(company.id)).company).toBe('verified');
    const actions = (await db().select().from(auditLog).where(eq(auditLog.companyId, company.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['company.updated', 'card.verified']));
  });

  it('bad input saves nothing and leaves the card unverified', async () => {
    const { company, admin } = await signUpCompany();
    const result = await run(saveAndVerifyCompany, admin.id, { ...FR_DETAILS, postalCode: '7500' });
    expect(result.fieldErrors?.postalCode).toBe('Invalid postal code for this country.');
    const [row] = await db().select().from(companies).where(eq(companies.id, company.id));
    expect(row!.emergencyStreet).toBeNull();
    expect((await getSetupProgress(company.id)).company).not.toBe('verified');
  });

  it('Confirm licences verifies the Licences card through the card context', async () => {
    const { company, admin } = await signUpCompany();
    expect((await run(completeLicencesCard, admin.id, {})).ok).toBe(true);
    expect((await getSetupProgress(company.id)).licences).toBe('verified');
  });
});
