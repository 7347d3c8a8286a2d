'use client';

import { useTranslations } from 'next-intl';
import { FormDialog } from '@/components/forms/form-dialog';
import { lazyModule } from '@/components/forms/lazy-module';
import type { RingGroupFormInput } from '@/lib/extensions/schema';
import type { RingGroupLabels } from './types';

const ringGroupForm = lazyModule(() => import('./ring-group-form'));
const NO_LABELS: RingGroupLabels = { people: {}, noAnswerExtension: '' };

/** Add ring group (top of the card) or edit one (its row): the same form. */
export function RingGroupDialog({
  trigger,
  groupId,
  values,
  labels,
}: {
  trigger: React.ReactNode;
  groupId?: string;
  values: RingGroupFormInput;
  /** The words of the group's current members and target (none when adding). */
  labels?: RingGroupLabels;
}) {
  const t = useTranslations('extensions');
  return (
    <FormDialog
      trigger={trigger}
      title={t(groupId ? 'editRingGroup' : 'addRingGroup')}
      description={t('ringGroupDescription')}
      className="sm:max-w-2xl"
      form={ringGroupForm}
    >
      {(close) => {
        const { RingGroupForm } = ringGroupForm.ready();
        return <RingGroupForm groupId={groupId} values={values} labels={labels ?? NO_LABELS} onDone={close} />;
      }}
    </FormDialog>
  );
}
