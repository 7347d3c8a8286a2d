'use client';

import { useTranslations } from 'next-intl';
import { FormDialog } from '@/components/forms/form-dialog';
import { lazyModule } from '@/components/forms/lazy-module';
import type { UserFormInput } from '@/lib/team/schema';
import type { DeviceOption, SiteOption } from './types';

const userForm = lazyModule(() => import('./user-form'));

/** Add user (top right of the card) or edit one (the row's pencil): the same form. */
export function UserDialog({
  trigger,
  userId,
  values,
  devices,
  sites,
}: {
  trigger: React.ReactNode;
  userId?: string;
  values: UserFormInput;
  devices: DeviceOption[];
  sites: SiteOption[];
}) {
  const t = useTranslations('team');
  return (
    <FormDialog trigger={trigger} title={t(userId ? 'editUser' : 'addUser')} description={t('dialogDescription')} className="sm:max-w-xl" form={userForm}>
      {(close) => {
        const { UserForm } = userForm.ready();
        return <UserForm userId={userId} values={values} devices={devices} sites={sites} onDone={close} />;
      }}
    </FormDialog>
  );
}
