import Link from 'next/link';
import { Plus } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { completeExtensionsAction } from '@/lib/extensions/bindings';
import { BreakingRulesNotice } from '@/components/extensions/breaking-rules-notice';
import { ReachedBySection } from '@/components/calls/reached-by';
import { ConferenceDialog } from '@/components/extensions/conference-dialog';
import { ExtensionsTable } from '@/components/extensions/extensions-table';
import { RingGroupDialog } from '@/components/extensions/ring-group-dialog';
import { CardPage } from '@/components/setup/card-page';
import { ListSearch, NoMatch, keptParams, withParams } from '@/components/tables/list-search';
import { Pagination } from '@/components/tables/pagination';
import { DoneButton } from '@/components/setup/done-button';
import { AddUserButton } from '@/components/team/add-user-button';
import { Button } from '@/components/ui/button';
import { requireAdmin } from '@/lib/auth/session';
import { loadRoutingGraph } from '@/lib/calls/routing-graph';
import { sitesOf } from '@/lib/sites/queries';
import type { SearchParams } from '@/lib/format/pages';
import { extensionsBreakingRules } from '@/lib/extensions/breaking-rules';
import { getExtensionsCardData } from '@/lib/extensions/queries';
import { EXTENSION_FILTERS, extensionFilterSchema, PARTICIPANTS, RING_SECONDS } from '@/lib/extensions/schema';
import { getSetupProgress } from '@/lib/setup/cards';
import { getAvailableDevices } from '@/lib/team/queries';
import { cn } from '@/lib/utils';
import { db } from '@/db';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { registrationLabels } from '@/lib/telephony/registrations';

export default async function ExtensionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireAdmin('/setup/extensions');
  const { type, q, page } = extensionFilterSchema.parse(await searchParams);
  const [t, progress, data, devices, breaking, sites] = await Promise.all([
    getTranslations(),
    getSetupProgress(actor.companyId),
    getExtensionsCardData(actor.companyId, { type, q, page }),
    getAvailableDevices(actor.companyId),
    extensionsBreakingRules(actor.companyId),
    sitesOf(db(), actor.companyId),
  ]);
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : 'fr';
  const userIds = data.rows.flatMap((r) => (r.userId ? [r.userId] : []));
  // Reached by: every number can reach the page's rows, but only what routes is loaded.
  const [registrations, graph] = await Promise.all([
    registrationLabels(db(), actor.companyId, userIds, translator(locale), locale),
    loadRoutingGraph(db(), actor.companyId, { extensionIds: data.rows.map((r) => r.id), skipPlainLines: true }),
  ]);
  const total = data.counts.user + data.counts.ring_group + data.counts.conference;
  const filters = [
    { value: undefined, label: t('extensions.filterAll'), count: total },
    ...EXTENSION_FILTERS.map((f) => ({ value: f, label: t(`extensions.filters.${f}`), count: data.counts[f] })),
  ];

  return (
    <CardPage
      card="extensions"
      progress={progress}
      actions={
        <div className="flex flex-wrap gap-2">
          <AddUserButton nextExtension={data.next.user ?? ''} devices={devices} sites={sites.map(({ id, name, isFirst }) => ({ id, name, isFirst }))} />
          <RingGroupDialog
            values={{
              name: '',
              extension: data.next.ring_group ?? '',
              strategy: 'simultaneous',
              members: [],
              noAnswer: { kind: 'voicemail', userId: '' },
            }}
            trigger={
              <Button>
                <Plus aria-hidden /> {t('extensions.addRingGroup')}
              </Button>
            }
          />
          <ConferenceDialog
            values={{ name: '', extension: data.next.conference ?? '', maxParticipants: PARTICIPANTS.default }}
            trigger={
              <Button>
                <Plus aria-hidden /> {t('extensions.addConference')}
              </Button>
            }
          />
        </div>
      }
    >
      <BreakingRulesNotice extensions={breaking} />
      <nav aria-label={t('extensions.filterLabel')}>
        <ul className="flex flex-wrap gap-2">
          {filters.map((f) => (
            <li key={f.value ?? 'all'}>
              <Link
                href={withParams('/setup/extensions', { type: f.value, q })}
                aria-current={f.value === type ? 'page' : undefined}
                className={cn(
                  'inline-flex items-center gap-1 rounded-full border px-3 py-1 text-sm',
                  f.value === type ? 'border-primary bg-primary text-primary-foreground' : 'hover:bg-muted',
                )}
              >
                {f.label} <span>({f.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="text-sm text-muted-foreground">{t('extensions.intro', { seconds: RING_SECONDS.default })}</p>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <ListSearch path="/setup/extensions" q={q} label={t('extensions.search')} hidden={keptParams({ type })} />
        <p className="text-sm" aria-live="polite">
          {t('extensions.matching', { count: data.total })}
        </p>
      </div>
      {data.rows.length === 0 && (q || page > 1) ? (
        <NoMatch q={q} />
      ) : (
        <ExtensionsTable rows={data.rows} registrations={registrations} />
      )}
      <Pagination path="/setup/extensions" page={data.page} pageCount={data.pageCount} params={keptParams({ type, q })} />
      <ReachedBySection graph={graph} extensionIds={data.rows.map((r) => r.id)} />
      <DoneButton card="extensions" action={completeExtensionsAction} />
    </CardPage>
  );
}
