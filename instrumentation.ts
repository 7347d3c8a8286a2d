/**
 * Next calls register() once when a server process starts. With SMTP_URL set, the outbox
 * sender runs there on an interval (Finish setup also triggers a run right away). Not in the
 * Edge runtime, and not while `next build` collects pages.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (!process.env.SMTP_URL) return;
  const { startOutboxWorker } = await import('./lib/mail/worker');
  startOutboxWorker();
}
