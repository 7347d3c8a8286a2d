'use client';

import { ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';
import type { ActionState, FormAction } from '@/lib/actions/state';
import type { SetupCard } from '@/lib/setup/cards';
import { nextCardPath } from '@/lib/setup/paths';

/**
 * "Done": one action marks the card verified, then the next card opens (no separate Next);
 * a refusal stays here and says what still blocks it.
 */
export function DoneButton({ action, card, label }: { action: FormAction; card: SetupCard; label?: string }) {
  const t = useTranslations('common');
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(async (prev: ActionState, formData: FormData) => {
    const result = await action(prev, formData);
    if (result.ok) router.push(nextCardPath(card));
    return result;
  }, {});
  return (
    <form action={dispatch} className="grid gap-2">
      <FormError message={state.formError} />
      <div>
        <Button type="submit" disabled={pending}>
          {label ?? t('done')} <ChevronRight aria-hidden />
        </Button>
      </div>
    </form>
  );
}
