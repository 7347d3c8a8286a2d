import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignUpForm } from '@/components/auth/sign-up-form';

export default async function SignUpPage() {
  const t = await getTranslations('auth');
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('signUpTitle')}</h1>
        <p className="mt-2 text-muted-foreground">{t('signUpIntro')}</p>
      </div>
      <SignUpForm />
      <p className="text-sm">
        {t('haveAccount')}{' '}
        <Link className="underline" href="/sign-in">
          {t('signIn')}
        </Link>
      </p>
    </div>
  );
}
