'use server';

import { after } from 'next/server';
import type { ActionState } from '@/lib/actions/run-action';
import { serveCard } from '@/lib/actions/serve';
import { requestBaseUrl } from '@/lib/mail/request-base-url';
import { kickOutbox } from '@/lib/mail/worker';
import { finishSetupAction, type FinishResult } from '@/lib/setup/finish';

export async function finishSetupServerAction(_prev: ActionState<FinishResult>, formData: FormData) {
  const result = await serveCard(finishSetupAction({ baseUrl: await requestBaseUrl() }), formData);
  // The welcome e-mails go out right away when a mail server is configured, after the response.
  if (result.ok && result.data?.emailsQueued && process.env.SMTP_URL) after(() => kickOutbox());
  return result;
}
