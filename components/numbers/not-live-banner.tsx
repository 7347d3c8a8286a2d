import Link from 'next/link';
import { TriangleAlert } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';

/** Numbers are not live for calling until the company's emergency address is on file. */
export async function NotLiveBanner() {
  const t = await getTranslations('numbers');
  return (
    <Alert variant="destructive" data-banner="not-live">
      <TriangleAlert aria-hidden />
      <AlertTitle>{t('notLiveTitle')}</AlertTitle>
      <AlertDescription>
        <p>{t('notLive')}</p>
        <Link href="/setup/company" className="font-medium text-foreground underline underline-offset-4">
          {t('addAddress')}
        </Link>
      </AlertDescription>
    </Alert>
  );
}
