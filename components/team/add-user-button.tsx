'use client';

import { Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { APP_ONLY } from '@/lib/team/choices';
import type { DeviceOption, SiteOption } from './types';
import { UserDialog } from './user-dialog';

export function AddUserButton({ nextExtension, devices, sites }: { nextExtension: string; devices: DeviceOption[]; sites: SiteOption[] }) {
  const t = useTranslations('team');
  return (
    <UserDialog
      trigger={
        <Button>
          <Plus aria-hidden /> {t('addUser')}
        </Button>
      }
      // A new hire works at the first site unless the admin picks another.
      values={{ firstName: '', lastName: '', email: '', licence: 'office', extension: nextExtension, phone: APP_ONLY, siteId: sites[0]?.id ?? '', floorRoom: '' }}
      devices={devices}
      sites={sites}
    />
  );
}
