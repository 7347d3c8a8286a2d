'use client';

import { useTranslations } from 'next-intl';
import { FormDialog } from '@/components/forms/form-dialog';
import { lazyModule } from '@/components/forms/lazy-module';
import type { SiteInput } from '@/lib/sites/schema';

const siteForm = lazyModule(() => import('./site-form'));

/** Add a site (the section's button) or edit one (a row's pencil). */
export function SiteDialog({ trigger, title, values }: { trigger: React.ReactNode; title: string; values: SiteInput }) {
  const t = useTranslations();
  return (
    <FormDialog trigger={trigger} title={title} description={t('company.sites.dialogDescription')} className="sm:max-w-xl" form={siteForm}>
      {(close) => {
        const { SiteForm } = siteForm.ready();
        return <SiteForm values={values} onDone={close} />;
      }}
    </FormDialog>
  );
}
