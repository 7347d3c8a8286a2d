/**
 * Next calls register() once when a server process starts. With SMTP_URL set, the outbox
 * sender runs there on an interval (Finish setup also triggers a run right away). Not in the
 * Edge runtime, and not while `next build` collects pages. Importing lib/env checks the whole
 * environment as the server starts (next.config.ts has already done so for `next` itself).
 */
export async function register() {
  // Not through lib/env: Next inlines NEXT_RUNTIME in each bundle, so the Edge one drops the
  // Node-only imports below.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env, isBuildPhase } = await import('./lib/env');
  if (isBuildPhase()) return;
  if (!env.SMTP_URL) return;
  const { startOutboxWorker } = await import('./lib/mail/worker');
  startOutboxWorker();
}
