import { and, eq } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { companies, extensions, sites, type Company } from '@/db/schema';
import { defineAction, type CardContext } from '@/lib/actions/define';
import { ActionError } from '@/lib/actions/errors';
import { diff } from '@/lib/audit/log';
import { checkExtensionNumber, nextFree } from '@/lib/extensions/numbering';
import { companyDetailsSchema, type CompanyDetails } from './schema';

function detailsOf(c: Company) {
  return {
    name: c.name,
    country: c.country,
    timeZone: c.timeZone,
    locale: c.locale,
    extensionLength: c.extensionLength,
    street: c.emergencyStreet,
    city: c.emergencyCity,
    postalCode: c.emergencyPostalCode,
    region: c.emergencyRegion,
    addressCountry: c.emergencyCountry,
  };
}

/**
 * Length and country decide which numbers are valid. Once the team has extensions a change
 * would silently break them, so it is refused; the first admin's own auto-assigned extension
 * is the exception, moved to the first free number under the new rules.
 */
async function adaptExtensions(ctx: CardContext, input: CompanyDetails) {
  const { tx, company } = ctx;
  if (input.extensionLength === company.extensionLength && input.country === company.country) return;
  const rows = await tx.select().from(extensions).where(eq(extensions.companyId, company.id));
  const rules = { length: input.extensionLength, country: input.country };
  const broken = rows.filter((r) => checkExtensionNumber(r.number, rules));
  if (broken.length === 0) return;
  if (rows.length > 1) {
    const field = input.extensionLength !== company.extensionLength ? 'extensionLength' : 'country';
    throw new ActionError('errors.extensionLengthLocked', { field, params: { count: rows.length } });
  }
  const first = broken[0]!;
  const number = nextFree(first.type, rules, [])!;
  await tx.update(extensions).set({ number }).where(eq(extensions.id, first.id));
  await ctx.record({
    card: 'extensions',
    action: 'extension.renumbered',
    target: number,
    before: { number: first.number },
    after: { number },
  });
}

/**
 * The details and the emergency address, with the history line of what changed. The address
 * and time zone are the first site's: the companies row's copy is written here and the
 * database mirrors it onto the site (migration 0014), in this transaction.
 */
async function saveDetails(input: CompanyDetails, ctx: CardContext) {
  const { tx, company } = ctx;
  await adaptExtensions(ctx, input);
  // Every site's address is in the company's country: with other sites, a move is refused.
  if (input.country !== company.country) {
    const [other] = await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.companyId, company.id), eq(sites.isFirst, false))).limit(1);
    if (other) throw new ActionError('errors.countryLockedBySites', { field: 'country' });
  }
  const next = {
    name: input.name,
    country: input.country,
    timeZone: input.timeZone,
    locale: input.locale,
    extensionLength: input.extensionLength,
    emergencyStreet: input.street,
    emergencyCity: input.city,
    emergencyPostalCode: input.postalCode,
    emergencyRegion: input.region ?? null,
    emergencyCountry: input.addressCountry,
  };
  await tx.update(companies).set(next).where(eq(companies.id, company.id));
  const change = diff(detailsOf(company), detailsOf({ ...company, ...next }));
  await ctx.record(change.changed ? [{ action: 'company.updated', target: input.name, ...change }] : []);
}

export const saveCompanyDetails = defineAction({
  card: 'company',
  schema: companyDetailsSchema,
  handler: saveDetails,
});

/** "Save and continue": the same save, then the card verified, in one transaction. */
export const saveAndVerifyCompany = defineAction({
  card: 'company',
  schema: companyDetailsSchema,
  async handler(input, ctx) {
    // The schema requires the emergency address, so a saved form is a complete card.
    await saveDetails(input, ctx);
    await ctx.verify();
  },
});

export const verifyCompanyCard = defineAction({
  card: 'company',
  schema: z.object({}),
  async handler(_input, { company, verify }) {
    if (!company.emergencyStreet) throw new ActionError('errors.companyIncomplete');
    await verify();
  },
});
