import { getTranslations } from 'next-intl/server';
import { ListSearch, NoMatch, keptParams } from '@/components/tables/list-search';
import { Pagination } from '@/components/tables/pagination';
import { RegistrationState } from '@/components/telephony/registration-state';
import { Table, TableBody, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Row, Cell } from '@/components/tables/cells';
import { laterPage } from '@/lib/format/pages';
import { fullName } from '@/lib/format/person';
import type { Locale } from '@/lib/i18n/locales';
import type { LicenceHolder, LicencesSearch } from '@/lib/team/licence-holders';
import { LICENCES } from '@/lib/team/choices';
import type { Registration } from '@/lib/telephony/registrations';
import { LicenceSwitch } from './licence-switch';

/**
 * Who holds which licence, one page (LIST_PAGE_SIZE) at a time: searched and filtered on the server, the
 * search kept in the URL and in the pager's links. The seat counts above it cover the whole company.
 */
export async function HoldersSection({
  holders,
  search,
  registrations,
  locale,
  timeZone,
}: {
  holders: { rows: LicenceHolder[]; total: number; page: number; pageCount: number };
  search: Pick<LicencesSearch, 'q' | 'licence' | 'devicesPage'>;
  registrations: Map<string, Registration>;
  locale: Locale;
  timeZone: string;
}) {
  const t = await getTranslations();
  const q = search.q ?? '';
  return (
    <section aria-labelledby="holders-title" className="grid gap-3">
      <h2 id="holders-title" className="text-lg font-semibold">
        {t('licences.holders')}
      </h2>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <ListSearch
          path="/setup/licences"
          q={q}
          label={t('licences.search')}
          filters={[
            {
              name: 'licence',
              label: t('licences.licenceFilter'),
              value: search.licence ?? '',
              options: LICENCES.map((l) => ({ value: l, label: t(`team.licences.${l}`) })),
            },
          ]}
        />
        <p className="text-sm" aria-live="polite" data-testid="holders-count">
          {t('team.count', { count: holders.total })}
        </p>
      </div>
      {holders.rows.length === 0 ? (
        <NoMatch q={q} />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t('team.name')}</TableHead>
              <TableHead scope="col">{t('team.extension')}</TableHead>
              <TableHead scope="col">{t('team.licence')}</TableHead>
              <TableHead scope="col">{t('team.phone')}</TableHead>
              <TableHead scope="col">{t('telephony.registration')}</TableHead>
              <TableHead scope="col">
                <span className="sr-only">{t('team.actions')}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {holders.rows.map((h) => {
              const name = fullName(h);
              return (
                <Row key={h.id} data-user={h.email}>
                  <Cell className="font-medium">{name}</Cell>
                  <Cell>{h.extension ?? t('common.none')}</Cell>
                  <Cell>{t(`team.licences.${h.licence}`)}</Cell>
                  <Cell>{h.licence === 'free' ? t('common.none') : (h.deviceModel ?? t('team.appOnly'))}</Cell>
                  <Cell data-registration>
                    <RegistrationState registration={registrations.get(h.id)} locale={locale} timeZone={timeZone} />
                  </Cell>
                  <Cell className="text-right">
                    <LicenceSwitch user={{ id: h.id, name, licence: h.licence, deviceModel: h.deviceModel }} />
                  </Cell>
                </Row>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Pagination
        path="/setup/licences"
        page={holders.page}
        pageCount={holders.pageCount}
        params={keptParams({ q, licence: search.licence, devicesPage: laterPage(search.devicesPage) })}
      />
    </section>
  );
}
