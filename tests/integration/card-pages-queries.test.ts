import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { loadRoutingGraph } from '@/lib/calls/routing-graph';
import { extensionsBreakingRules } from '@/lib/extensions/breaking-rules';
import { getExtensionsCardData, type ExtensionsSearch } from '@/lib/extensions/queries';
import { translator } from '@/lib/i18n/messages';
import type { OwnedNumbersSearch } from '@/lib/numbers/owned-search';
import { getNumbersCardData } from '@/lib/numbers/queries';
import { getSetupProgress } from '@/lib/setup/cards';
import { sitesOf } from '@/lib/sites/queries';
import { getLicencesPageData, type LicencesSearch } from '@/lib/team/licence-holders';
import { getAvailableDevices } from '@/lib/team/queries';
import { registrationLabels } from '@/lib/telephony/registrations';
import { bulkCompany } from '../helpers/bulk-company';
import { useCountingDatabase } from '../helpers/db';
import { LIST_PAGE_SIZE } from '@/lib/format/pages';

// Issue 15: the Licences, Extensions and Phone numbers pages cost the same number of statements
// for 10 users as for 300, on page 1, on a later page and with a search or filter. Each function
// below reads what the card's page.tsx reads, in the same order (translations aside).

const { count: counted } = useCountingDatabase({ numbers: true });
const statements = async <T,>(fn: () => Promise<T>) => {
  const { result, statements } = await counted(fn);
  return { result, count: statements.length };
};

const licencesPage = async (companyId: string, search: LicencesSearch) => {
  const [, data] = await Promise.all([getSetupProgress(companyId), getLicencesPageData(companyId, search)]);
  return data;
};

const extensionsPage = async (companyId: string, search: ExtensionsSearch) => {
  const [, data] = await Promise.all([
    getSetupProgress(companyId),
    getExtensionsCardData(companyId, search),
    getAvailableDevices(companyId),
    extensionsBreakingRules(companyId),
    sitesOf(db(), companyId),
  ]);
  const userIds = data.rows.flatMap((r) => (r.userId ? [r.userId] : []));
  await Promise.all([
    registrationLabels(db(), companyId, userIds, translator('en'), 'en'),
    loadRoutingGraph(db(), companyId, { extensionIds: data.rows.map((r) => r.id), skipPlainLines: true }),
  ]);
  return data;
};

const numbersPage = async (companyId: string, search: OwnedNumbersSearch) => {
  const [, data] = await Promise.all([getSetupProgress(companyId), getNumbersCardData(companyId, search)]);
  await loadRoutingGraph(db(), companyId, { numberIds: data.rows.map((r) => r.id) });
  return data;
};

/** The statements each run costs, in order. */
async function costs<S>(page: (companyId: string, search: S) => Promise<unknown>, runs: [{ company: { id: string } }, S][]) {
  const out: number[] = [];
  for (const [c, search] of runs) out.push((await statements(() => page(c.company.id, search))).count);
  return out;
}

describe('Licences, Extensions and Phone numbers: statements per page, whatever the team size', () => {
  it('costs the same for 10 users as for 300, on any page and search', async () => {
    const small = await bulkCompany(10);
    const large = await bulkCompany(300);

    // Page 1 for both; for the large one also a search, a filter and a later page.
    const licenceCosts = await costs(licencesPage, [
      [small, {}],
      [small, { q: 'last1' }],
      [large, {}],
      [large, { q: 'last1' }],
      [large, { licence: 'office' }],
      [large, { q: 'first', page: 2 }],
    ]);
    expect(new Set(licenceCosts).size, String(licenceCosts)).toBe(1);
    // Progress, seats, desk phones, pending orders, holders, prices, registrations.
    expect(licenceCosts[0]).toBeLessThanOrEqual(8);
    const licences = await licencesPage(large.company.id, {});
    expect(licences.holders).toMatchObject({ total: 300, page: 1, pageCount: Math.ceil(300 / LIST_PAGE_SIZE) });
    expect(licences.holders.rows).toHaveLength(LIST_PAGE_SIZE);
    const office = await licencesPage(large.company.id, { licence: 'office', page: 2 });
    expect(office.holders.rows.every((h) => h.licence === 'office')).toBe(true);
    expect(office.holders).toMatchObject({ total: 102, page: 2, pageCount: Math.ceil(102 / LIST_PAGE_SIZE) });
    // Seats over the whole company, not the page: the admin and every third user, more than a page.
    expect(licences.seats.used).toBe(office.holders.total);
    expect(office.seats).toEqual(licences.seats);
    expect(licences.seats.free).toBe(300 - office.holders.total);

    const extensionCosts = await costs(extensionsPage, [
      [small, {}],
      [small, { q: '1' }],
      [large, {}],
      [large, { q: '1' }],
      [large, { type: 'user' }],
      [large, { q: '1', page: 2 }],
    ]);
    expect(new Set(extensionCosts).size, String(extensionCosts)).toBe(1);
    const extensions = await extensionsPage(large.company.id, {});
    expect(extensions).toMatchObject({ total: 304, pageCount: Math.ceil(304 / LIST_PAGE_SIZE), counts: { user: 300, ring_group: 3, conference: 1 } });
    expect(extensions.rows).toHaveLength(LIST_PAGE_SIZE);
    const groups = await extensionsPage(large.company.id, { q: 'group' });
    expect(groups.rows.map((r) => [r.name, r.ringGroup?.members.length])).toEqual([
      ['Group 0', 5],
      ['Group 1', 5],
      ['Group 2', 5],
    ]);
    // The filter counts stay the company's whatever the search.
    expect(groups.counts).toEqual(extensions.counts);

    const numberCosts = await costs(numbersPage, [
      [small, {}],
      [small, { q: 'last' }],
      [large, {}],
      [large, { q: '01 44' }],
      [large, { mapping: 'mapped' }],
      [large, { q: 'last', mapping: 'mapped', page: 2 }],
    ]);
    expect(new Set(numberCosts).size, String(numberCosts)).toBe(1);
    const numbers = await numbersPage(large.company.id, {});
    expect(numbers.owned).toBeGreaterThanOrEqual(100);
    expect(numbers.rows).toHaveLength(LIST_PAGE_SIZE);
    const mapped = await numbersPage(large.company.id, { mapping: 'mapped', page: 2 });
    expect(mapped.rows.every((r) => r.extension !== null)).toBe(true);
    // What the numbers cost is the company's, the same on every page and search.
    expect(mapped.numbersMinor).toBe(numbers.numbersMinor);
  }, 120_000);
});
