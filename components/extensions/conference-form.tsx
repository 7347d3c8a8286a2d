'use client';

import { useTranslations } from 'next-intl';
import { createConferenceAction, updateConferenceAction } from '@/app/(setup)/setup/extensions/actions';
import { FormError } from '@/components/auth/form-error';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { conferenceSchema, EXTENSION_NAME_MAX, PARTICIPANTS, type ConferenceFormInput } from '@/lib/extensions/schema';
import { useActionForm } from '@/lib/forms/use-action-form';
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
  const { form, state, pending, onSubmit, errorOf } = useActionForm({
    schema: conferenceSchema,
    action: conferenceId ? updateConferenceAction : createConferenceAction,
    defaultValues: values,
    onSuccess: (done) => {
      toast.success(t(conferenceId ? 'extensions.conferenceSaved' : 'extensions.conferenceAdded'));
      const pins = done.data as Partial<Pins> | undefined;
      if (!conferenceId && pins?.hostPin && pins.participantPin) {
        onCreated({ hostPin: pins.hostPin, participantPin: pins.participantPin });
      } else onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={state.formError} />
      {conferenceId && <input type="hidden" name="id" value={conferenceId} />}
      <FormField id="conf-name" label={t('extensions.name')} error={errorOf('name')} required>
        <Input maxLength={EXTENSION_NAME_MAX} autoComplete="off" {...form.register('name')} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id="conf-extension"
          label={t('extensions.extension')}
          description={t('extensions.conferenceExtensionHint')}
          error={errorOf('extension')}
          required
        >
          <Input inputMode="numeric" autoComplete="off" {...form.register('extension')} />
        </FormField>
        <FormField
          id="conf-max"
          label={t('extensions.maxParticipants')}
          description={t('extensions.maxParticipantsHint', { min: PARTICIPANTS.min, max: PARTICIPANTS.max })}
          error={errorOf('maxParticipants')}
          required
        >
          <Input type="number" inputMode="numeric" min={PARTICIPANTS.min} max={PARTICIPANTS.max} {...form.register('maxParticipants')} />
        </FormField>
      </div>
      {!conferenceId && <p className="text-sm text-muted-foreground">{t('extensions.pinsWillBeShown')}</p>}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
