import { and, eq, sql } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import { db, type Db } from '@/db';
import { devices, extensions, users } from '@/db/schema';
import { choiceParam, LIST_PAGE_SIZE, pageInfo, pageParam, searchTextParam } from '@/lib/format/pages';
import { getLicencesCardData } from '@/lib/licences/queries';
import { companyPrices } from '@/lib/prices/price-list';
import { registrationsOf } from '@/lib/telephony/registrations';
import { personColumns, teamSearch, totalOfPage, type TeamPerson } from './queries';
import { LICENCES, type Licence } from './schema';

export type LicenceHolder = TeamPerson & { extension: string | null; deviceModel: string | null };

/**
 * The Licences card's URL: `?q=` (name, e-mail, extension), `?licence=free|office`, `?page=`
 * (the holders), `?devicesPage=` (the desk phones).
 */
export const licencesSearchSchema = z.object({ q: searchTextParam(), licence: choiceParam(LICENCES), page: pageParam(), devicesPage: pageParam() });
export type LicencesSearch = { q?: string; licence?: Licence; page?: number; pageSize?: number; devicesPage?: number };


/**
 * One page of who holds which licence, Office first, in one statement: `count(*) over()`
 * carries the total of the search on every row (like the Team card's `getTeamPage`).
 */
export async function getLicenceHoldersPage(
  companyId: string,
  { q = '', licence, page = 1, pageSize = LIST_PAGE_SIZE }: LicencesSearch = {},
  exec: Db = db(),
) {
  const size = Math.min(Math.max(1, Math.floor(pageSize)), 200);
  const current = Math.max(1, Math.floor(page));
  const where = and(eq(users.companyId, companyId), teamSearch(q), licence ? eq(users.licence, licence) : undefined);
  const rows = await exec
    .select({
      ...personColumns,
      extension: extensions.number,
      deviceModel: devices.model,
      total: sql<number>`count(*) over()`.mapWith(Number),
    })
    .from(users)
    .leftJoin(extensions, and(eq(extensions.userId, users.id), eq(extensions.type, 'user')))
    .leftJoin(devices, and(eq(devices.userId, users.id), eq(devices.companyId, users.companyId)))
    .where(where)
    .orderBy(sql`${users.licence} = 'office' desc`, users.lastName, users.firstName, users.id)
    .limit(size)
    .offset((current - 1) * size);

  const total = await totalOfPage(exec, rows, current, where);
  return {
    rows: rows.map(
      (r): LicenceHolder => ({
        id: r.id,
        firstName: r.firstName,
        lastName: r.lastName,
        email: r.email,
        role: r.role,
        licence: r.licence,
        extension: r.extension,
        deviceModel: r.deviceModel,
      }),
    ),
    ...pageInfo(current, total, size),
  };
}

/**
 * Everything the Licences card page reads, in five statements whatever the team size: the seats,
 * desk phones and pending orders (lib/licences, counted over the whole company), the page of
 * holders, the prices, then the phone registrations of that page's holders only.
 */
export async function getLicencesPageData(companyId: string, search: LicencesSearch = {}, exec: Db = db()) {
  const [card, holders, prices] = await Promise.all([
    getLicencesCardData(companyId, exec, search.devicesPage),
    getLicenceHoldersPage(companyId, search, exec),
    companyPrices(exec, companyId),
  ]);
  const registrations = await registrationsOf(exec, companyId, holders.rows.map((h) => h.id));
  return { ...card, holders, prices, registrations };
}
