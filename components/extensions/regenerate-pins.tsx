'use client';

import { KeyRound } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { regeneratePinsAction } from '@/app/(setup)/setup/extensions/actions';
import { FormError } from '@/components/auth/form-error';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/actions/run-action';
import { PinsPanel, type Pins } from './pins-panel';

/** Regenerate PINs: confirmed (the old ones stop working), then the new ones shown once. */
export function RegeneratePins({ id, name }: { id: string; name: string }) {
  const t = useTranslations('extensions');
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={t('regeneratePinsNamed', { name })}>
          <KeyRound aria-hidden />
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>{open && <RegenerateBody id={id} name={name} onClose={() => setOpen(false)} />}</AlertDialogContent>
    </AlertDialog>
  );
}

/** Mounted while the dialog is open, so closing it forgets the PINs. */
function RegenerateBody({ id, name, onClose }: { id: string; name: string; onClose: () => void }) {
  const t = useTranslations();
  const [state, dispatch, pending] = useActionState(regeneratePinsAction, {} as ActionState<Pins>);
  const pins = state.ok ? (state.data as Pins) : undefined;
  return (
    <>
      <AlertDialogHeader>
        <AlertDialogTitle>{t('extensions.regeneratePinsNamed', { name })}</AlertDialogTitle>
        <AlertDialogDescription>
          {pins ? t('extensions.pinsRegenerated') : t('extensions.regeneratePinsConfirm')}
        </AlertDialogDescription>
      </AlertDialogHeader>
      {pins ? (
        <PinsPanel pins={pins} onClose={onClose} />
      ) : (
        <form action={dispatch} className="grid gap-4">
          <FormError message={state.formError ?? Object.values(state.fieldErrors ?? {})[0]} />
          <input type="hidden" name="id" value={id} />
          <AlertDialogFooter>
            <AlertDialogCancel type="button">{t('common.cancel')}</AlertDialogCancel>
            <Button type="submit" disabled={pending}>
              {t('extensions.regeneratePins')}
            </Button>
          </AlertDialogFooter>
        </form>
      )}
    </>
  );
}
