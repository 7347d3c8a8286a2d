import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { emergencyCalls, users } from '@/db/schema';
import { saveCompanyDetails } from '@/lib/company/actions';
import { saveSite } from '@/lib/sites/actions';
import { addUser } from '@/lib/team/actions';
import { useTestDatabase } from '../../helpers/db';
import { act } from '../../helpers/extensions';
import { signUpCompany } from '../../helpers/factories';
import { userInput } from '../../helpers/team';

// What Kamailio records for an emergency call (sip.record_emergency_call, migration 0014): the
// caller's own site, with their floor/room, no longer one address for the whole company.

useTestDatabase();

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

async function record(domain: string, userId: string, dialled: string) {
  const [me] = await db().select().from(users).where(eq(users.id, userId));
  const id = rowsOf<{ id: string | null }>(await db().execute(sql`select sip.record_emergency_call(${domain}, ${me!.sipUsername}, ${dialled}, '') as id`))[0]!.id;
  const [call] = await db().select().from(emergencyCalls).where(eq(emergencyCalls.id, id!));
  return call!;
}

const idOf = (result: unknown) => (result as { ok: true; data: { id: string } }).data.id;

describe('an emergency call’s location is the caller’s site plus floor/room', () => {
  it('US: the admin at the first site, a user at the Los Angeles site on Suite 300', async () => {
    const { company, admin } = await signUpCompany({ country: 'US', companyName: 'Main Street Inc' });
    expect(await act(saveCompanyDetails, admin.id, {
      name: 'Main Street Inc', country: 'US', timeZone: 'America/New_York', locale: 'en', extensionLength: '3',
      street: '350 Fifth Avenue', city: 'New York', postalCode: '10118', region: 'NY', addressCountry: 'US',
    })).toMatchObject({ ok: true });
    const la = idOf(await act(saveSite, admin.id, {
      country: 'US', name: 'Los Angeles', street: '200 N Spring St', city: 'Los Angeles', postalCode: '90012', region: 'CA', timeZone: 'America/Los_Angeles',
    }));
    const bea = idOf(await act(addUser, admin.id, userInput({ siteId: la, floorRoom: 'Suite 300' })));

    expect((await record(company.sipDomain, admin.id, '911')).location).toBe('350 Fifth Avenue, New York, NY 10118, US');
    const call = await record(company.sipDomain, bea, '911');
    expect(call).toMatchObject({ callerUserId: bea, dialled: '911', location: '200 N Spring St, Suite 300, Los Angeles, CA 90012, US' });
  });

  it('FR: postal code before the city, the floor/room after the street', async () => {
    const { company, admin } = await signUpCompany({ country: 'FR' });
    const lyon = idOf(await act(saveSite, admin.id, {
      country: 'FR', name: 'Lyon', street: '12 rue de la République', city: 'Lyon', postalCode: '69002', region: '', timeZone: 'Europe/Paris',
    }));
    const lea = idOf(await act(addUser, admin.id, userInput({ siteId: lyon, floorRoom: '3e étage, bureau 301' })));
    expect((await record(company.sipDomain, lea, '112')).location).toBe('12 rue de la République, 3e étage, bureau 301, 69002 Lyon, FR');
    // The admin's first site has no address yet: none on file, as before sites.
    expect((await record(company.sipDomain, admin.id, '112')).location).toBeNull();
  });
});
