'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/auth/form-error';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/actions/run-action';

/** "Done": marks the card verified, or says what still blocks it. */
export function DoneButton({ action }: { action: (s: ActionState, f: FormData) => Promise<ActionState> }) {
  const t = useTranslations('common');
  const [state, dispatch, pending] = useActionState(action, {});
  return (
    <form action={dispatch} className="grid gap-2">
      <FormError message={state.formError} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('done')}
        </Button>
      </div>
    </form>
  );
}
