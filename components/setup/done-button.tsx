'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';
import type { FormAction } from '@/lib/actions/state';

/** "Done": marks the card verified, or says what still blocks it. */
export function DoneButton({ action }: { action: FormAction }) {
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
