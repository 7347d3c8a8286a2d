import nodemailer, { type SendMailOptions } from 'nodemailer';

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
export function smtpTransport(url = process.env.SMTP_URL): MailTransport | undefined {
  if (!url) return undefined;
  if (holder[globalKey]?.url !== url) {
    holder[globalKey] = { url, transport: nodemailer.createTransport(withTimeouts(url)) };
  }
  return holder[globalKey].transport;
}

/** MAIL_FROM, or no-reply at APP_URL's host. */
export function mailFrom() {
  if (process.env.MAIL_FROM) return process.env.MAIL_FROM;
  let host = 'localhost';
  try {
    if (process.env.APP_URL) host = new URL(process.env.APP_URL).hostname;
  } catch {
    // An invalid APP_URL keeps the default sender.
  }
  return `Switchboard <no-reply@${host}>`;
}
