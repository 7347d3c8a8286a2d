import { and, eq } from 'drizzle-orm';
import { first } from '@/db/rows';
import { activationTokens, outbox, users } from '@/db/schema';
import { defineAction } from '@/lib/actions/define';
import { updateUser } from '@/lib/team/actions';
import { newActivationToken } from '@/lib/auth/activation';
import type { Company } from '@/db/schema';
import type { Tx } from '@/db';
import { welcomeKey, welcomeMessage, welcomeRecipients, type MailContext } from './welcome';

/**
 * A corrected address gets the welcome the old one got. The old address's links already died
 * with the change (trigger users_expire_activation_links); its messages still waiting are not
 * sent. Nothing to do for a user never welcomed: Finish setup writes to the address of the day.
 */
export async function welcomeNewAddress(tx: Tx, company: Company, userId: string, ctx: MailContext) {
  const [welcomed] = await tx.select({ id: outbox.id }).from(outbox).where(eq(outbox.dedupeKey, welcomeKey(userId)));
  if (!welcomed) return null;
  await tx
    .update(outbox)
    .set({ status: 'failed', lastError: 'not sent: the address was corrected' })
    .where(and(eq(outbox.userId, userId), eq(outbox.status, 'pending')));
  const [recipient] = await welcomeRecipients(tx, company.id, userId);
  if (!recipient) return null;
  const activation = recipient.hasPassword ? null : newActivationToken(ctx.now);
  if (activation) {
    await tx
      .insert(activationTokens)
      .values({ userId, tokenHash: activation.tokenHash, expiresAt: activation.expiresAt, createdAt: ctx.now });
  }
  const message = welcomeMessage(recipient, company, ctx, activation);
  return first(
    await tx
      .insert(outbox)
      .values({
        companyId: company.id,
        userId,
        kind: 'welcome',
        // Its own key: the first welcome's stays, so Finish never queues a third.
        dedupeKey: `${welcomeKey(userId)}:${ctx.now.toISOString()}:${recipient.email}`,
        toEmail: recipient.email,
        subject: message.subject,
        bodyText: message.body,
        nextAttemptAt: ctx.now,
        createdAt: ctx.now,
      })
      .returning({ id: outbox.id }),
  );
}

/**
 * The Team card's Save of a user (lib/team/actions.ts), plus what a changed e-mail means for
 * mail, in the same transaction. Here because mail comes after team in the domain order.
 */
export const updateUserAndWelcome = defineAction({
  ...updateUser,
  async handler(input, ctx) {
    const [before] = await ctx.tx
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.id, input.id), eq(users.companyId, ctx.company.id)));
    const result = await updateUser.handler(input, ctx);
    if (before && before.email !== input.email) {
      await welcomeNewAddress(ctx.tx, ctx.company, input.id, { baseUrl: ctx.baseUrl, now: ctx.now() });
    }
    return result;
  },
});
