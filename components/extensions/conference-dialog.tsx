'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormDialog } from '@/components/forms/form-dialog';
import { lazyModule } from '@/components/forms/lazy-module';
import type { ConferenceFormInput } from '@/lib/extensions/schema';
import { PinsPanel, type Pins } from './pins-panel';

const conferenceForm = lazyModule(() => import('./conference-form'));

/** Set up a conference bridge, then show its PINs once; or edit one (name, extension, size). */
export function ConferenceDialog({
  trigger,
  conferenceId,
  values,
}: {
  trigger: React.ReactNode;
  conferenceId?: string;
  values: ConferenceFormInput;
}) {
  const t = useTranslations('extensions');
  const [pins, setPins] = useState<Pins | null>(null);
  // Closing forgets the PINs: they are never shown again.
  const forgetPins = (open: boolean) => {
    if (!open) setPins(null);
  };
  return (
    <FormDialog
      trigger={trigger}
      title={pins ? t('conferenceCreated') : t(conferenceId ? 'editConference' : 'addConference')}
      description={t('conferenceDescription')}
      onOpenChange={forgetPins}
      form={conferenceForm}
    >
      {(close) => {
        if (pins) return <PinsPanel pins={pins} onClose={close} />;
        const { ConferenceForm } = conferenceForm.ready();
        return <ConferenceForm conferenceId={conferenceId} values={values} onCreated={setPins} onDone={close} />;
      }}
    </FormDialog>
  );
}
