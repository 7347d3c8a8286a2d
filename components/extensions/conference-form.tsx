'use client';

import { useTranslations } from 'next-intl';
import { createConferenceAction, updateConferenceAction } from '@/lib/extensions/bindings';
import { FormError } from '@/components/forms/form-error';
import { SaveFooter } from '@/components/forms/save-footer';
import { bindFields, ExtensionField, TextField } from '@/components/forms/text-field';
import { toast } from '@/components/shell/toast';
import { conferenceSchema, PARTICIPANTS, type ConferenceFormInput } from '@/lib/extensions/schema';
import { useActionForm } from '@/lib/forms/use-action-form';
import { ExtensionNameField } from './name-field';
import type { Pins } from './pins-panel';

/** Set up a conference bridge ("Serveur de conférences") or edit one. */
export function ConferenceForm({
  conferenceId,
  values,
  onCreated,
  onDone,
}: {
  conferenceId?: string;
  values: ConferenceFormInput;
  onCreated: (pins: Pins) => void;
  onDone: () => void;
}) {
  const t = useTranslations();
  // Creating answers with the new PINs, shown once; saving an existing bridge does not.
  const { form, state, pending, onSubmit, errorOf } = useActionForm<typeof conferenceSchema, { id: string } & Partial<Pins>>({
    schema: conferenceSchema,
    action: conferenceId ? updateConferenceAction : createConferenceAction,
    defaultValues: values,
    onSuccess: (done) => {
      toast.success(t(conferenceId ? 'extensions.conferenceSaved' : 'extensions.conferenceAdded'));
      const pins = done.ok ? done.data : undefined;
      if (!conferenceId && pins?.hostPin && pins.participantPin) {
        onCreated({ hostPin: pins.hostPin, participantPin: pins.participantPin });
      } else onDone();
    },
  });
  const field = bindFields(form, errorOf);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={state.formError} />
      {conferenceId && <input type="hidden" name="id" value={conferenceId} />}
      <ExtensionNameField id="conf-name" {...field('name')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <ExtensionField
          id="conf-extension"
          label={t('extensions.extension')}
          description={t('extensions.conferenceExtensionHint')}
          {...field('extension')}
        />
        <TextField
          id="conf-max"
          label={t('extensions.maxParticipants')}
          description={t('extensions.maxParticipantsHint', { min: PARTICIPANTS.min, max: PARTICIPANTS.max })}
          required
          type="number"
          inputMode="numeric"
          min={PARTICIPANTS.min}
          max={PARTICIPANTS.max}
          {...field('maxParticipants')}
        />
      </div>
      {!conferenceId && <p className="text-sm text-muted-foreground">{t('extensions.pinsWillBeShown')}</p>}
      <SaveFooter pending={pending} className="flex justify-end" />
    </form>
  );
}
