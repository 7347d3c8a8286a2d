'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { addUserAction, updateUserAction } from '@/lib/team/bindings';
import { FormError } from '@/components/forms/form-error';
import { Options } from '@/components/forms/options';
import { bindFields, ExtensionField, TextField } from '@/components/forms/text-field';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { toast } from '@/components/shell/toast';
import { useActionForm } from '@/lib/forms/use-action-form';
import { APP_ONLY, LICENCES, userFormSchema, type UserFormInput } from '@/lib/team/schema';
import { FreeSwitchNotice } from './free-switch-notice';
import { FLOOR_ROOM_MAX } from '@/lib/sites/schema';
import type { DeviceOption, SiteOption } from './types';

type Props = {
  /** Editing an existing user when set; adding otherwise. */
  userId?: string;
  values: UserFormInput;
  devices: DeviceOption[];
  /** The company's sites, first one first: a select only when there are several. */
  sites: SiteOption[];
  onDone: () => void;
};

/** The Add / Edit user form of the Team card (RingCentral's "Ajouter un utilisateur"). */
export function UserForm({ userId, values, devices, sites, onDone }: Props) {
  const t = useTranslations();
  const another = useRef(false);
  const [addedCount, setAddedCount] = useState(0);
  const firstName = useRef<HTMLInputElement | null>(null);
  // Add answers with the next free extension ("Save and add another" pre-fills it); Edit does not.
  const { form, state, pending, onSubmit, errorOf } = useActionForm<typeof userFormSchema, { id: string; nextExtension?: string | null }>({
    schema: userFormSchema,
    action: userId ? updateUserAction : addUserAction,
    defaultValues: values,
    onSuccess: (done) => {
      toast.success(t(userId ? 'team.userSaved' : 'team.userAdded'));
      if (!another.current) return onDone();
      const next = (done.ok ? done.data.nextExtension : null) ?? '';
      // The next hire usually gets the same licence and phone kind; a desk phone is one person's.
      const { licence: keptLicence, phone: keptPhone, siteId: keptSite } = form.getValues();
      const phone = keptPhone === APP_ONLY || keptPhone === '' ? keptPhone : APP_ONLY;
      // Colleagues are often hired at the same site; the floor/room is each person's.
      form.reset({ firstName: '', lastName: '', email: '', licence: keptLicence, extension: next, phone, siteId: keptSite, floorRoom: '' });
      setAddedCount((n) => n + 1);
      firstName.current?.focus();
    },
  });
  const licence = form.watch('licence');
  const firstNameField = form.register('firstName');
  const licenceField = form.register('licence');
  const field = bindFields(form, errorOf);

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={state.formError} />
      {addedCount > 0 && (
        <p role="status" className="text-sm text-muted-foreground">
          {t('team.addedSoFar', { count: addedCount })}
        </p>
      )}
      {userId && <input type="hidden" name="id" value={userId} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('auth.firstName')}
          error={errorOf('firstName')}
          required
          autoComplete="off"
          {...firstNameField}
          ref={(el) => {
            firstNameField.ref(el);
            firstName.current = el;
          }}
        />
        <TextField label={t('auth.lastName')} required autoComplete="off" {...field('lastName')} />
      </div>
      <TextField label={t('auth.email')} required type="email" autoComplete="off" {...field('email')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="licence" label={t('team.licence')} error={errorOf('licence')} required>
          <Select
            {...licenceField}
            onChange={(event) => {
              void licenceField.onChange(event);
              // A desk phone needs an Office licence; Office users default to the app.
              form.setValue('phone', event.target.value === 'office' ? APP_ONLY : '');
            }}
          >
            <Options values={LICENCES} label={(l) => t(`team.licences.${l}`)} />
          </Select>
        </FormField>
        <ExtensionField label={t('team.extension')} description={t('team.extensionHint')} {...field('extension')} />
      </div>
      {userId && values.licence === 'office' && licence === 'free' && <FreeSwitchNotice userId={userId} />}
      <FormField
        id="phone"
        label={t('team.phone')}
        description={licence === 'free' ? t('team.phoneFreeHint') : undefined}
        error={errorOf('phone')}
      >
        <Select {...form.register('phone')} disabled={licence === 'free'}>
          {licence === 'free' && <option value="">{t('team.noPhone')}</option>}
          <option value={APP_ONLY}>{t('team.appOnly')}</option>
          {devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.model} ({d.mac})
            </option>
          ))}
        </Select>
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        {sites.length > 1 && (
          <FormField id="siteId" label={t('team.site')} error={errorOf('siteId')}>
            <Select {...form.register('siteId')}>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </FormField>
        )}
        <TextField
          label={t('team.floorRoom')}
          description={t('team.floorRoomHint')}
          maxLength={FLOOR_ROOM_MAX}
          autoComplete="off"
          {...field('floorRoom')}
        />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        {!userId && (
          <Button type="submit" variant="outline" disabled={pending} onClick={() => (another.current = true)}>
            {t('team.saveAndAddAnother')}
          </Button>
        )}
        <Button type="submit" disabled={pending} onClick={() => (another.current = false)}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
