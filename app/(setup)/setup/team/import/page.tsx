import Link from 'next/link';
import { ChevronLeft } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { ImportPanel } from '@/components/team/import-panel';
import { TeamFileLinks } from '@/components/team/team-file-links';
import { requireAdmin } from '@/lib/auth/session';

export default async function ImportPage() {
  await requireAdmin('/setup/team/import');
  const t = await getTranslations();
  return (
    <div className="grid gap-6">
      <Link href="/setup/team" className="inline-flex items-center gap-1 text-sm underline">
        <ChevronLeft aria-hidden className="size-4" /> {t('setup.cards.team.title')}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{t('import.title')}</h1>
        <p className="mt-1 text-muted-foreground">{t('import.intro')}</p>
      </div>
      <ImportPanel />
      <TeamFileLinks />
    </div>
  );
}
