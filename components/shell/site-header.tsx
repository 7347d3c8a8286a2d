import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { signOutAction } from '@/lib/auth/bindings';
import { setLocaleAction } from '@/lib/me/bindings';
import { SmallButton } from './small-button';
import { currentActor } from '@/lib/auth/session';
import { LOCALES } from '@/lib/i18n/locales';

export async function SiteHeader() {
  const [t, locale, actor] = await Promise.all([getTranslations('app'), getLocale(), currentActor()]);
  return (
    <header className="border-b bg-card">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold">
          {t('name')}
        </Link>
        <div className="flex items-center gap-3">
          <form action={setLocaleAction} className="flex items-center gap-1" aria-label={t('language')}>
            {LOCALES.map((l) => (
              <SmallButton
                key={l}
                type="submit"
                name="locale"
                value={l}
                variant={l === locale ? 'secondary' : 'ghost'}
                aria-pressed={l === locale}
                lang={l}
              >
                {t(`languageNames.${l}`)}
              </SmallButton>
            ))}
          </form>
          {actor && (
            <form action={signOutAction}>
              <span className="mr-3 text-sm text-muted-foreground">{actor.name}</span>
              <SmallButton type="submit" variant="outline">
                {t('signOut')}
              </SmallButton>
            </form>
          )}
        </div>
      </div>
    </header>
  );
}
