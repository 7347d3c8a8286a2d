import { and, eq } from 'drizzle-orm';
import '@/lib/zod-jitless';
import { z } from 'zod';
import type { Tx } from '@/db';
import { users } from '@/db/schema';
import { defineAction, type Actor } from '@/lib/actions/define';
import { ActionError } from '@/lib/actions/errors';
import { writeAudit } from '@/lib/audit/log';
import { env } from '@/lib/env';
import { fullName } from '@/lib/format/person';
import { uuidField } from '@/lib/forms/fields';
import { resetSipPassword, type SipCredentials } from './credentials';

// New SIP passwords: the member's own ("Set up your phone" on /me) and the admin's for a team
// member's phone. Shown once, never stored (HA1 hashes only), and each one is a line of the
// Team card's history, so a phone that stops registering has a reason someone can read. It
// does not reopen the Team card: nothing about the team's setup changed.

export type PhoneSetup = SipCredentials & { server: string };

/** Where phones register: SIP_SERVER, or the company's SIP domain (found through DNS). */
export const sipServerFor = (domain: string) => env.SIP_SERVER ?? domain;

async function newPassword(tx: Tx, actor: Actor, userId: string): Promise<PhoneSetup> {
  const [user] = await tx
    .select({ firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.companyId, actor.companyId)));
  const credentials = user && (await resetSipPassword(tx, actor.companyId, userId));
  if (!user || !credentials) throw new ActionError('errors.notFound');
  await writeAudit(tx, { companyId: actor.companyId, actor, card: 'team' }, [
    { action: 'sip.passwordReset', target: fullName(user), after: { sipUsername: credentials.username } },
  ]);
  return { ...credentials, server: sipServerFor(credentials.domain) };
}

/** The signed-in user's own new SIP password. */
export const newOwnSipPassword = defineAction({
  role: 'any',
  schema: z.object({}),
  handler: (_input, { tx, actor }) => newPassword(tx, actor, actor.id),
});

/** An admin's new SIP password for a user of the company (provisioning their phone). */
export const newSipPassword = defineAction({
  role: 'admin',
  schema: z.object({ id: uuidField('errors.notFound') }),
  handler: (input, { tx, actor }) => newPassword(tx, actor, input.id),
});
