'use client';

import { useTranslations } from 'next-intl';
import { FormDialog } from '@/components/forms/form-dialog';
import type { RingGroupFormInput } from '@/lib/extensions/schema';
import { RingGroupForm } from './ring-group-form';
import type { PersonOption, TargetOption } from './types';

/** Add ring group (top of the card) or edit one (its row): the same form. */
export function RingGroupDialog({
  trigger,
  groupId,
  values,
  people,
  targets,
}: {
  trigger: React.ReactNode;
  groupId?: string;
  values: RingGroupFormInput;
  people: PersonOption[];
  targets: TargetOption[];
}) {
  const t = useTranslations('extensions');
  return (
    <FormDialog
      trigger={trigger}
      title={t(groupId ? 'editRingGroup' : 'addRingGroup')}
      description={t('ringGroupDescription')}
      className="sm:max-w-2xl"
    >
      {(close) => <RingGroupForm groupId={groupId} values={values} people={people} targets={targets} onDone={close} />}
    </FormDialog>
  );
}
