'use server';

import { after } from 'next/server';
import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/lib/actions/run-action';
import { serve } from '@/lib/actions/serve';
import { resendActivationAction } from '@/lib/mail/outbox';
import { requestBaseUrl } from '@/lib/mail/request-base-url';
import { kickOutbox } from '@/lib/mail/worker';

export async function resendActivationServerAction(_prev: ActionState, formData: FormData) {
  const result = await serve(resendActivationAction({ baseUrl: await requestBaseUrl() }), formData);
  if (result.ok) {
    revalidatePath('/setup/outbox');
    if (process.env.SMTP_URL) after(() => kickOutbox());
  }
  return result;
}
