import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInPageSchema } from '@/lib/auth/schema';
import type { SearchParams } from '@/lib/format/pages';

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const t = await getTranslations('auth');
  const { callbackUrl } = signInPageSchema.parse(await searchParams);
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">{t('signInTitle')}</h1>
      <SignInForm callbackUrl={callbackUrl || '/'} />
      <p className="text-sm">
        {t('noAccount')}{' '}
        <Link className="underline" href="/sign-up">
          {t('createAccount')}
        </Link>
      </p>
    </div>
  );
}
