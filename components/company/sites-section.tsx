'use client';

import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { ConfirmAction } from '@/components/forms/confirm-action';
import { ActionsCell } from '@/components/tables/actions-cell';
import { ColumnHeaders } from '@/components/tables/column-headers';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableRow } from '@/components/ui/table';
import { COUNTRY_RULES, type CountryCode } from '@/lib/countries/rules';
import { removeSiteAction } from '@/lib/sites/bindings';
import { SiteDialog } from './site-dialog';

export type SiteRow = {
  id: string;
  name: string;
  isFirst: boolean;
  street: string | null;
  city: string | null;
  postalCode: string | null;
  region: string | null;
  timeZone: string;
  address: string;
  userCount: number;
};

/**
 * The Company card's Sites section: the first site (the address and time zone of the form
 * above) and the others, each added, edited or removed here. Removing a site with users says
 * how many move to the first site before it is confirmed.
 */
export function SitesSection({ sites, country }: { sites: SiteRow[]; country: CountryCode }) {
  const t = useTranslations();
  const firstSite = sites.find((s) => s.isFirst);
  const blank = { country, name: '', street: '', city: '', postalCode: '', region: '', timeZone: COUNTRY_RULES[country].defaultTimeZone };
  return (
    <section id="sites" aria-labelledby="sites-title" className="grid gap-3 rounded-lg border p-4" data-testid="sites-section">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="sites-title" className="text-lg font-semibold">
            {t('company.sites.title')}
          </h2>
          <p className="text-sm text-muted-foreground">{t('company.sites.intro')}</p>
        </div>
        <SiteDialog
          title={t('company.sites.add')}
          values={blank}
          trigger={
            <Button variant="outline">
              <Plus aria-hidden /> {t('company.sites.add')}
            </Button>
          }
        />
      </div>
      <Table>
        <ColumnHeaders
          labels={[t('company.sites.name'), t('company.sites.address'), t('company.timeZone'), t('company.sites.users')]}
          actions={t('company.sites.actions')}
        />
        <TableBody>
          {sites.map((s) => (
            <TableRow key={s.id} data-site={s.name}>
              <TableCell className="font-medium">
                {s.name} {s.isFirst && <Badge variant="secondary">{t('company.sites.first')}</Badge>}
              </TableCell>
              <TableCell className="whitespace-normal">{s.address || t('common.none')}</TableCell>
              <TableCell>{s.timeZone.replace(/_/g, ' ')}</TableCell>
              <TableCell>{s.userCount}</TableCell>
              <ActionsCell>
                <SiteDialog
                  title={t('company.sites.editNamed', { name: s.name })}
                  values={{
                    id: s.id,
                    country,
                    name: s.name,
                    street: s.street ?? '',
                    city: s.city ?? '',
                    postalCode: s.postalCode ?? '',
                    region: s.region ?? '',
                    timeZone: s.timeZone,
                  }}
                  trigger={
                    <Button variant="ghost" size="icon" aria-label={t('company.sites.editNamed', { name: s.name })}>
                      <Pencil aria-hidden />
                    </Button>
                  }
                />
                {!s.isFirst && (
                  <ConfirmAction
                    trigger={
                      <Button variant="ghost" size="icon" aria-label={t('company.sites.removeNamed', { name: s.name })}>
                        <Trash2 aria-hidden />
                      </Button>
                    }
                    title={t('company.sites.removeNamed', { name: s.name })}
                    description={
                      s.userCount > 0
                        ? t('company.sites.removeMoves', { count: s.userCount, name: s.name, first: firstSite?.name ?? '' })
                        : t('company.sites.removeConfirm', { name: s.name })
                    }
                    confirmLabel={t('company.sites.remove')}
                    action={removeSiteAction}
                    fields={{ id: s.id, movedUsers: String(s.userCount) }}
                    successMessage={t('company.sites.removed', { name: s.name })}
                  />
                )}
              </ActionsCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {sites.length <= 1 && <p className="text-sm text-muted-foreground">{t('company.sites.none')}</p>}
    </section>
  );
}
