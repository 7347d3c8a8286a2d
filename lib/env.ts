import { z } from 'zod';

/**
 * The one module that reads the environment (README, "Environment variables"), checked with zod
 * when first imported. next.config.ts imports it, so `next dev`, `next build` and `next start`
 * stop before doing anything when a variable is invalid; instrumentation.ts, the scripts (through
 * db/) and the tests import it too. Unset or blank variables keep the documented defaults.
 * Server-only: nothing here is meant for the browser, and importing it there throws.
 */

/** A blank variable (`FOO=`) is treated as unset, as the code before this module did with `||`. */
const unsetIfBlank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const blankIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfBlank, schema);
const optional = <T extends z.ZodType>(schema: T) => blankIsUnset(schema.optional());

const hasProtocol = (protocols: string[]) => (value: string) => {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
};
const postgresUrl = z
  .string()
  .trim()
  .refine(hasProtocol(['postgres:', 'postgresql:']), 'must be a postgres:// or postgresql:// URL');
const minutes = z.coerce.number({ error: 'must be a number of minutes' }).int('must be a whole number of minutes').min(1).max(24 * 60 * 30);
const port = z.coerce.number({ error: 'must be a port number' }).int('must be a port number').min(1).max(65535);

export const envSchema = z.object({
  NODE_ENV: blankIsUnset(z.enum(['development', 'production', 'test']).default('development')),
  /** Set by Next itself (`phase-production-build` while `next build` collects pages). */
  NEXT_PHASE: optional(z.string()),

  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .refine(
        (value) => /^(file|pglite):/.test(value) || hasProtocol(['postgres:', 'postgresql:'])(value),
        'must be file:PATH, pglite:PATH (pglite:memory for a throw-away database) or a postgres:// URL',
      ),
  ),
  DATABASE_DRIVER: optional(z.enum(['neon'], { error: 'must be "neon" (or unset: the driver follows DATABASE_URL)' })),
  DATABASE_POOL_SIZE: blankIsUnset(z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(10)),
  AUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters: `openssl rand -base64 32` makes one')),
  PORT: blankIsUnset(port.default(3000)),
  APP_URL: optional(
    z
      .string()
      .trim()
      .refine(hasProtocol(['http:', 'https:']), 'must be an absolute http(s) URL such as https://phone.example.com'),
  ),
  SMTP_URL: optional(
    z
      .string()
      .trim()
      .refine(hasProtocol(['smtp:', 'smtps:']), 'must be an smtp:// or smtps:// URL such as smtp://user:pass@smtp.example.com:587'),
  ),
  MAIL_FROM: optional(z.string().trim().regex(/@/, 'must hold an e-mail address, such as "Switchboard <no-reply@example.com>"')),

  // Sessions (lib/auth/sessions.ts): idle timeouts by role, and the absolute lifetime.
  SESSION_IDLE_MINUTES_ADMIN: blankIsUnset(minutes.default(30)),
  SESSION_IDLE_MINUTES_MEMBER: blankIsUnset(minutes.default(480)),
  SESSION_MAX_HOURS: blankIsUnset(z.coerce.number({ error: 'must be a number of hours' }).int('must be a whole number of hours').min(1).max(24 * 30).default(12)),
  /** A reverse proxy in front sets X-Forwarded-For and X-Forwarded-Proto: trust its last hop. */
  TRUST_PROXY: blankIsUnset(z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).default('false').transform((v) => v === 'true' || v === '1')),
  /** Sign-ups one client address may make per hour before it is slowed down. */
  SIGN_UPS_PER_HOUR: blankIsUnset(z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(20)),
  /** Phone numbers (owned and held) a company may have until its first setup is finished (lib/numbers/limits.ts). */
  NUMBERS_BEFORE_FIRST_FINISH: blankIsUnset(z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(50)),
  /** Different numbers a company may hold per rolling 24 hours once its first setup is finished. */
  NUMBER_HOLDS_PER_DAY: blankIsUnset(z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(100)),
  LOG_LEVEL: blankIsUnset(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  /** What phones are told to register with ("Set up your phone"); unset: the company's SIP domain. */
  SIP_SERVER: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:]+\](:\d{1,5})?$/, 'must be a host name or address with an optional port, such as sip.example.com:5060'),
  ),

  // Tests, browser tests and the bench.
  TEST_DATABASE_URL: optional(postgresUrl),
  CHROMIUM_PATH: blankIsUnset(z.string().default('/usr/bin/chromium')),
  E2E_PORT: blankIsUnset(port.default(3200)),
  E2E_DATA_DIR: blankIsUnset(z.string().default('.data/e2e')),
  NEXT_DIST_DIR: blankIsUnset(z.string().default('.next')),
  BENCH_DATABASE_URL: optional(postgresUrl),
});

export type Env = z.infer<typeof envSchema>;

/** Parses `source` (process.env by default); throws one error naming every invalid variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  // Values are left out of the message: DATABASE_URL and SMTP_URL carry passwords.
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid environment variables (README, "Environment variables"):\n${lines.join('\n')}`);
}

if (typeof window !== 'undefined') throw new Error('lib/env.ts is server-only: it must not reach a client bundle.');

export const env: Readonly<Env> = Object.freeze(parseEnv());

/**
 * Whether `next build` is collecting pages right now. Read live, not from `env`: Next sets
 * NEXT_PHASE in its own process after loading next.config.ts, which has imported this module.
 */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build';
}
