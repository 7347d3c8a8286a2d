import nodemailer, { type SendMailOptions } from 'nodemailer';
import { env } from '@/lib/env';

/** What the sender needs from a transport: nodemailer's, or a test double. */
export type MailTransport = { sendMail(message: SendMailOptions): Promise<unknown> };

const globalKey = Symbol.for('switchboard.mailTransport');
type Holder = { [globalKey]?: { url: string; transport: MailTransport } };
const holder = globalThis as Holder;

/** Seconds, not minutes: a stalled server must fail the attempt well inside the sending lease. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** nodemailer reads options from the URL's query: add the timeouts the URL does not set itself. */
export function withTimeouts(url: string) {
  try {
    const parsed = new URL(url);
    for (const [key, value] of Object.entries(TIMEOUTS)) {
      if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, String(value));
    }
    return parsed.toString();
  } catch {
    return url;
  }
}

/** The SMTP transport of SMTP_URL (one per process), or undefined when mail is not configured. */
export function smtpTransport(url = env.SMTP_URL): MailTransport | undefined {
  if (!url) return undefined;
  if (holder[globalKey]?.url !== url) {
    holder[globalKey] = { url, transport: nodemailer.createTransport(withTimeouts(url)) };
  }
  return holder[globalKey].transport;
}

/** MAIL_FROM, or no-reply at APP_URL's host. */
export function mailFrom() {
  if (env.MAIL_FROM) return env.MAIL_FROM;
  // lib/env.ts has checked that APP_URL is an absolute URL.
  const host = env.APP_URL ? new URL(env.APP_URL).hostname : 'localhost';
  return `Switchboard <no-reply@${host}>`;
}
