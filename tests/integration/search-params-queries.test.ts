import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { getExtensionsCardData } from '@/lib/extensions/queries';
import { extensionFilterSchema } from '@/lib/extensions/schema';
import { pageSearchSchema } from '@/lib/format/pages';
import { getOutboxPage } from '@/lib/mail/outbox';
import { carrier } from '@/lib/numbers/actions';
import { resolveArea } from '@/lib/numbers/areas';
import { getNumbersCardData } from '@/lib/numbers/queries';
import { ownedNumbersSearchSchema } from '@/lib/numbers/owned-search';
import { getLicenceHoldersPage, licencesSearchSchema } from '@/lib/team/licence-holders';
import { parseNumberSearch } from '@/lib/numbers/search-params';
import { getTeamCardData } from '@/lib/team/queries';
import { teamSearchSchema } from '@/lib/team/schema';
import { badSearchParams } from '../helpers/bad-input';
import { useTestDatabase } from '../helpers/db';
import { signUpCompany } from '../helpers/factories';

useTestDatabase();

// What each page does with its parsed params, on a real database: a bad URL still loads.
describe('bad search params reach the database as values it accepts', () => {
  it('Team: search and page', async () => {
    const { company } = await signUpCompany();
    for (const params of badSearchParams(['q', 'page'])) {
      const data = await getTeamCardData(company.id, teamSearchSchema.parse(params));
      expect(data.page).toBeGreaterThanOrEqual(1);
    }
    // The fallback is the first page, with the admin on it.
    expect((await getTeamCardData(company.id, teamSearchSchema.parse({ page: '1e20', q: ['Ada', 'x'] }))).rows).toHaveLength(1);
  });

  it('Outbox, Phone numbers, Extensions and Licences', async () => {
    const { company } = await signUpCompany();
    for (const params of badSearchParams(['page', 'type', 'q', 'mapping', 'licence'])) {
      const { page } = pageSearchSchema.parse(params);
      await getOutboxPage(company.id, page);
      await getNumbersCardData(company.id, ownedNumbersSearchSchema.parse(params));
      await getExtensionsCardData(company.id, extensionFilterSchema.parse(params));
      await getLicenceHoldersPage(company.id, licencesSearchSchema.parse(params));
    }
  });

  it('Buy numbers: every valid query is searched, the others are not', async () => {
    const { company } = await signUpCompany();
    for (const params of badSearchParams(['country', 'type', 'area', 'digits', 'page'])) {
      const { values, valid } = parseNumberSearch(params, 'FR');
      const areaCodes = values.area ? resolveArea(values.country, values.type, values.area) : undefined;
      if (!valid || (values.area && !areaCodes)) continue;
      const results = await carrier.search({ exec: db() }, company.id, { ...values, areaCodes, digits: values.digits || undefined });
      expect(results.page).toBeGreaterThanOrEqual(1);
    }
  });
});
