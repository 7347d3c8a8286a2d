import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CompletionBanner } from '@/components/setup/completion-banner';
import { StatusBadge } from '@/components/setup/status-badge';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requireAdmin } from '@/lib/auth/session';
import { getExtensionWarnings } from '@/lib/extensions/queries';
import { CARD_PATHS, getSetupProgress, SETUP_CARDS } from '@/lib/setup/cards';

export default async function SetupPage() {
  const actor = await requireAdmin('/setup');
  const [t, progress, warnings] = await Promise.all([
    getTranslations(),
    getSetupProgress(actor.companyId),
    getExtensionWarnings(actor.companyId),
  ]);
  const done = SETUP_CARDS.filter((c) => progress[c] === 'verified').length;
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('setup.title')}</h1>
        <p className="mt-2 text-muted-foreground">{t('setup.intro')}</p>
      </div>
      <CompletionBanner companyId={actor.companyId} reviewStatus={progress.review} />
      <div className="grid gap-2">
        <p id="setup-progress">{t('setup.progress', { done, total: SETUP_CARDS.length })}</p>
        <progress aria-labelledby="setup-progress" max={SETUP_CARDS.length} value={done} className="h-2 w-full" />
      </div>
      {warnings.length > 0 && (
        <section aria-labelledby="setup-warnings" className="rounded-lg border border-destructive p-4">
          <h2 id="setup-warnings" className="font-semibold">
            {t('extensions.warnings.title')}
          </h2>
          <ul className="mt-2 grid gap-1">
            {warnings.map((w) => (
              <li key={`${w.kind}-${w.id}`} data-warning={w.kind}>
                <Link href={CARD_PATHS.extensions} className="underline underline-offset-4">
                  {t(`extensions.warnings.${w.kind}`, { name: w.name, number: w.number })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ol className="grid gap-4 sm:grid-cols-2">
        {SETUP_CARDS.map((card) => {
          const verified = progress[card] === 'verified';
          const title = t(`setup.cards.${card}.title`);
          return (
            <li key={card}>
              <Card data-card={card} className="h-full">
                <CardHeader>
                  <CardTitle>
                    <h2>{title}</h2>
                  </CardTitle>
                  <CardDescription>{t(`setup.cards.${card}.description`)}</CardDescription>
                  <CardAction className="flex flex-col items-end gap-2">
                    <StatusBadge status={progress[card]} />
                    <Button asChild size="sm" variant={verified ? 'outline' : 'default'}>
                      <Link href={CARD_PATHS[card]} aria-label={`${t(verified ? 'common.edit' : 'common.verify')}: ${title}`}>
                        {t(verified ? 'common.edit' : 'common.verify')}
                      </Link>
                    </Button>
                  </CardAction>
                </CardHeader>
              </Card>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
