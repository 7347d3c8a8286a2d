import { and, asc, count, eq, sql } from 'drizzle-orm';
import { db, type Db } from '@/db';
import { first } from '@/db/rows';
import { companies, devices, orderLines, orders, users } from '@/db/schema';
import { LIST_PAGE_SIZE, pageInfo, pageTotal } from '@/lib/format/pages';
import { fullNameSql } from '@/lib/format/person';
import { officeSeatsUsedSql } from '@/lib/prices/billing';

/**
 * What the Licences card shows besides who holds which licence (lib/team/licence-holders.ts adds
 * the page of holders, above this domain), in three queries whatever the team size: the seat
 * counts are over the whole company, never the page shown. The desk phones come a page at a
 * time too (`devicesPage`): a company of 5,000 may hold thousands.
 */
export async function getLicencesCardData(companyId: string, exec: Db = db(), devicesPage = 1) {
  const size = LIST_PAGE_SIZE;
  const [companyRows, inventory, pending] = await Promise.all([
    exec
      .select({
        bought: companies.officeSeats,
        timeZone: companies.timeZone,
        used: officeSeatsUsedSql(companyId),
        // The id as a parameter, not ${companies.id}: drizzle writes a single-table select's
        // columns unqualified, so "id" inside this subquery would mean users.id.
        free: sql<number>`(select count(*)::int from ${users} where ${users.companyId} = ${companyId} and ${users.licence} = 'free')`,
      })
      .from(companies)
      .where(eq(companies.id, companyId)),
    exec
      .select({
        id: devices.id,
        model: devices.model,
        mac: devices.mac,
        holderId: devices.userId,
        holder: fullNameSql<string | null>(users.firstName, users.lastName),
        total: sql<number>`count(*) over()`.mapWith(Number),
      })
      .from(devices)
      .leftJoin(users, eq(users.id, devices.userId))
      .where(eq(devices.companyId, companyId))
      .orderBy(asc(devices.model), asc(devices.mac))
      .limit(size)
      .offset((devicesPage - 1) * size),
    exec
      .select({ seats: sql<number>`coalesce(sum(${orderLines.quantity}), 0)::int`, orders: count(orders.id) })
      .from(orders)
      .innerJoin(orderLines, and(eq(orderLines.orderId, orders.id), eq(orderLines.kind, 'office_seats')))
      .where(and(eq(orders.companyId, companyId), eq(orders.status, 'pending'))),
  ]);
  const company = first(companyRows);
  const total = await pageTotal(inventory, devicesPage, async () =>
    first(await exec.select({ total: count() }).from(devices).where(eq(devices.companyId, companyId))).total,
  );
  return {
    seats: { bought: company.bought, used: Number(company.used), free: Number(company.free) },
    timeZone: company.timeZone,
    devices: { rows: inventory, ...pageInfo(devicesPage, total, size) },
    pendingSeats: Number(pending[0]?.seats ?? 0),
  };
}
