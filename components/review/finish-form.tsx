'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { finishSetupAction } from '@/lib/review/bindings';
import { FormError } from '@/components/forms/form-error';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/actions/state';
import type { FinishResult } from '@/lib/review/finish';

/**
 * Finish setup. While blockers remain the button is disabled and described by the reason and
 * the list of blockers (`describedBy`); the server refuses anyway if one appeared meanwhile.
 */
export function FinishForm({ blocked, describedBy }: { blocked: boolean; describedBy?: string }) {
  const t = useTranslations('review');
  const [state, dispatch, pending] = useActionState<ActionState<FinishResult>, FormData>(finishSetupAction, {});
  return (
    <form action={dispatch} className="grid gap-3">
      <FormError message={state.formError} />
      {state.ok && state.data && (
        <Alert role="status">
          <AlertDescription>
            <p className="font-medium text-foreground">{t('finished', { emails: state.data.emailsQueued })}</p>
            <Link href="/setup/outbox" className="underline underline-offset-4">
              {t('outboxLink')}
            </Link>
          </AlertDescription>
        </Alert>
      )}
      <p className="text-sm text-muted-foreground">{t('finishHint')}</p>
      {blocked && (
        <p id="finish-blocked" className="text-sm font-medium">
          {t('finishBlocked')}
        </p>
      )}
      <div>
        <Button
          type="submit"
          disabled={blocked || pending}
          aria-describedby={blocked ? ['finish-blocked', describedBy].filter(Boolean).join(' ') : undefined}
        >
          {pending ? t('finishing') : t('finish')}
        </Button>
      </div>
    </form>
  );
}
