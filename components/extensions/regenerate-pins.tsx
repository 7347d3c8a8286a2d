'use client';

import { KeyRound } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { SpriteIcon } from '@/components/icons/sprite';
import { useActionState, useState } from 'react';
import { regeneratePinsAction } from '@/lib/extensions/bindings';
import { ConfirmDialog, ConfirmFooter, ConfirmHeader } from '@/components/forms/confirm-action';
import { RowActionButton } from '@/components/tables/row-action-button';
import { PinsPanel, type Pins } from './pins-panel';
import { named } from '@/lib/format/elision';

/** Regenerate PINs: confirmed (the old ones stop working), then the new ones shown once. */
export function RegeneratePins({ id, name }: { id: string; name: string }) {
  const t = useTranslations('extensions');
  const [open, setOpen] = useState(false);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <RowActionButton aria-label={t('regeneratePinsNamed', named(name))}>
          <SpriteIcon name="key" icon={KeyRound} />
        </RowActionButton>
      }
    >
      {open && <RegenerateBody id={id} name={name} onClose={() => setOpen(false)} />}
    </ConfirmDialog>
  );
}

/** Mounted while the dialog is open, so closing it forgets the PINs. */
function RegenerateBody({ id, name, onClose }: { id: string; name: string; onClose: () => void }) {
  const t = useTranslations();
  const [state, dispatch, pending] = useActionState(regeneratePinsAction, {});
  const pins: Pins | undefined = state.ok ? state.data : undefined;
  return (
    <>
      <ConfirmHeader
        title={t('extensions.regeneratePinsNamed', named(name))}
        description={pins ? t('extensions.pinsRegenerated') : t('extensions.regeneratePinsConfirm')}
      />
      {pins ? (
        <PinsPanel pins={pins} onClose={onClose} />
      ) : (
        <form action={dispatch} className="grid gap-4">
          <ConfirmFooter
            state={state}
            fields={{ id }}
            confirmLabel={t('extensions.regeneratePins')}
            pending={pending}
            destructive={false}
          />
        </form>
      )}
    </>
  );
}
