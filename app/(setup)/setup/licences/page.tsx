import { getLocale, getTranslations } from 'next-intl/server';
import { completeLicencesAction } from '@/lib/licences/bindings';
import { AddDeviceForm } from '@/components/licences/add-device-form';
import { BuySeatsForm } from '@/components/licences/buy-seats-form';
import { HoldersSection } from '@/components/licences/holders-section';
import { keptParams } from '@/components/tables/list-search';
import { Pagination } from '@/components/tables/pagination';
import { Cell, Row } from '@/components/tables/cells';
import { CardPage } from '@/components/setup/card-page';
import { DoneButton } from '@/components/setup/done-button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { requireAdmin } from '@/lib/auth/session';
import { isOverAllocated } from '@/lib/licences/seats';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { seatsMonthlyMinor } from '@/lib/prices/billing';
import { formatMoney } from '@/lib/prices/money';
import { getSetupProgress } from '@/lib/setup/cards';
import { getLicencesPageData, licencesSearchSchema } from '@/lib/team/licence-holders';
import { laterPage, type SearchParams } from '@/lib/format/pages';
import { NewSipPassword } from '@/components/telephony/new-sip-password';
import { isLocale } from '@/lib/i18n/locales';
import { newSipPasswordAction } from '@/lib/telephony/bindings';
import { named } from '@/lib/format/elision';

export default async function LicencesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin('/setup/licences');
  const search = licencesSearchSchema.parse(await searchParams);
  const [t, locale, progress, data] = await Promise.all([
    getTranslations(),
    getLocale(),
    getSetupProgress(actor.companyId),
    getLicencesPageData(actor.companyId, search),
  ]);
  const { holders, prices, registrations } = data;
  const money = (minor: number) => formatMoney(minor, prices.currency, locale);
  return (
    <CardPage card="licences" progress={progress}>
      {!isOverAllocated(data.seats) && (
        <Alert data-banner="licences-ok">
          <AlertDescription className="grid gap-3">
            <p>{t('flow.licencesNothingToDo', { used: data.seats.used, bought: data.seats.bought })}</p>
            <DoneButton card="licences" action={completeLicencesAction} label={t('flow.confirmLicences')} />
          </AlertDescription>
        </Alert>
      )}
      <section aria-labelledby="seats-title" className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 id="seats-title">{t('licences.seatsTitle')}</h2>
            </CardTitle>
            <CardDescription>{t('licences.seatsDescription')}</CardDescription>
          </CardHeader>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">{t('team.licence')}</TableHead>
                  <TableHead scope="col">{t('licences.bought')}</TableHead>
                  <TableHead scope="col">{t('licences.used')}</TableHead>
                  <TableHead scope="col">{t('licences.available')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                <TableRow data-licence="office">
                  <TableHead scope="row">{t('team.licences.office')}</TableHead>
                  <TableCell>{data.seats.bought}</TableCell>
                  <TableCell>{data.seats.used}</TableCell>
                  <TableCell>{Math.max(0, data.seats.bought - data.seats.used)}</TableCell>
                </TableRow>
                <TableRow data-licence="free">
                  <TableHead scope="row">{t('team.licences.free')}</TableHead>
                  <TableCell>{t('licences.unlimited')}</TableCell>
                  <TableCell>{data.seats.free}</TableCell>
                  <TableCell>{t('licences.unlimited')}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
            <p className="mt-3 text-sm" data-testid="seat-cost">
              {t('billing.seatCost', {
                count: data.seats.bought,
                price: money(seatsMonthlyMinor(data.seats.bought, prices.monthlyMinor)),
              })}
            </p>
            {data.pendingSeats > 0 && (
              <p className="mt-3 text-sm">{t('licences.pending', { count: data.pendingSeats })}</p>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t('licences.buySeats')}</h2>
            </CardTitle>
            <CardDescription>{t('licences.buyDescription')}</CardDescription>
          </CardHeader>
          <CardContent>
            <BuySeatsForm priceLabel={money(prices.monthlyMinor.office_licence)} />
          </CardContent>
        </Card>
      </section>

      <HoldersSection
        holders={holders}
        search={search}
        registrations={registrations}
        locale={isLocale(locale) ? locale : 'fr'}
        timeZone={data.timeZone}
      />

      <section aria-labelledby="devices-title" className="grid gap-3">
        <h2 id="devices-title" className="text-lg font-semibold">
          {t('licences.devices')}
        </h2>
        <p className="text-sm text-muted-foreground">{t('licences.devicesDescription')}</p>
        {data.devices.rows.length > 0 && (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t('licences.model')}</TableHead>
                <TableHead scope="col">{t('licences.mac')}</TableHead>
                <TableHead scope="col">{t('licences.assignedTo')}</TableHead>
                <TableHead scope="col">{t('telephony.sipPassword')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.devices.rows.map((d) => (
                <Row key={d.id}>
                  <Cell>{d.model}</Cell>
                  <Cell className="font-mono">{d.mac}</Cell>
                  <Cell>{d.holder ?? t('licences.unassigned')}</Cell>
                  <Cell>
                    {d.holderId && d.holder ? (
                      <NewSipPassword action={newSipPasswordAction} userId={d.holderId} label={t('telephony.newPasswordFor', named(d.holder))} />
                    ) : (
                      t('common.none')
                    )}
                  </Cell>
                </Row>
              ))}
            </TableBody>
          </Table>
        )}
        <Pagination
          path="/setup/licences"
          page={data.devices.page}
          pageCount={data.devices.pageCount}
          param="devicesPage"
          label={t('licences.devicesPages')}
          params={keptParams({ q: search.q, licence: search.licence, page: laterPage(search.page) })}
        />
        <AddDeviceForm />
      </section>
      <DoneButton card="licences" action={completeLicencesAction} />
    </CardPage>
  );
}
