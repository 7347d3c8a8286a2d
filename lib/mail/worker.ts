import { deliverOutbox } from './deliver';

const globalKey = Symbol.for('switchboard.outboxWorker');
type Holder = { [globalKey]?: { timer: NodeJS.Timeout; running: Promise<unknown> | null } };
const holder = globalThis as Holder;

export const OUTBOX_INTERVAL_MS = 30_000;

/**
 * One delivery run at a time per process; overlapping triggers (the interval, a Finish) wait
 * for nothing and simply skip. Several processes may run side by side: the claim decides.
 */
export function kickOutbox(): Promise<unknown> {
  const state = holder[globalKey];
  if (state?.running) return state.running;
  const run = deliverOutbox()
    .catch((error) => console.error('outbox delivery failed', error))
    .finally(() => {
      if (holder[globalKey]) holder[globalKey].running = null;
    });
  if (state) state.running = run;
  return run;
}

/** Started once per server process by instrumentation.ts when SMTP_URL is set. */
export function startOutboxWorker(intervalMs = OUTBOX_INTERVAL_MS) {
  if (holder[globalKey]) return;
  const timer = setInterval(() => void kickOutbox(), intervalMs);
  timer.unref();
  holder[globalKey] = { timer, running: null };
  void kickOutbox();
}
