import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/session';

export default async function MePage() {
  const actor = await requireActor('/me');
  const t = await getTranslations('me');
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p>{t('hello', { name: actor.name })}</p>
    </div>
  );
}
