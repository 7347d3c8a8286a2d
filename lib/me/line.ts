import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, type Db } from '@/db';
import { companies, devices, extensions, ringGroupMembers, sites, users } from '@/db/schema';
import { fullName } from '@/lib/format/person';
import { formatNational } from '@/lib/format/phone';

export type MyLine = {
  name: string;
  email: string;
  companyName: string;
  extension: string | null;
  licence: 'free' | 'office';
  /** National format. */
  directNumber: string | null;
  /** The desk phone's model; null with App only (Office) or no phone (Free). */
  deskPhone: string | null;
  ringGroups: string[];
  mainNumber: string | null;
  /** Where they work (the Team card's site, and floor or room when set). */
  site: { name: string; floorRoom: string | null };
  /** What "Set up your phone" shows besides the password (which is never stored). */
  sip: { username: string; domain: string };
  timeZone: string;
};

/**
 * The signed-in user's own line, in two statements: their row (extension, phone, direct
 * number and the company's main number as subqueries) and the names of their ring groups.
 * Nothing about any other user is read.
 */
export async function getMyLine(userId: string, exec: Db = db()): Promise<MyLine | null> {
  const group = alias(extensions, 'ring_group');
  const [[row], groups] = await Promise.all([
    exec
      .select({
        firstName: users.firstName,
        lastName: users.lastName,
        email: users.email,
        licence: users.licence,
        companyName: companies.name,
        sipUsername: users.sipUsername,
        sipDomain: companies.sipDomain,
        timeZone: companies.timeZone,
        extension: extensions.number,
        deskPhone: devices.model,
        siteName: sites.name,
        floorRoom: users.floorRoom,
        direct: sql<string | null>`(select pn.e164 from phone_numbers pn
          where pn.extension_id = ${extensions.id} and pn.status = 'owned' and pn.company_id = ${users.companyId}
          order by pn.is_main desc, pn.e164 limit 1)`,
        main: sql<string | null>`(select pn.e164 from phone_numbers pn
          where pn.company_id = ${users.companyId} and pn.status = 'owned' and pn.is_main limit 1)`,
      })
      .from(users)
      .innerJoin(companies, eq(companies.id, users.companyId))
      .innerJoin(sites, and(eq(sites.id, users.siteId), eq(sites.companyId, users.companyId)))
      .leftJoin(extensions, and(eq(extensions.userId, users.id), eq(extensions.type, 'user')))
      .leftJoin(devices, and(eq(devices.userId, users.id), eq(devices.companyId, users.companyId)))
      .where(eq(users.id, userId)),
    exec
      .select({ name: group.name, number: group.number })
      .from(ringGroupMembers)
      .innerJoin(group, and(eq(group.id, ringGroupMembers.ringGroupId), eq(group.type, 'ring_group')))
      .innerJoin(users, and(eq(users.id, ringGroupMembers.userId), eq(users.companyId, group.companyId)))
      .where(eq(ringGroupMembers.userId, userId))
      .orderBy(asc(group.name), asc(group.number)),
  ]);
  if (!row) return null;
  return {
    name: fullName(row),
    email: row.email,
    companyName: row.companyName,
    extension: row.extension,
    licence: row.licence === 'office' ? 'office' : 'free',
    directNumber: row.direct ? formatNational(row.direct) : null,
    deskPhone: row.deskPhone,
    ringGroups: groups.map((g) => g.name || g.number),
    mainNumber: row.main ? formatNational(row.main) : null,
    site: { name: row.siteName, floorRoom: row.floorRoom },
    sip: { username: row.sipUsername, domain: row.sipDomain },
    timeZone: row.timeZone,
  };
}
