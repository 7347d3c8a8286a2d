import { describe, expect, it } from 'vitest';
import { getNumbersCardData } from '@/lib/numbers/queries';
import { getLicenceHoldersPage } from '@/lib/team/licence-holders';
import { useTestDatabase } from '../helpers/db';
import { signUpCompany } from '../helpers/factories';
import { addOwnedNumber, giveDirectNumber } from '../helpers/review';
import { addMemberWithExtension } from '../helpers/team';
import { LIST_PAGE_SIZE } from '@/lib/format/pages';

useTestDatabase();

// Issue 15: the Licences and Phone numbers lists search on the server, LIST_PAGE_SIZE a page.

describe('getLicenceHoldersPage', () => {
  // Unique without digits: a clock in the e-mail once held "102" and matched the extension search.
  const lettersOnly = () => Array.from({ length: 16 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

  it('searches name, e-mail and extension, filters by licence, pages by LIST_PAGE_SIZE, Office first', async () => {
    const { company } = await signUpCompany({ firstName: 'Ada', lastName: 'Admin', email: `ada-${lettersOnly()}@admin.example`, officeSeats: 3 });
    const other = await signUpCompany();
    await addMemberWithExtension(other.company.id, '102', { firstName: 'Inès', lastName: 'Roux' });
    await addMemberWithExtension(company.id, '102', { firstName: 'Inès', lastName: 'Roux', email: 'ines.roux@acme.fr', licence: 'office' });
    for (let i = 0; i < 55; i++) {
      await addMemberWithExtension(company.id, String(200 + i), {
        firstName: 'Free',
        lastName: `N${String(i).padStart(2, '0')}`,
        // No digit run an extension search could meet.
        email: `free.${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}@acme.fr`,
      });
    }

    const pageCount = Math.ceil(57 / LIST_PAGE_SIZE);
    const first = await getLicenceHoldersPage(company.id);
    expect(first).toMatchObject({ total: 57, page: 1, pageCount });
    expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(first.rows.slice(0, 3).map((r) => [r.lastName, r.licence])).toEqual([
      ['Admin', 'office'],
      ['Roux', 'office'],
      ['N00', 'free'],
    ]);
    expect((await getLicenceHoldersPage(company.id, { page: pageCount })).rows.map((r) => r.lastName).at(-1)).toBe('N54');
    expect(await getLicenceHoldersPage(company.id, { page: 5 })).toEqual({ rows: [], total: 57, page: 5, pageCount });

    const names = async (search: Parameters<typeof getLicenceHoldersPage>[1]) =>
      (await getLicenceHoldersPage(company.id, search)).rows.map((r) => `${r.firstName} ${r.lastName}`);
    expect(await names({ q: 'roux inès' })).toEqual(['Inès Roux']);
    expect(await names({ q: 'INES.ROUX@' })).toEqual(['Inès Roux']);
    expect(await names({ q: '10' })).toEqual(['Ada Admin', 'Inès Roux', 'Free N10']);
    expect(await names({ q: '102' })).toEqual(['Inès Roux']);
    expect(await names({ licence: 'office' })).toEqual(['Ada Admin', 'Inès Roux']);
    expect(await names({ q: 'n5', licence: 'free' })).toEqual(['Free N50', 'Free N51', 'Free N52', 'Free N53', 'Free N54']);
    expect(await names({ q: 'n5', licence: 'office' })).toEqual([]);
    expect(await names({ q: '_' })).toEqual([]);
  });
});

describe('getNumbersCardData search', () => {
  it('finds a number by its national or international digits, its extension or its person; filters mapped ones', async () => {
    const { company, admin } = await signUpCompany({ firstName: 'Ada', lastName: 'Admin', officeSeats: 3 });
    const { user } = await addMemberWithExtension(company.id, '102', { firstName: 'Inès', lastName: 'Roux', licence: 'office' });
    const ines = await giveDirectNumber(company.id, user.id, { e164: '+33142685300' });
    const spare = await addOwnedNumber(company.id, { e164: '+33155501234' });
    const all = await getNumbersCardData(company.id);
    const found = async (search: Parameters<typeof getNumbersCardData>[1]) =>
      (await getNumbersCardData(company.id, search)).rows.map((r) => r.e164).sort();

    expect(await found({ q: '01 42 68 53 00' })).toEqual([ines.e164]);
    expect(await found({ q: '+33 1 42 68' })).toEqual([ines.e164]);
    expect(await found({ q: 'roux' })).toEqual([ines.e164]);
    expect(await found({ q: '102' })).toEqual([ines.e164]);
    expect(await found({ mapping: 'unmapped' })).toEqual([spare.e164]);
    expect(await found({ mapping: 'mapped' })).not.toContain(spare.e164);
    expect(await found({ q: 'nobody' })).toEqual([]);

    // The heading's count and what the numbers cost stay the company's whatever the search.
    const searched = await getNumbersCardData(company.id, { q: 'roux' });
    expect(searched).toMatchObject({ total: 1, owned: all.owned, numbersMinor: all.numbersMinor });
    expect(all.owned).toBeGreaterThanOrEqual(2);
    expect(await getNumbersCardData(company.id, { q: 'roux', page: 3 })).toMatchObject({ rows: [], total: 1, page: 3 });
    void admin;
  });
});
