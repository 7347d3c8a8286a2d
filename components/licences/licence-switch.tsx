'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { freeLicenceImpactAction, setLicenceAction } from '@/lib/team/bindings';
import { ConfirmConsequences } from '@/components/forms/confirm-consequences';
import { SmallButton } from '@/components/shell/small-button';
import { named } from '@/lib/format/elision';

/**
 * To Office: one click (refused when no seat is left). To Free: confirmed, warning when a desk
 * phone goes, with a decision for each number that rings them.
 */
export function LicenceSwitch({
  user,
}: {
  user: { id: string; name: string; licence: 'free' | 'office'; deviceModel: string | null };
}) {
  const t = useTranslations('licences');
  const [state, dispatch, pending] = useActionState(setLicenceAction, {});
  if (user.licence === 'office') {
    return (
      <ConfirmConsequences
        destructive={Boolean(user.deviceModel)}
        trigger={
          <SmallButton variant="outline" aria-label={t('switchToFreeNamed', { name: user.name })}>
            {t('switchToFree')}
          </SmallButton>
        }
        title={t('switchToFreeNamed', { name: user.name })}
        description={user.deviceModel ? t('switchToFreeWarning', { model: user.deviceModel }) : t('switchToFreeConfirm')}
        confirmLabel={t('switchToFree')}
        action={setLicenceAction}
        fields={{ id: user.id, licence: 'free' }}
        successMessage={t('switched', named(user.name))}
        loadImpact={() => freeLicenceImpactAction({ id: user.id })}
        subject={user.name}
      />
    );
  }
  const error = state.formError ?? state.fieldErrors?.licence;
  return (
    <form action={dispatch} className="grid justify-items-end gap-1">
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="licence" value="office" />
      <SmallButton type="submit" variant="outline" disabled={pending} aria-label={t('switchToOfficeNamed', { name: user.name })}>
        {t('switchToOffice')}
      </SmallButton>
      {error && (
        <p role="alert" className="max-w-xs text-right text-sm text-destructive">
          {error}
        </p>
      )}
    </form>
  );
}
