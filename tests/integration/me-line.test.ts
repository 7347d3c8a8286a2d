import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { sites } from '@/db/schema';
import { getMyLine } from '@/lib/me/line';
import { firstSiteOf } from '@/lib/sites/queries';
import { useTestDatabase } from '../helpers/db';
import { addDeskPhone, addMemberWithExtension } from '../helpers/team';
import { addRingGroup, giveDirectNumber, readyCompany } from '../helpers/review';

useTestDatabase();

describe('getMyLine', () => {
  it('a member sees their own line: extension, licence, direct number, phone, ring groups, main number', async () => {
    const { company, admin, main } = await readyCompany({ officeSeats: 3 });
    const { user: marc } = await addMemberWithExtension(company.id, '102', {
      firstName: 'Marc',
      lastName: 'Member',
      licence: 'office',
    });
    const { user: ines } = await addMemberWithExtension(company.id, '103', { firstName: 'Inès', lastName: 'Bernard' });
    const direct = await giveDirectNumber(company.id, marc.id, { e164: '+33144001234' });
    await addDeskPhone(company.id, { userId: marc.id, model: 'Yealink T54W' });
    await addRingGroup(company.id, '500', 'Sales', [marc.id, ines.id]);
    await addRingGroup(company.id, '501', 'Support', [admin.id, marc.id]);
    await addRingGroup(company.id, '502', 'Board', [admin.id]);

    const first = await firstSiteOf(db(), company.id);
    const line = await getMyLine(marc.id);
    expect(line).toEqual({
      name: 'Marc Member',
      email: marc.email,
      companyName: 'Acme SAS',
      extension: '102',
      licence: 'office',
      directNumber: '01 44 00 12 34',
      deskPhone: 'Yealink T54W',
      ringGroups: ['Sales', 'Support'],
      mainNumber: expect.stringMatching(/^01 44 /),
      site: { name: first.name, floorRoom: null },
      // What "Set up your phone" shows besides the password, which is never stored.
      sip: { username: marc.sipUsername, domain: expect.stringMatching(/^acme-sas(-\d+)?\.sip\./) },
      timeZone: 'Europe/Paris',
    });
    expect(direct.e164).toBe('+33144001234');
    expect(main.isMain).toBe(true);
    // Nothing about anyone else: no other member's name, extension or number.
    const text = JSON.stringify(line);
    for (const other of ['Inès', 'Bernard', 'Ada', 'Admin', 'Board']) expect(text).not.toContain(other);
  });

  it('a Free member with no number and no group', async () => {
    const { company } = await readyCompany();
    const { user } = await addMemberWithExtension(company.id, '102', { licence: 'free' });
    expect(await getMyLine(user.id)).toMatchObject({
      extension: '102',
      licence: 'free',
      directNumber: null,
      deskPhone: null,
      ringGroups: [],
    });
  });

  it('says where they work: the site the Team card gave them, and their floor or room', async () => {
    const { company } = await readyCompany();
    const [lyon] = await db().insert(sites).values({ companyId: company.id, name: 'Lyon', street: '1 place Bellecour', city: 'Lyon', postalCode: '69002', country: 'FR', timeZone: 'Europe/Paris' }).returning();
    const { user } = await addMemberWithExtension(company.id, '102', { siteId: lyon!.id, floorRoom: '3rd floor, room 12' });
    expect((await getMyLine(user.id))?.site).toEqual({ name: 'Lyon', floorRoom: '3rd floor, room 12' });
  });

  it('a US number is shown in the US national format', async () => {
    const { admin } = await readyCompany({ country: 'US' });
    expect((await getMyLine(admin.id))?.directNumber).toMatch(/^\(212\) 555-\d{4}$/);
  });
});
