import Link from 'next/link';
import { Upload } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { completeTeamAction } from '@/lib/team/bindings';
import { CardPage } from '@/components/setup/card-page';
import { DoneButton } from '@/components/setup/done-button';
import { Pagination } from '@/components/setup/pagination';
import { AddUserButton } from '@/components/team/add-user-button';
import { TeamTable } from '@/components/team/team-table';
import { Button } from '@/components/ui/button';
import { requireAdmin } from '@/lib/auth/session';
import type { SearchParams } from '@/lib/format/pages';
import { ListSearch } from '@/components/tables/list-search';
import { getSetupProgress } from '@/lib/setup/cards';
import { teamSearchSchema } from '@/lib/team/schema';
import { getTeamCardData } from '@/lib/team/queries';
import { db } from '@/db';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { registrationLabels } from '@/lib/telephony/registrations';

export default async function TeamPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin('/setup/team');
  const params = teamSearchSchema.parse(await searchParams);
  const [t, progress, data] = await Promise.all([
    getTranslations(),
    getSetupProgress(actor.companyId),
    getTeamCardData(actor.companyId, params),
  ]);
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'fr';
  const registrations = await registrationLabels(db(), actor.companyId, data.rows.map((r) => r.id), translator(locale), locale);
  return (
    <CardPage
      card="team"
      progress={progress}
      actions={
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline">
            <Link href="/setup/team/import">
              <Upload aria-hidden /> {t('team.importUsers')}
            </Link>
          </Button>
          <AddUserButton nextExtension={data.nextExtension ?? ''} devices={data.availableDevices} sites={data.sites} />
        </div>
      }
    >
      <div className="flex flex-wrap items-end justify-between gap-4">
        <ListSearch path="/setup/team" q={params.q ?? ''} label={t('team.search')} />
        <p className="text-sm" aria-live="polite">
          {t('team.count', { count: data.total })} · {t('team.seats', { used: data.seats.used, bought: data.seats.bought })}
        </p>
      </div>
      <TeamTable rows={data.rows} devices={data.availableDevices} sites={data.sites} actorId={actor.id} registrations={registrations} />
      <Pagination path="/setup/team" page={data.page} pageCount={data.pageCount} params={params.q ? { q: params.q } : {}} />
      <DoneButton card="team" action={completeTeamAction} />
    </CardPage>
  );
}
