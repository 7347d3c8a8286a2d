'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import type { UserFormInput } from '@/lib/team/schema';
import type { DeviceOption } from './types';
import { UserForm } from './user-form';

/** Add user (top right of the card) or edit one (the row's pencil): the same form. */
export function UserDialog({
  trigger,
  userId,
  values,
  devices,
}: {
  trigger: React.ReactNode;
  userId?: string;
  values: UserFormInput;
  devices: DeviceOption[];
}) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={t('common.close')} className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{t(userId ? 'team.editUser' : 'team.addUser')}</DialogTitle>
          <DialogDescription>{t('team.dialogDescription')}</DialogDescription>
        </DialogHeader>
        {open && <UserForm userId={userId} values={values} devices={devices} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}
