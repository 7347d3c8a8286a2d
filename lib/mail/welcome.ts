import { and, eq, sql } from 'drizzle-orm';
import { first } from '@/db/rows';
import type { Tx } from '@/db';
import { activationTokens, devices, extensions, outbox, users, type Company } from '@/db/schema';
import { activationPath, expireOtherTokens, newActivationToken } from '@/lib/auth/activation';
import { formatDateTime } from '@/lib/format/date';
import { formatNational } from '@/lib/format/phone';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { elides } from '@/lib/format/elision';

export type Recipient = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  locale: string | null;
  licence: 'free' | 'office';
  hasPassword: boolean;
  extension: string | null;
  directE164: string | null;
  deviceModel: string | null;
};

export type MailContext = { baseUrl: string; now: Date };

/** At most this many rows per INSERT, to stay far below PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

export const welcomeKey = (userId: string) => `welcome:${userId}`;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function recipientLocale(recipient: Pick<Recipient, 'locale'>, company: Company): Locale {
  if (isLocale(recipient.locale)) return recipient.locale;
  return isLocale(company.locale) ? company.locale : 'fr';
}

function link(baseUrl: string, path: string) {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * The welcome e-mail: the user's extension, direct number (national format) and phone, and
 * either a one-time activation link (no password yet) or the sign-in address (they already
 * have one, like the admin who signed the company up).
 */
export function welcomeMessage(
  r: Recipient,
  company: Company,
  ctx: MailContext,
  activation: { token: string; expiresAt: Date } | null,
) {
  const locale = recipientLocale(r, company);
  const t = translator(locale);
  const phone =
    r.licence === 'office' ? (r.deviceModel ?? t('team.appOnly')) : t('mail.welcome.noPhoneFree');
  const lines = [
    t('mail.welcome.greeting', { firstName: r.firstName }),
    '',
    t('mail.welcome.intro', { company: company.name, companyElision: elides(company.name) }),
    '',
    t('mail.welcome.extension', { extension: r.extension ?? t('mail.welcome.none') }),
    t('mail.welcome.directNumber', { number: r.directE164 ? formatNational(r.directE164) : t('mail.welcome.none') }),
    t('mail.welcome.licence', { licence: t(`team.licences.${r.licence}`) }),
    t('mail.welcome.phone', { phone }),
    '',
  ];
  if (activation) {
    lines.push(
      t('mail.welcome.activate', { expires: formatDateTime(activation.expiresAt, locale, company.timeZone) }),
      link(ctx.baseUrl, activationPath(activation.token)),
    );
  } else {
    lines.push(t('mail.welcome.signIn'), link(ctx.baseUrl, '/sign-in'));
  }
  lines.push('', t('mail.welcome.after', { url: link(ctx.baseUrl, '/me') }), '', t('mail.signature', { company: company.name }));
  return { subject: t('mail.welcome.subject', { company: company.name }), body: lines.join('\n') };
}

/** A new activation link on its own, for a user whose first one expired or got lost. */
export function activationMessage(r: Pick<Recipient, 'firstName' | 'locale'>, company: Company, ctx: MailContext, activation: { token: string; expiresAt: Date }) {
  const locale = recipientLocale(r, company);
  const t = translator(locale);
  const body = [
    t('mail.welcome.greeting', { firstName: r.firstName }),
    '',
    t('mail.activation.intro', { company: company.name, companyElision: elides(company.name) }),
    '',
    t('mail.welcome.activate', { expires: formatDateTime(activation.expiresAt, locale, company.timeZone) }),
    link(ctx.baseUrl, activationPath(activation.token)),
    '',
    t('mail.signature', { company: company.name }),
  ].join('\n');
  return { subject: t('mail.activation.subject', { company: company.name }), body };
}

/**
 * Users of the company without a welcome e-mail yet, with what their e-mail says: one statement.
 * `onlyUserId`: that user alone, welcomed before or not (a corrected address, address-change.ts).
 */
export async function welcomeRecipients(tx: Tx, companyId: string, onlyUserId?: string): Promise<Recipient[]> {
  const rows = await tx
    .select({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      locale: users.locale,
      licence: users.licence,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      extension: extensions.number,
      directE164: sql<string | null>`(select pn.e164 from phone_numbers pn
        where pn.extension_id = ${extensions.id} and pn.status = 'owned' and pn.company_id = ${companyId}
        order by pn.is_main desc, pn.e164 limit 1)`,
      deviceModel: devices.model,
    })
    .from(users)
    .leftJoin(extensions, and(eq(extensions.userId, users.id), eq(extensions.type, 'user')))
    .leftJoin(devices, and(eq(devices.userId, users.id), eq(devices.companyId, users.companyId)))
    .where(
      and(
        eq(users.companyId, companyId),
        onlyUserId
          ? eq(users.id, onlyUserId)
          : sql`not exists (select 1 from outbox o where o.dedupe_key = 'welcome:' || ${users.id})`,
      ),
    )
    .orderBy(users.lastName, users.firstName, users.id);
  return rows.map((r) => ({ ...r, licence: r.licence === 'office' ? 'office' : 'free', hasPassword: Boolean(r.hasPassword) }));
}

/**
 * Queues one welcome e-mail per user who never got one, inside the caller's transaction.
 * `welcome:<userId>` is unique: a concurrent or repeated run inserts nothing twice, and an
 * activation token is stored only for a message that was actually queued.
 */
export async function queueWelcomeEmails(tx: Tx, company: Company, ctx: MailContext) {
  const recipients = await welcomeRecipients(tx, company.id);
  const queued: { userId: string; outboxId: string }[] = [];
  for (const batch of chunks(recipients)) {
    const drafts = batch.map((r) => {
      const activation = r.hasPassword ? null : newActivationToken(ctx.now);
      return { r, activation, message: welcomeMessage(r, company, ctx, activation) };
    });
    const inserted = await tx
      .insert(outbox)
      .values(
        drafts.map(({ r, message }) => ({
          companyId: company.id,
          userId: r.id,
          kind: 'welcome',
          dedupeKey: welcomeKey(r.id),
          toEmail: r.email,
          subject: message.subject,
          bodyText: message.body,
          nextAttemptAt: ctx.now,
          createdAt: ctx.now,
        })),
      )
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .returning({ id: outbox.id, userId: outbox.userId });
    const sent = new Set(inserted.map((row) => row.userId));
    const tokens = drafts.filter((d) => d.activation && sent.has(d.r.id));
    if (tokens.length > 0) {
      await tx.insert(activationTokens).values(
        tokens.map((d) => ({
          userId: d.r.id,
          tokenHash: d.activation!.tokenHash,
          expiresAt: d.activation!.expiresAt,
          createdAt: ctx.now,
        })),
      );
    }
    queued.push(...inserted.map((row) => ({ userId: row.userId!, outboxId: row.id })));
  }
  return queued;
}

/** A fresh activation link for a user who has not set a password yet; older links stop working. */
export async function queueActivationLink(
  tx: Tx,
  company: Company,
  user: { id: string; firstName: string; email: string; locale: string | null },
  ctx: MailContext,
) {
  const activation = newActivationToken(ctx.now);
  await expireOtherTokens(tx, user.id, null, ctx.now);
  const token = first(
    await tx
      .insert(activationTokens)
      .values({ userId: user.id, tokenHash: activation.tokenHash, expiresAt: activation.expiresAt, createdAt: ctx.now })
      .returning({ id: activationTokens.id }),
  );
  const message = activationMessage(user, company, ctx, activation);
  const row = first(
    await tx
      .insert(outbox)
      .values({
        companyId: company.id,
        userId: user.id,
        kind: 'activation',
        dedupeKey: `activation:${token.id}`,
        toEmail: user.email,
        subject: message.subject,
        bodyText: message.body,
        nextAttemptAt: ctx.now,
        createdAt: ctx.now,
      })
      .returning({ id: outbox.id }),
  );
  return { outboxId: row.id, expiresAt: activation.expiresAt };
}
