'use client';

import { Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { APP_ONLY } from '@/lib/team/schema';
import type { DeviceOption } from './types';
import { UserDialog } from './user-dialog';

export function AddUserButton({ nextExtension, devices }: { nextExtension: string; devices: DeviceOption[] }) {
  const t = useTranslations('team');
  return (
    <UserDialog
      trigger={
        <Button>
          <Plus aria-hidden /> {t('addUser')}
        </Button>
      }
      values={{ firstName: '', lastName: '', email: '', licence: 'office', extension: nextExtension, phone: APP_ONLY }}
      devices={devices}
    />
  );
}
