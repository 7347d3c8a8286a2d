import { and, asc, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { first } from '@/db/rows';
import { LIST_PAGE_SIZE, pageInfo, pageTotal } from '@/lib/format/pages';
import { db, type Db } from '@/db';
import { companies, devices, extensions, sites, users, type ExtensionType } from '@/db/schema';
import type { CountryCode } from '@/lib/countries/rules';
import { personSearch } from '@/lib/format/search';
import { nextFree, type ExtensionLength } from '@/lib/extensions/numbering';
import { seatUsage, type SeatUsage } from '@/lib/licences/seats';
import { officeSeatsUsedSql } from '@/lib/prices/billing';

export type TeamDevice = { id: string; model: string; mac: string };

/** What every list of people on the Team and Licences cards shows of a person (`personColumns`). */
export type TeamPerson = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  role: 'admin' | 'member';
  licence: 'free' | 'office';
};

export type TeamRow = TeamPerson & {
  extension: string | null;
  extensionId: string | null;
  device: TeamDevice | null;
  siteId: string;
  siteName: string;
  floorRoom: string | null;
};

/** A site the Team form offers (lib/sites: a company's few sites, the first one first). */
export type SiteOption = { id: string; name: string; isFirst: boolean };

export type TeamPage = { rows: TeamRow[]; total: number; page: number; pageCount: number };
export type NumberingRules = { length: ExtensionLength; country: CountryCode };

const MAX_PAGE_SIZE = 200;

/** The columns every list of people on the Team and Licences cards shows. */
export const personColumns = {
  id: users.id,
  firstName: users.firstName,
  lastName: users.lastName,
  email: users.email,
  role: users.role,
  licence: users.licence,
};

/** Name (either order), e-mail anywhere, or the start of the extension number (lib/format/search.ts). */
export function teamSearch(q: string): SQL | undefined {
  return personSearch(q, { firstName: users.firstName, lastName: users.lastName, email: users.email, extension: extensions.number });
}

const teamColumns = {
  ...personColumns,
  extension: extensions.number,
  extensionId: extensions.id,
  deviceId: devices.id,
  deviceModel: devices.model,
  deviceMac: devices.mac,
  siteId: users.siteId,
  siteName: sites.name,
  floorRoom: users.floorRoom,
};

/** The users matching `where` (over users and their user extension): a page's total (pageTotal). */
export function totalOfPage(exec: Db, rows: readonly { total: number }[], page: number, where: SQL | undefined) {
  return pageTotal(rows, page, async () =>
    first(
      await exec
        .select({ total: count() })
        .from(users)
        .leftJoin(extensions, and(eq(extensions.userId, users.id), eq(extensions.type, 'user')))
        .where(where),
    ).total,
  );
}

/**
 * One page of the team list, in extension order (users without an extension, only possible after
 * a data fix, last), in one statement whatever the team size. With a search, `count(*) over()`
 * carries the search's total on every row. Without one, the page is read off the extensions'
 * order index (extensions_company_order_idx) and the total is the company's user count, so a
 * page of 25 does not sort 5,000 users; a page reaching past the extensions reads the users
 * without one.
 */
export async function getTeamPage(
  companyId: string,
  { q = '', page = 1, pageSize = LIST_PAGE_SIZE }: { q?: string; page?: number; pageSize?: number } = {},
  exec: Db = db(),
): Promise<TeamPage> {
  const size = Math.min(Math.max(1, Math.floor(pageSize)), MAX_PAGE_SIZE);
  const current = Math.max(1, Math.floor(page));
  const offset = (current - 1) * size;
  const search = teamSearch(q);
  let rows: Omit<Awaited<ReturnType<typeof teamRows>>[number], 'total'>[];
  let total: number;
  if (search) {
    const where = and(eq(users.companyId, companyId), search);
    const found = await teamRows(exec, true)
      .where(where)
      .orderBy(sql`length(${extensions.number})`, asc(extensions.number), users.lastName, users.firstName, users.id)
      .limit(size)
      .offset(offset);
    rows = found;
    total = await totalOfPage(exec, found, current, where);
  } else {
    const counts = sql`(select count(*)::int from ${users} where ${users.companyId} = ${companyId})`;
    const withExtension = sql`(select count(*)::int from ${extensions} where ${extensions.companyId} = ${companyId} and ${extensions.type} = 'user')`;
    const byExtension = await exec
      .select({ ...teamColumns, users: sql<number>`${counts}`.mapWith(Number), withExtension: sql<number>`${withExtension}`.mapWith(Number) })
      .from(extensions)
      .innerJoin(users, eq(users.id, extensions.userId))
      .innerJoin(sites, eq(sites.id, users.siteId))
      .leftJoin(devices, and(eq(devices.userId, users.id), eq(devices.companyId, users.companyId)))
      .where(and(eq(extensions.companyId, companyId), eq(extensions.type, 'user'), eq(users.companyId, companyId)))
      .orderBy(sql`length(${extensions.number})`, asc(extensions.number), asc(extensions.id))
      .limit(size)
      .offset(offset);
    const known =
      byExtension[0] ?? first(await exec.select({ users: sql<number>`${counts}`.mapWith(Number), withExtension: sql<number>`${withExtension}`.mapWith(Number) }).from(companies).where(eq(companies.id, companyId)));
    total = known.users;
    rows = byExtension;
    if (rows.length < size && known.users > known.withExtension) {
      const rest = await teamRows(exec, false)
        .where(and(eq(users.companyId, companyId), isNull(extensions.id)))
        .orderBy(users.lastName, users.firstName, users.id)
        .limit(size - rows.length)
        .offset(Math.max(0, offset - known.withExtension));
      rows = [...rows, ...rest];
    }
  }

  return {
    rows: rows.map((r) => ({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      role: r.role,
      licence: r.licence,
      extension: r.extension,
      extensionId: r.extensionId,
      device: r.deviceId ? { id: r.deviceId, model: r.deviceModel!, mac: r.deviceMac! } : null,
      siteId: r.siteId,
      siteName: r.siteName,
      floorRoom: r.floorRoom,
    })),
    ...pageInfo(current, total, size),
  };
}

/** The team list's rows from users: with their user extension, site and desk phone (and a search's total). */
function teamRows(exec: Db, withTotal: boolean) {
  return exec
    .select({ ...teamColumns, total: (withTotal ? sql<number>`count(*) over()` : sql<number>`0`).mapWith(Number) })
    .from(users)
    .innerJoin(sites, eq(sites.id, users.siteId))
    .leftJoin(extensions, and(eq(extensions.userId, users.id), eq(extensions.type, 'user')))
    .leftJoin(devices, and(eq(devices.userId, users.id), eq(devices.companyId, users.companyId)))
    .$dynamic();
}

export type CompanyTeamContext = { rules: NumberingRules; seats: SeatUsage; usedNumbers: string[] };

/**
 * The company's numbering rules, seat usage and every extension number it uses, in one
 * statement. Extension numbers are unique per company whatever their type, so all of them
 * count as used when looking for the next free one.
 */
export async function getCompanyTeamContext(companyId: string, exec: Db = db()): Promise<CompanyTeamContext> {
  const row = first(
    await exec
      .select({
        extensionLength: companies.extensionLength,
        country: companies.country,
        bought: companies.officeSeats,
        used: officeSeatsUsedSql(companyId),
        numbers: sql<string[]>`array(select ${extensions.number} from ${extensions} where ${extensions.companyId} = ${companyId})`,
      })
      .from(companies)
      .where(eq(companies.id, companyId)),
  );
  if (!row) throw new Error(`Company ${companyId} not found`);
  return {
    rules: { length: row.extensionLength as ExtensionLength, country: row.country as CountryCode },
    seats: seatUsage(row.bought, Number(row.used)),
    usedNumbers: row.numbers,
  };
}

/** The number "Add user" pre-fills; null when the type's block is full. */
export async function getNextExtension(companyId: string, type: ExtensionType, exec: Db = db()) {
  const { rules, usedNumbers } = await getCompanyTeamContext(companyId, exec);
  return nextFree(type, rules, usedNumbers) ?? null;
}

/** Desk phones nobody holds, plus the one `forUserId` holds (so their edit form can keep it). */
export async function getAvailableDevices(companyId: string, forUserId?: string, exec: Db = db()): Promise<TeamDevice[]> {
  const free = isNull(devices.userId);
  return exec
    .select({ id: devices.id, model: devices.model, mac: devices.mac })
    .from(devices)
    .where(and(eq(devices.companyId, companyId), forUserId ? or(free, eq(devices.userId, forUserId)) : free))
    .orderBy(devices.model, devices.mac);
}

/**
 * Everything the Team card page shows, in four statements whatever the team size:
 * the page of rows (with its total), the company context, the free desk phones and the sites.
 */
export async function getTeamCardData(
  companyId: string,
  params: { q?: string; page?: number; pageSize?: number } = {},
  exec: Db = db(),
) {
  const [page, context, availableDevices, siteOptions] = await Promise.all([
    getTeamPage(companyId, params, exec),
    getCompanyTeamContext(companyId, exec),
    getAvailableDevices(companyId, undefined, exec),
    exec
      .select({ id: sites.id, name: sites.name, isFirst: sites.isFirst })
      .from(sites)
      .where(eq(sites.companyId, companyId))
      .orderBy(desc(sites.isFirst), asc(sites.name)),
  ]);
  return {
    ...page,
    nextExtension: nextFree('user', context.rules, context.usedNumbers) ?? null,
    availableDevices,
    sites: siteOptions as SiteOption[],
    seats: context.seats,
    rules: { extensionLength: context.rules.length, country: context.rules.country },
  };
}

export type TeamCardData = Awaited<ReturnType<typeof getTeamCardData>>;
