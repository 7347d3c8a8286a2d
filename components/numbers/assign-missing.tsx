'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { assignMissingNumbersAction } from '@/lib/numbers/bindings';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/shell/toast';
import type { ActionState } from '@/lib/actions/state';

/** Office users and bridges created before numbers existed get their direct numbers. */
export function AssignMissingButton() {
  const t = useTranslations('numbers');
  const [state, dispatch, pending] = useActionState(async (prev: ActionState<{ assigned: number }>, formData: FormData) => {
    const result = await assignMissingNumbersAction(prev, formData);
    if (result.ok) toast.success(t('assigned', { count: result.data.assigned }));
    return result;
  }, {});
  return (
    <form action={dispatch} className="grid justify-items-start gap-2">
      <FormError message={state.formError} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        {t('assignMissing')}
      </Button>
    </form>
  );
}
