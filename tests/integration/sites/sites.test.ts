import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, companies, sites, users } from '@/db/schema';
import { saveCompanyDetails } from '@/lib/company/actions';
import { removeSite, saveSite } from '@/lib/sites/actions';
import { firstSiteOf, sitesOf } from '@/lib/sites/queries';
import { addUser, updateUser } from '@/lib/team/actions';
import { useTestDatabase } from '../../helpers/db';
import { act } from '../../helpers/extensions';
import { signUpCompany } from '../../helpers/factories';
import { companyFingerprint } from '../../helpers/snapshot';
import { addMemberWithExtension, userInput, userRow } from '../../helpers/team';

useTestDatabase();

const LYON = { country: 'FR', name: 'Lyon', street: '12 rue de la République', city: 'Lyon', postalCode: '69002', region: '', timeZone: 'Europe/Paris' };
const US_DETAILS = {
  name: 'Main Street Inc', country: 'US', timeZone: 'America/New_York', locale: 'en', extensionLength: '3',
  street: '350 Fifth Avenue', city: 'New York', postalCode: '10118', region: 'NY', addressCountry: 'US',
};

async function usCompany() {
  const s = await signUpCompany({ country: 'US', companyName: 'Main Street Inc' });
  expect(await act(saveCompanyDetails, s.admin.id, US_DETAILS)).toMatchObject({ ok: true });
  return s;
}

describe('the first site', () => {
  it('exists from sign-up, every user works there, and mirrors the Company card both ways', async () => {
    const { company, admin } = await usCompany();
    const first = await firstSiteOf(db(), company.id);
    expect(first).toMatchObject({ isFirst: true, street: '350 Fifth Avenue', city: 'New York', postalCode: '10118', region: 'NY', country: 'US', timeZone: 'America/New_York' });
    expect((await userRow(admin.id)).siteId).toBe(first.id);
    // A user inserted without a site (the import, a factory) gets the first site.
    const { user } = await addMemberWithExtension(company.id, '102');
    expect(user.siteId).toBe(first.id);
    // Edited as a site, the company's row follows (one source: the database keeps them equal).
    expect(await act(saveSite, admin.id, { id: first.id, country: 'US', name: 'HQ', street: '1 Main Street', city: 'Chicago', postalCode: '60606', region: 'IL', timeZone: 'America/Chicago' })).toMatchObject({ ok: true });
    const [row] = await db().select().from(companies).where(eq(companies.id, company.id));
    expect(row).toMatchObject({ emergencyStreet: '1 Main Street', emergencyCity: 'Chicago', emergencyRegion: 'IL', timeZone: 'America/Chicago' });
  });

  it('cannot be removed', async () => {
    const { company, admin } = await usCompany();
    const first = await firstSiteOf(db(), company.id);
    const before = await companyFingerprint(company.id);
    expect(await act(removeSite, admin.id, { id: first.id, movedUsers: 1 })).toMatchObject({ formError: expect.any(String) });
    expect(await companyFingerprint(company.id)).toBe(before);
  });
});

describe('saveSite', () => {
  it('adds and edits a site with its history; the name is unique per company whatever the case', async () => {
    const { company, admin } = await signUpCompany();
    const added = await act(saveSite, admin.id, { ...LYON, postalCode: ' 69 002 ' });
    expect(added).toMatchObject({ ok: true });
    const id = (added as { data: { id: string } }).data.id;
    const [row] = await db().select().from(sites).where(eq(sites.id, id));
    expect(row).toMatchObject({ companyId: company.id, isFirst: false, name: 'Lyon', postalCode: '69002', region: null, timeZone: 'Europe/Paris' });
    expect(await act(saveSite, admin.id, { ...LYON, id, city: 'Villeurbanne', postalCode: '69100' })).toMatchObject({ ok: true });
    const before = await companyFingerprint(company.id);
    expect(await act(saveSite, admin.id, { ...LYON, name: 'LYON' })).toMatchObject({ fieldErrors: { name: expect.any(String) } });
    expect(await companyFingerprint(company.id)).toBe(before);
    const entries = await db().select().from(auditLog).where(and(eq(auditLog.companyId, company.id), eq(auditLog.card, 'company')));
    expect(entries.map((e) => e.action).filter((a) => a.startsWith('site.'))).toEqual(['site.added', 'site.updated']);
    expect(entries.find((e) => e.action === 'site.updated')).toMatchObject({ before: { city: 'Lyon', postalCode: '69002' }, after: { city: 'Villeurbanne', postalCode: '69100' } });
  });

  it.each([
    ['a postal code not of the country', { postalCode: '1000' }, 'postalCode'],
    ['a PO box', { street: 'BP 123' }, 'street'],
    ['a time zone of another country', { timeZone: 'America/New_York' }, 'timeZone'],
    ['no name', { name: '  ' }, 'name'],
    ['a name too long', { name: 'x'.repeat(81) }, 'name'],
    ['no street', { street: '' }, 'street'],
    ['another country than the company’s', { country: 'BE', postalCode: '1000', timeZone: 'Europe/Brussels' }, 'country'],
    ['a control character', { city: 'Ly\u0000on' }, 'city'],
  ])('refuses %s on its field and writes nothing', async (_label, change, field) => {
    const { company, admin } = await signUpCompany();
    const before = await companyFingerprint(company.id);
    const result = await act(saveSite, admin.id, { ...LYON, ...change });
    expect(result.ok).toBeFalsy();
    expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
    expect(await companyFingerprint(company.id)).toBe(before);
  });

  it('a US site needs its state; another company’s site reads as not found, for editing and removing', async () => {
    const us = await usCompany();
    expect(await act(saveSite, us.admin.id, { country: 'US', name: 'LA', street: '1 Sunset Blvd', city: 'Los Angeles', postalCode: '90012', region: '', timeZone: 'America/Los_Angeles' }))
      .toMatchObject({ fieldErrors: { region: expect.any(String) } });
    const other = await signUpCompany();
    const added = (await act(saveSite, other.admin.id, LYON)) as { ok: true; data: { id: string } };
    const before = await companyFingerprint(other.company.id);
    expect(await act(saveSite, us.admin.id, { ...LYON, id: added.data.id, country: 'US', postalCode: '10118', region: 'NY', timeZone: 'America/New_York' }))
      .not.toMatchObject({ ok: true });
    expect(await act(removeSite, us.admin.id, { id: added.data.id, movedUsers: 0 })).not.toMatchObject({ ok: true });
    expect(await companyFingerprint(other.company.id)).toBe(before);
  });

  it('with other sites, the company cannot move to another country', async () => {
    const { company, admin } = await signUpCompany();
    expect(await act(saveSite, admin.id, LYON)).toMatchObject({ ok: true });
    const before = await companyFingerprint(company.id);
    const result = await act(saveCompanyDetails, admin.id, { ...US_DETAILS, name: 'Acme SAS', locale: 'fr' });
    expect(result).toMatchObject({ fieldErrors: { country: expect.any(String) } });
    expect(await companyFingerprint(company.id)).toBe(before);
  });
});

describe('removeSite', () => {
  it('moves its users to the first site (floor/room cleared) in the same transaction, once the count confirmed is the real one', async () => {
    const { company, admin } = await signUpCompany();
    const lyon = ((await act(saveSite, admin.id, LYON)) as { data: { id: string } }).data.id;
    const added = await act(addUser, admin.id, userInput({ siteId: lyon, floorRoom: '3e étage, bureau 301' }));
    expect(added).toMatchObject({ ok: true });
    const userId = (added as { data: { id: string } }).data.id;
    expect(await userRow(userId)).toMatchObject({ siteId: lyon, floorRoom: '3e étage, bureau 301' });
    expect((await sitesOf(db(), company.id)).map((s) => [s.name, s.userCount])).toEqual([['Siège', 1], ['Lyon', 1]]);

    // The dialog said nobody would move: stale, refused, nothing written.
    const before = await companyFingerprint(company.id);
    expect(await act(removeSite, admin.id, { id: lyon, movedUsers: 0 })).toMatchObject({ formError: expect.any(String) });
    expect(await companyFingerprint(company.id)).toBe(before);

    expect(await act(removeSite, admin.id, { id: lyon, movedUsers: 1 })).toMatchObject({ ok: true, data: { movedUsers: 1 } });
    const first = await firstSiteOf(db(), company.id);
    expect(await userRow(userId)).toMatchObject({ siteId: first.id, floorRoom: null });
    expect(await db().select().from(sites).where(eq(sites.id, lyon))).toEqual([]);
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.companyId, company.id), eq(auditLog.action, 'site.removed')));
    expect(entry).toMatchObject({ target: 'Lyon', after: { movedUsers: 1, movedTo: 'Siège' } });
  });

  it('a site that still has users cannot be deleted behind the action’s back', async () => {
    const { company, admin } = await signUpCompany();
    const lyon = ((await act(saveSite, admin.id, LYON)) as { data: { id: string } }).data.id;
    await db().update(users).set({ siteId: lyon }).where(eq(users.id, admin.id));
    await expect(db().delete(sites).where(eq(sites.id, lyon))).rejects.toThrow();
    // And a user's site is always of their company (the composite key).
    const other = await signUpCompany();
    await expect(db().update(users).set({ siteId: lyon }).where(eq(users.id, other.admin.id))).rejects.toThrow();
    // Deleting a company takes its sites and users along (one without numbers: they are kept).
    const [bare] = await db().insert(companies).values({ name: 'Bare', country: 'BE', timeZone: 'Europe/Brussels', locale: 'en' }).returning();
    const [site] = await db().select().from(sites).where(eq(sites.companyId, bare!.id));
    expect(site).toMatchObject({ isFirst: true, name: 'Head office', timeZone: 'Europe/Brussels', street: null });
    await db().insert(users).values({ companyId: bare!.id, firstName: 'B', lastName: 'B', email: `b-${company.id}@example.com` });
    await db().delete(companies).where(eq(companies.id, bare!.id));
    const left = (await db().execute(sql`select count(*)::int as n from sites where company_id = ${bare!.id}`)) as unknown as { rows: { n: number }[] };
    expect(left.rows[0]!.n).toBe(0);
  });
});

describe('the Team form’s site and floor/room', () => {
  it('defaults to the first site, takes a chosen one, refuses another company’s and a floor/room too long, writing nothing', async () => {
    const { company, admin } = await signUpCompany();
    const first = await firstSiteOf(db(), company.id);
    const plain = (await act(addUser, admin.id, userInput())) as { ok: true; data: { id: string } };
    expect(await userRow(plain.data.id)).toMatchObject({ siteId: first.id, floorRoom: null });

    const other = await signUpCompany();
    const foreign = ((await act(saveSite, other.admin.id, LYON)) as { data: { id: string } }).data.id;
    const before = await companyFingerprint(company.id);
    expect(await act(addUser, admin.id, userInput({ extension: '103', siteId: foreign }))).toMatchObject({ fieldErrors: { siteId: expect.any(String) } });
    expect(await act(addUser, admin.id, userInput({ extension: '103', floorRoom: 'x'.repeat(81) }))).toMatchObject({ fieldErrors: { floorRoom: expect.any(String) } });
    expect(await act(addUser, admin.id, userInput({ extension: '103', siteId: 'not-a-uuid' }))).toMatchObject({ fieldErrors: { siteId: expect.any(String) } });
    expect(await companyFingerprint(company.id)).toBe(before);

    const lyon = ((await act(saveSite, admin.id, LYON)) as { data: { id: string } }).data.id;
    const row = await userRow(plain.data.id);
    const edit = { id: plain.data.id, firstName: row.firstName, lastName: row.lastName, email: row.email, licence: 'free', extension: '102', phone: '', siteId: lyon, floorRoom: 'Bureau 12' };
    expect(await act(updateUser, admin.id, edit)).toMatchObject({ ok: true });
    expect(await userRow(plain.data.id)).toMatchObject({ siteId: lyon, floorRoom: 'Bureau 12' });
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.companyId, company.id), eq(auditLog.action, 'user.updated')));
    expect(entry).toMatchObject({ before: { site: 'Siège', floorRoom: null }, after: { site: 'Lyon', floorRoom: 'Bureau 12' } });
  });
});
