import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db';
import { companies, extensions, users } from '@/db/schema';
import { checkExtensionNumber } from '@/lib/extensions/numbering';
import { getAvailableDevices, getNextExtension, getTeamCardData, getTeamPage } from '@/lib/team/queries';
import { addMember, signUpCompany, signUpCompanyWithSeats } from '../helpers/factories';
import { useCountingDatabase } from '../helpers/db';
import { addDeskPhone, addMemberWithExtension } from '../helpers/team';
import { LIST_PAGE_SIZE } from '@/lib/format/pages';

// This file's connection counts its queries (useCountingDatabase instead of useTestDatabase), so
// it can prove the Team page costs the same number of statements for 10 users as for 1,000.

const { count: counting } = useCountingDatabase();

describe('getTeamPage', () => {
  let companyId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { company, admin } = await signUpCompany({ firstName: 'Ada', lastName: 'Admin', email: 'ada@admin.example' });
    companyId = company.id;
    ids.ada = admin.id;
    const people: [string, string, string, string][] = [
      ['jean', 'Jean', 'Dupont', '104'],
      ['marie', 'Marie', 'Curie', '102'],
      ['zoe', 'Zoé', 'Durand', '230'],
      ['paul', 'Paul', 'Dupont', '103'],
      ['under', 'Under', 'Score', '201'],
    ];
    for (const [key, firstName, lastName, number] of people) {
      const { user } = await addMemberWithExtension(companyId, number, {
        firstName,
        lastName,
        email: `${key}.${lastName.toLowerCase()}@acme.fr`,
      });
      ids[key] = user.id;
    }
    // Someone else's Dupont never shows up.
    const other = await signUpCompany();
    await addMemberWithExtension(other.company.id, '104', { firstName: 'Jean', lastName: 'Dupont' });
  });

  const names = (rows: { firstName: string; lastName: string }[]) => rows.map((r) => `${r.firstName} ${r.lastName}`);

  it('lists the company’s users ordered by extension number, with extension and phone', async () => {
    const phone = await addDeskPhone(companyId, { userId: ids.ada, model: 'Yealink T54W' });
    const page = await getTeamPage(companyId, {});
    expect(names(page.rows)).toEqual(['Ada Admin', 'Marie Curie', 'Paul Dupont', 'Jean Dupont', 'Under Score', 'Zoé Durand']);
    expect(page).toMatchObject({ total: 6, page: 1, pageCount: 1 });
    expect(page.rows[0]).toEqual({
      id: ids.ada,
      firstName: 'Ada',
      lastName: 'Admin',
      email: expect.any(String),
      role: 'admin',
      licence: 'office',
      extension: '101',
      extensionId: expect.any(String),
      device: { id: phone.id, model: 'Yealink T54W', mac: phone.mac },
      siteId: expect.any(String),
      siteName: 'Siège',
      floorRoom: null,
    });
    expect(page.rows[1]).toMatchObject({ role: 'member', licence: 'free', extension: '102', device: null });
  });

  it.each([
    ['dupont', ['Paul Dupont', 'Jean Dupont']],
    ['DUPONT', ['Paul Dupont', 'Jean Dupont']],
    ['jean dup', ['Jean Dupont']],
    ['dupont jean', ['Jean Dupont']],
    ['zoé', ['Zoé Durand']],
    ['marie.curie', ['Marie Curie']],
    ['@ACME.FR', ['Marie Curie', 'Paul Dupont', 'Jean Dupont', 'Under Score', 'Zoé Durand']],
    ['10', ['Ada Admin', 'Marie Curie', 'Paul Dupont', 'Jean Dupont']],
    ['23', ['Zoé Durand']],
    // An extension matches from its start only: "04" is not a prefix of 104.
    ['04', []],
    // LIKE wildcards are searched for literally.
    ['%', []],
    ['_', []],
    ['  ', ['Ada Admin', 'Marie Curie', 'Paul Dupont', 'Jean Dupont', 'Under Score', 'Zoé Durand']],
  ])('searches %j', async (q, expected) => {
    const page = await getTeamPage(companyId, { q });
    expect(names(page.rows)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it('paginates, with the total and page count on every page', async () => {
    const first = await getTeamPage(companyId, { pageSize: 4 });
    const second = await getTeamPage(companyId, { page: 2, pageSize: 4 });
    expect(names(first.rows)).toEqual(['Ada Admin', 'Marie Curie', 'Paul Dupont', 'Jean Dupont']);
    expect(names(second.rows)).toEqual(['Under Score', 'Zoé Durand']);
    expect(first).toMatchObject({ total: 6, page: 1, pageCount: 2 });
    expect(second).toMatchObject({ total: 6, page: 2, pageCount: 2 });

    const searched = await getTeamPage(companyId, { q: 'dupont', page: 2, pageSize: 1 });
    expect(names(searched.rows)).toEqual(['Jean Dupont']);
    expect(searched).toMatchObject({ total: 2, pageCount: 2 });

    const past = await getTeamPage(companyId, { page: 9, pageSize: 4 });
    expect(past).toEqual({ rows: [], total: 6, page: 9, pageCount: 2 });
    expect(await getTeamPage(companyId, { q: 'nobody' })).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
  });

  it('pages past the extensions into the users without one (a data fix), last and by name, searched or not', async () => {
    const { company } = await signUpCompany({ firstName: 'Ada', lastName: 'Admin' });
    await addMemberWithExtension(company.id, '103', { firstName: 'Bea', lastName: 'Bell' });
    await addMemberWithExtension(company.id, '102', { firstName: 'Cal', lastName: 'Cole' });
    await addMember(company.id, { firstName: 'Yan', lastName: 'Zed' });
    await addMember(company.id, { firstName: 'Xia', lastName: 'Young' });
    const names = async (page: number, q?: string) => (await getTeamPage(company.id, { page, pageSize: 2, q })).rows.map((r) => `${r.firstName}:${r.extension}`);
    expect(await names(1)).toEqual(['Ada:101', 'Cal:102']);
    expect(await names(2)).toEqual(['Bea:103', 'Xia:null']);
    expect(await names(3)).toEqual(['Yan:null']);
    expect(await names(4)).toEqual([]);
    expect(await getTeamPage(company.id, { page: 3, pageSize: 2 })).toMatchObject({ total: 5, page: 3, pageCount: 3 });
    expect(await getTeamPage(company.id, { page: 9, pageSize: 2 })).toMatchObject({ rows: [], total: 5, pageCount: 3 });
    // The same order when searching.
    expect(await names(2, 'a')).toEqual(['Bea:103', 'Xia:null']);
  });

  it('proposes the next free user extension and lists the desk phones one can pick', async () => {
    expect(await getNextExtension(companyId, 'user')).toBe('105');
    expect(await getNextExtension(companyId, 'ring_group')).toBe('500');
    const free = await addDeskPhone(companyId, { model: 'A free one' });
    const held = await addDeskPhone(companyId, { model: 'Held by Jean', userId: ids.jean });
    const available = (await getAvailableDevices(companyId)).map((d) => d.id);
    expect(available).toContain(free.id);
    expect(available).not.toContain(held.id);
    expect((await getAvailableDevices(companyId, ids.jean)).map((d) => d.id)).toEqual(
      expect.arrayContaining([free.id, held.id]),
    );
  });
});

/** Bulk seed straight into the tables: 1,000 users through the actions would take minutes. */
async function seedCompany(size: number) {
  const { company, admin } = await signUpCompanyWithSeats(size);
  const length = size > 300 ? 4 : 3;
  if (length === 4) {
    await db().update(companies).set({ extensionLength: 4 }).where(eq(companies.id, company.id));
    await db().update(extensions).set({ number: '1010' }).where(eq(extensions.userId, admin.id));
  }
  const numbers: string[] = [];
  for (let n = length === 4 ? 1011 : 102; numbers.length < size - 1; n++) {
    if (!checkExtensionNumber(String(n), { length, country: 'FR' })) numbers.push(String(n));
  }
  const tag = randomUUID().slice(0, 8);
  for (let start = 0; start < numbers.length; start += 250) {
    const batch = numbers.slice(start, start + 250);
    const inserted = await db()
      .insert(users)
      .values(
        batch.map((n) => ({
          companyId: company.id,
          firstName: `First${n}`,
          lastName: `Last${n}`,
          email: `u${n}-${tag}@bulk.example.com`,
          licence: Number(n) % 3 === 0 ? ('office' as const) : ('free' as const),
        })),
      )
      .returning({ id: users.id, email: users.email });
    await db()
      .insert(extensions)
      .values(inserted.map((u, i) => ({ companyId: company.id, number: batch[i], type: 'user' as const, userId: u.id })));
  }
  for (let i = 0; i < 5; i++) await addDeskPhone(company.id);
  return company;
}

describe('getTeamCardData', () => {
  it('costs the same, small number of statements for 10 users as for 1,000', async () => {
    const small = await seedCompany(10);
    const big = await seedCompany(1_000);

    const smallRun = await counting(() => getTeamCardData(small.id, {}));
    const bigRun = await counting(() => getTeamCardData(big.id, {}));
    const bigSearch = await counting(() => getTeamCardData(big.id, { q: 'last1', page: 2 }));

    expect(smallRun.statements.length).toBe(bigRun.statements.length);
    expect(bigSearch.statements.length).toBe(bigRun.statements.length);
    expect(bigRun.statements.length).toBeLessThanOrEqual(8);

    expect(smallRun.result).toMatchObject({
      total: 10,
      page: 1,
      pageCount: 1,
      nextExtension: '111',
      seats: { bought: 10, used: 1 + 3, free: 6 },
      rules: { extensionLength: 3, country: 'FR' },
    });
    expect(smallRun.result.rows).toHaveLength(10);
    expect(smallRun.result.availableDevices).toHaveLength(5);

    expect(bigRun.result).toMatchObject({ total: 1_000, page: 1, pageCount: 1_000 / LIST_PAGE_SIZE, rules: { extensionLength: 4 } });
    expect(bigRun.result.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(bigRun.result.rows[0]).toMatchObject({ extension: '1010', role: 'admin' });
    expect(bigRun.result.rows[1].extension).toBe('1011');
    expect(bigRun.result.nextExtension).not.toBeNull();
    expect(bigRun.result.seats.bought).toBe(1_000);
    // "last1" matches Last1011..Last1999 (minus reserved numbers) and sorts them by extension.
    expect(bigSearch.result.page).toBe(2);
    expect(bigSearch.result.rows[0].lastName).toMatch(/^Last1\d{3}$/);
  }, 60_000);
});
