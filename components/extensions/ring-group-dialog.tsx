'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
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
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={t('common.close')} className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t(groupId ? 'extensions.editRingGroup' : 'extensions.addRingGroup')}</DialogTitle>
          <DialogDescription>{t('extensions.ringGroupDescription')}</DialogDescription>
        </DialogHeader>
        {open && (
          <RingGroupForm groupId={groupId} values={values} people={people} targets={targets} onDone={() => setOpen(false)} />
        )}
      </DialogContent>
    </Dialog>
  );
}
