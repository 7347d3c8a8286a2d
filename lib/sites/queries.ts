import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { first } from '@/db/rows';
import { sites, users, type Site } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';

// Which site applies: a company's sites (first first), the first site, a chosen site checked
// against the company. A company has a handful of sites, so they are read whole.

type Exec = Db | Tx;

export type SiteView = Site & { userCount: number };

/** The company's sites, the first site first, then by name, with how many users work at each. */
export async function sitesOf(exec: Exec, companyId: string): Promise<SiteView[]> {
  const rows = await exec
    .select({ site: sites, userCount: count(users.id) })
    .from(sites)
    .leftJoin(users, eq(users.siteId, sites.id))
    .where(eq(sites.companyId, companyId))
    .groupBy(sites.id)
    .orderBy(desc(sites.isFirst), asc(sites.name));
  return rows.map((r) => ({ ...r.site, userCount: Number(r.userCount) }));
}

/** Every company has its first site (created with it, migration 0014). */
export async function firstSiteOf(exec: Exec, companyId: string): Promise<Site> {
  return first(await exec.select().from(sites).where(and(eq(sites.companyId, companyId), eq(sites.isFirst, true))));
}

/**
 * The site a user form chose: '' is the company's first site; another company's id (or one
 * that no longer exists) is refused on the field, as not found, never as forbidden.
 */
export async function chosenSite(exec: Exec, companyId: string, siteId: string | undefined): Promise<{ id: string; name: string }> {
  if (!siteId) return firstSiteOf(exec, companyId);
  const [row] = await exec.select({ id: sites.id, name: sites.name }).from(sites).where(and(eq(sites.id, siteId), eq(sites.companyId, companyId)));
  if (!row) throw new ActionError('errors.siteUnavailable', { field: 'siteId' });
  return row;
}

/** A site's address on one line, as the Team table and the history show it. */
export function siteAddressLine(s: Pick<Site, 'street' | 'city' | 'postalCode' | 'region'>): string {
  return [s.street, [s.postalCode, s.city].filter(Boolean).join(' '), s.region].filter((p) => p && p.trim()).join(', ');
}
