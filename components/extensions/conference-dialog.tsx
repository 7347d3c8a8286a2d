'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import type { ConferenceFormInput } from '@/lib/extensions/schema';
import { ConferenceForm } from './conference-form';
import { PinsPanel, type Pins } from './pins-panel';

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
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const [pins, setPins] = useState<Pins | null>(null);
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    // Closing forgets the PINs: they are never shown again.
    if (!next) setPins(null);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={t('common.close')}>
        <DialogHeader>
          <DialogTitle>
            {pins
              ? t('extensions.conferenceCreated')
              : t(conferenceId ? 'extensions.editConference' : 'extensions.addConference')}
          </DialogTitle>
          <DialogDescription>{t('extensions.conferenceDescription')}</DialogDescription>
        </DialogHeader>
        {open &&
          (pins ? (
            <PinsPanel pins={pins} onClose={() => onOpenChange(false)} />
          ) : (
            <ConferenceForm
              conferenceId={conferenceId}
              values={values}
              onCreated={setPins}
              onDone={() => onOpenChange(false)}
            />
          ))}
      </DialogContent>
    </Dialog>
  );
}
