import { and, count, eq, ne, sql } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { first } from '@/db/rows';
import { sites, users, type Site } from '@/db/schema';
import { defineAction, type CardContext } from '@/lib/actions/define';
import { ActionError } from '@/lib/actions/errors';
import { diff } from '@/lib/audit/log';
import { uuidField } from '@/lib/forms/fields';
import { firstSiteOf } from './queries';
import { siteSchema, type SiteForm } from './schema';

// The Company card's Sites section. Every row read or written is scoped to the locked company.

function snapshotOf(s: Pick<Site, 'name' | 'street' | 'city' | 'postalCode' | 'region' | 'timeZone'>) {
  return { name: s.name, street: s.street, city: s.city, postalCode: s.postalCode, region: s.region ?? null, timeZone: s.timeZone };
}

async function loadSite(ctx: CardContext, id: string): Promise<Site> {
  const [row] = await ctx.tx.select().from(sites).where(and(eq(sites.id, id), eq(sites.companyId, ctx.company.id)));
  if (!row) throw new ActionError('errors.notFound');
  return row;
}

/** Names are unique per company, whatever the case ("Lyon" and "lyon" are one site). */
async function assertNameFree(ctx: CardContext, name: string, exceptId?: string) {
  const same = and(eq(sites.companyId, ctx.company.id), sql`lower(${sites.name}) = lower(${name})`);
  const [taken] = await ctx.tx.select({ id: sites.id }).from(sites).where(exceptId ? and(same, ne(sites.id, exceptId)) : same);
  if (taken) throw new ActionError('errors.siteNameTaken', { field: 'name' });
}

/** Adds a site, or edits one (the first site too: its address is the Company card's). */
export const saveSite = defineAction({
  card: 'company',
  schema: siteSchema,
  async handler(input: SiteForm, ctx) {
    const { tx, company } = ctx;
    // A site's numbers are activated in the company's country: its address is there too.
    if (input.country !== company.country) throw new ActionError('errors.countryMismatch', { field: 'country' });
    const before = input.id ? await loadSite(ctx, input.id) : undefined;
    await assertNameFree(ctx, input.name, input.id);
    const values = {
      name: input.name,
      street: input.street,
      city: input.city,
      postalCode: input.postalCode,
      region: input.region ?? null,
      country: input.country,
      timeZone: input.timeZone,
    };
    if (!before) {
      const site = first(await tx.insert(sites).values({ companyId: company.id, ...values }).returning());
      await ctx.record({ action: 'site.added', target: site.name, after: snapshotOf(site) });
      return { id: site.id };
    }
    await tx.update(sites).set(values).where(and(eq(sites.id, before.id), eq(sites.companyId, company.id)));
    const change = diff(snapshotOf(before), snapshotOf({ ...before, ...values }));
    await ctx.record(change.changed ? [{ action: 'site.updated', target: input.name, ...change }] : []);
    return { id: before.id };
  },
});

export const removeSiteSchema = z.object({
  id: uuidField(),
  // How many users the confirm dialog said would move: another admin may have changed it since.
  movedUsers: z.coerce.number({ error: 'errors.invalid' }).int().min(0).default(0),
});

/**
 * Removes a site that is not the first: its users move to the first site (their floor/room,
 * which was within the removed site, is cleared), in the same transaction.
 */
export const removeSite = defineAction({
  card: 'company',
  schema: removeSiteSchema,
  async handler(input, ctx) {
    const { tx, company } = ctx;
    const site = await loadSite(ctx, input.id);
    if (site.isFirst) throw new ActionError('errors.siteFirstKept');
    const { n } = first(await tx.select({ n: count() }).from(users).where(and(eq(users.siteId, site.id), eq(users.companyId, company.id))));
    if (n !== input.movedUsers) throw new ActionError('errors.siteUsersChanged', { params: { count: n } });
    const firstSite = await firstSiteOf(tx, company.id);
    if (n > 0) {
      await tx.update(users).set({ siteId: firstSite.id, floorRoom: null }).where(and(eq(users.siteId, site.id), eq(users.companyId, company.id)));
    }
    await tx.delete(sites).where(and(eq(sites.id, site.id), eq(sites.companyId, company.id)));
    await ctx.record({ action: 'site.removed', target: site.name, before: snapshotOf(site), after: { movedUsers: n, movedTo: firstSite.name } });
    return { id: site.id, movedUsers: n };
  },
});
