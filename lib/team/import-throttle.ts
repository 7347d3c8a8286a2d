import { db } from '@/db';
import { auditLog } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import type { GateContext } from '@/lib/actions/define';
import { log } from '@/lib/log';
import { admitAttempt, minutesUntil, type ThrottleKey, type ThrottlePolicy } from '@/lib/throttle/attempts';

/*
 * How often a company may have a file of users checked against every account (the import's
 * preview, and the import itself, which checks it again): each check tells, for up to 5,000
 * addresses, which ones cannot be used. Counted per company, not per admin, since an admin can
 * make more admins; the mechanism is lib/throttle/attempts.ts.
 */

/** 30 checks an hour, then 1 min, 2 min... up to an hour between checks. */
export const IMPORT_CHECKS: ThrottlePolicy = { free: 30, baseSeconds: 60, maxSeconds: 60 * 60, windowSeconds: 60 * 60 };

export const importChecksKey = (companyId: string): ThrottleKey => ({ key: `import-check:company:${companyId}`, policy: IMPORT_CHECKS });

/**
 * The import actions' gate: counts the check, or refuses it before the file is read, with a
 * log line and an entry in the company's audit log (outside the refused transaction, so it stays).
 */
export async function importChecksGate(_input: unknown, { now, actor }: GateContext) {
  // The runner has refused anyone signed out before a gate runs; an admin action always has one.
  if (!actor) return;
  const admission = await admitAttempt([importChecksKey(actor.companyId)], now);
  if (admission.ok) return;
  const retryAt = admission.retryAt.toISOString();
  log.warn({ event: 'import-check.throttled', companyId: actor.companyId, userId: actor.id, retryAt }, 'import check refused: throttled');
  await db().insert(auditLog).values({
    companyId: actor.companyId,
    actorId: actor.id,
    actorName: actor.name,
    card: null,
    action: 'team.importThrottled',
    target: null,
    after: { retryAt },
    at: now,
  });
  throw new ActionError('errors.importThrottled', { params: { minutes: minutesUntil(admission.retryAt, now) } });
}
