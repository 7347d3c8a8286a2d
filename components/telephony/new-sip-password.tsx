'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { ConfirmDialog, ConfirmFooter, ConfirmHeader } from '@/components/forms/confirm-action';
import { Button } from '@/components/ui/button';
import type { ActionState, FormAction } from '@/lib/actions/state';
import type { PhoneSetup } from '@/lib/telephony/actions';

type Props = {
  action: FormAction<PhoneSetup>;
  /** The user's id for an admin's reset; none for one's own. */
  userId?: string;
  /** Whose phone, for the button's accessible name. */
  label: string;
};

/** "New SIP password": confirmed (phones using the old one stop registering), then shown once. */
export function NewSipPassword({ action, userId, label }: Props) {
  const t = useTranslations('telephony');
  const [open, setOpen] = useState(false);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button type="button" variant="outline" aria-label={label}>
          {t('newPassword')}
        </Button>
      }
    >
      {open && <Body action={action} userId={userId} onClose={() => setOpen(false)} />}
    </ConfirmDialog>
  );
}

/** Mounted while the dialog is open, so closing it forgets the password. */
function Body({ action, userId, onClose }: { action: Props['action']; userId?: string; onClose: () => void }) {
  const t = useTranslations('telephony');
  const [state, dispatch, pending] = useActionState(action, {} as ActionState<PhoneSetup>);
  const setup = state.ok ? state.data : undefined;
  return (
    <>
      <ConfirmHeader title={t('newPasswordTitle')} description={setup ? t('passwordShownOnce') : t('newPasswordConfirm')} />
      {setup ? (
        <CredentialsPanel setup={setup} onClose={onClose} />
      ) : (
        <form action={dispatch} className="grid gap-4">
          <ConfirmFooter
            state={state}
            fields={userId ? { id: userId } : {}}
            confirmLabel={t('newPassword')}
            pending={pending}
            destructive={false}
          />
        </form>
      )}
    </>
  );
}

/** What a phone needs, this once: focus moves here so a screen reader reads it. */
function CredentialsPanel({ setup, onClose }: { setup: PhoneSetup; onClose: () => void }) {
  const t = useTranslations('telephony');
  const panel = useRef<HTMLDivElement | null>(null);
  useEffect(() => panel.current?.focus(), []);
  const rows = [
    ['server', setup.server],
    ['domain', setup.domain],
    ['username', setup.username],
    ['password', setup.password],
  ] as const;
  return (
    <div ref={panel} tabIndex={-1} className="grid gap-4" data-sip-credentials>
      <dl className="grid grid-cols-[max-content_1fr] items-center gap-x-6 gap-y-2">
        {rows.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="font-medium">{t(key)}</dt>
            <dd>
              <code data-sip={key} className="font-mono break-all">
                {value}
              </code>
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex justify-end">
        <Button type="button" onClick={onClose}>
          {t('passwordNoted')}
        </Button>
      </div>
    </div>
  );
}
