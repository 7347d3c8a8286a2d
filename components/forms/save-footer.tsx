'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** The footer of a form that saves: one Save button that says Saving… and stays disabled while the action runs. */
export function SaveFooter({ pending, className }: { pending: boolean; className?: string }) {
  const t = useTranslations('common');
  return (
    <div className={className}>
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('save')}
      </Button>
    </div>
  );
}
