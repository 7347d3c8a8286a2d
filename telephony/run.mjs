#!/usr/bin/env node
// Starts Kamailio with telephony/kamailio.cfg against the app's PostgreSQL (DATABASE_URL).
//
//   node telephony/run.mjs            run in the foreground, logs on stderr (Ctrl-C stops it)
//   node telephony/run.mjs --check    check the configuration with these settings and exit
//
// Environment: DATABASE_URL (required: PostgreSQL or Neon, not PGlite), SIP_LISTEN,
// SIP_CARRIERS, SIP_CARRIER_URI, SIP_MEDIA_URI, SIP_DOMAIN_SUFFIX, SIP_AUTH_SECRET, SIP_SERVER_ID,
// SIP_CHILDREN, SIP_LOG_LEVEL, SIP_RUN_DIR, KAMAILIO, SIP_TEST_CLOCK (telephony/README.md
// describes each).
// The database URL reaches Kamailio without its password, which goes to libpq as PGPASSWORD,
// so it is neither in the process list nor in Kamailio's logs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CONFIG = path.join(here, 'kamailio.cfg');
const COUNTRIES = ['FR', 'US', 'CA', 'GB', 'BE', 'CH'];

export class SetupError extends Error {}

/** DATABASE_URL -> what Kamailio and libpq get. PGlite cannot serve another process. */
export function databaseSettings(url) {
  if (!url || url.startsWith('file:') || url.startsWith('pglite:')) {
    throw new SetupError(
      'Kamailio needs a network PostgreSQL database, and DATABASE_URL ' +
        (url ? `is PGlite (${url})` : 'is unset, which means the embedded PGlite') +
        ': set DATABASE_URL=postgres://USER@HOST:5432/DB (or a Neon URL) for the app and for this script.',
    );
  }
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new SetupError(`DATABASE_URL is not a URL: ${url}`);
  }
  if (!['postgres:', 'postgresql:'].includes(u.protocol)) {
    throw new SetupError(`DATABASE_URL must be a postgres:// URL, not ${u.protocol}`);
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new SetupError('DATABASE_URL names no database');
  const libpq = { PGAPPNAME: 'switchboard-kamailio' };
  if (u.password) libpq.PGPASSWORD = decodeURIComponent(u.password);
  // Kamailio's URL has no query part: libpq takes these from its environment instead.
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) libpq.PGSSLMODE = sslmode;
  const options = u.searchParams.get('options');
  if (options) libpq.PGOPTIONS = options;
  if (u.hostname.endsWith('.neon.tech')) {
    libpq.PGSSLMODE ??= 'require';
    // Neon routes by SNI; older libpq needs the endpoint id in the options too.
    libpq.PGOPTIONS ??= `endpoint=${u.hostname.split('.')[0].replace(/-pooler$/, '')}`;
  }
  const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
  const host = u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname;
  const kamailioUrl = `postgres://${user}${host}${u.port ? `:${u.port}` : ''}/${database}`;
  if (/["\s]/.test(kamailioUrl)) throw new SetupError('DATABASE_URL has quotes or spaces Kamailio cannot take');
  return { kamailioUrl, libpq };
}

/** SIP_LISTEN: "udp:ADDRESS:PORT" (or "ADDRESS:PORT"). UDP only for now. */
export function listenSetting(value = 'udp:127.0.0.1:5070') {
  const m = /^(?:udp:)?(\[[0-9a-fA-F:]+\]|[0-9.]+|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value.trim());
  const port = m ? Number(m[2]) : 0;
  if (!m || port < 1 || port > 65535) {
    throw new SetupError(`SIP_LISTEN must look like udp:127.0.0.1:5070 (UDP address and port), not "${value}"`);
  }
  return { listen: `udp:${m[1]}:${port}`, host: m[1].replace(/^\[|\]$/g, ''), port };
}

/**
 * SIP_CARRIERS: comma-separated "ADDRESS[/BITS][:PORT][=COUNTRY]", e.g.
 * "203.0.113.10:5060=FR, 198.51.100.0/24=US, [2001:db8::1]:5060". COUNTRY says how national
 * forms of the dialled number read. -> "address/bits|port|country,..." for the config.
 */
export function carriersSetting(value = '') {
  const out = [];
  for (const raw of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\[[0-9a-fA-F:]+\]|[0-9.]+)(?:\/(\d{1,3}))?(?::(\d{1,5}))?(?:=([A-Za-z]{2}))?$/.exec(raw);
    const address = m?.[1].replace(/^\[|\]$/g, '');
    const family = address ? net.isIP(address) : 0;
    const bits = m?.[2] === undefined ? (family === 6 ? 128 : 32) : Number(m[2]);
    const port = m?.[3] === undefined ? '' : Number(m[3]);
    const country = m?.[4]?.toUpperCase() ?? '';
    if (
      !m ||
      !family ||
      bits > (family === 6 ? 128 : 32) ||
      (port !== '' && (port < 1 || port > 65535)) ||
      (country && !COUNTRIES.includes(country))
    ) {
      throw new SetupError(
        `SIP_CARRIERS entry "${raw}" is not ADDRESS[/BITS][:PORT][=COUNTRY] (IPv6 in brackets; country one of ${COUNTRIES.join(', ')})`,
      );
    }
    out.push(`${address}/${bits}|${port}|${country}`);
  }
  return out.join(',');
}

/** SIP_MEDIA_URI / SIP_CARRIER_URI: "sip:HOST[:PORT]" without a user part; empty: none. */
export function uriSetting(name, value = '') {
  const v = value.trim();
  if (v && !/^sips?:[A-Za-z0-9.[\]:-]+(?::\d{1,5})?(;[A-Za-z0-9=;._-]*)?$/.test(v)) {
    throw new SetupError(`${name} must be a SIP URI without a user part, e.g. sip:10.0.0.5:5080, not "${value}"`);
  }
  return v;
}

/**
 * SIP_TEST_CLOCK=true: the test-only clock (a carrier INVITE's X-Switchboard-Test-Time header
 * sets the instant its schedule is read at). Refused with NODE_ENV=production: anyone who can
 * reach a trusted carrier address could then choose the hour a call is routed at.
 */
export function testClockSetting(value = '', nodeEnv = '') {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false') return 'off';
  if (v !== 'true') throw new SetupError(`SIP_TEST_CLOCK must be true or false, not "${value}"`);
  if (nodeEnv === 'production') {
    throw new SetupError(
      'SIP_TEST_CLOCK=true is a test-only switch (calls would be routed at the hour a header names) and is refused with NODE_ENV=production: unset it.',
    );
  }
  return 'on';
}

function intSetting(name, value, fallback, min, max) {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new SetupError(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

/** Everything the launcher derives from the environment; throws SetupError with the fix. */
export function settingsFrom(env = process.env) {
  const db = databaseSettings(env.DATABASE_URL);
  const { listen, host, port } = listenSetting(env.SIP_LISTEN || undefined);
  const runDir = env.SIP_RUN_DIR || path.join(os.tmpdir(), `switchboard-kamailio-${port}`);
  const secret = env.SIP_AUTH_SECRET ?? '';
  if (/["\\\s]/.test(secret)) throw new SetupError('SIP_AUTH_SECRET must not contain quotes, backslashes or spaces');
  const suffix = (env.SIP_DOMAIN_SUFFIX ?? '').trim().toLowerCase();
  if (suffix && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?([.][a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(suffix)) {
    throw new SetupError(`SIP_DOMAIN_SUFFIX must be a DNS name such as sip.example.com, not "${env.SIP_DOMAIN_SUFFIX}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL,
    kamailio: env.KAMAILIO || 'kamailio',
    host,
    port,
    runDir,
    domainSuffix: suffix,
    env: {
      ...db.libpq,
      // usrloc stores expiry times without a zone: every instance must agree on UTC.
      TZ: 'UTC',
      SB_LISTEN: listen,
      SB_DB_URL: db.kamailioUrl,
      SB_SQLCON: `sb=>${db.kamailioUrl}`,
      SB_CARRIERS: carriersSetting(env.SIP_CARRIERS),
      SB_MEDIA_URI: uriSetting('SIP_MEDIA_URI', env.SIP_MEDIA_URI),
      SB_CARRIER_URI: uriSetting('SIP_CARRIER_URI', env.SIP_CARRIER_URI),
      SB_CTL: `unix:${path.join(runDir, 'kamailio.ctl')}`,
      SB_RUNDIR: runDir,
      SB_CHILDREN: String(intSetting('SIP_CHILDREN', env.SIP_CHILDREN, 4, 1, 64)),
      SB_SERVER_ID: String(intSetting('SIP_SERVER_ID', env.SIP_SERVER_ID, 1, 0, 65535)),
      SB_LOG_LEVEL: String(intSetting('SIP_LOG_LEVEL', env.SIP_LOG_LEVEL, 2, -5, 3)),
      // Always set, so an SB_TEST_CLOCK inherited from the environment cannot switch it on.
      SB_TEST_CLOCK: testClockSetting(env.SIP_TEST_CLOCK, env.NODE_ENV),
      ...(secret ? { SB_AUTH_SECRET: secret } : {}),
    },
  };
}

/** The sip schema must be migrated; SIP_DOMAIN_SUFFIX, when set, is what new companies get. */
export async function prepareDatabase(settings) {
  const client = new pg.Client({ connectionString: settings.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`select to_regclass('sip.location') as location, to_regclass('sip.subscriber') as subscriber`);
    if (!rows[0].location || !rows[0].subscriber) {
      throw new SetupError('The database has no sip schema yet: run `npm run db:migrate` (or `npm start` once) with this DATABASE_URL first.');
    }
    if (settings.domainSuffix) {
      await client.query('update sip.settings set domain_suffix = $1 where id and domain_suffix <> $1', [settings.domainSuffix]);
    }
  } finally {
    await client.end();
  }
}

function kamailioArgs(settings, check) {
  const args = ['-f', CONFIG];
  return check ? ['-c', ...args] : ['-DD', '-E', ...args];
}

/** Starts Kamailio in the foreground (its main process is the child); resolves once spawned. */
export function startKamailio(settings, { check = false, stdio = 'inherit' } = {}) {
  fs.mkdirSync(settings.runDir, { recursive: true });
  return spawn(settings.kamailio, kamailioArgs(settings, check), {
    env: { ...process.env, ...settings.env },
    stdio,
  });
}

async function main() {
  const check = process.argv.includes('--check');
  let settings;
  try {
    settings = settingsFrom();
    if (!check) await prepareDatabase(settings);
  } catch (error) {
    if (error instanceof SetupError) {
      console.error(`telephony/run.mjs: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const child = startKamailio(settings, { check });
  child.on('error', (error) => {
    console.error(
      error.code === 'ENOENT'
        ? `telephony/run.mjs: ${settings.kamailio} not found: apt-get install kamailio kamailio-postgres-modules (telephony/README.md)`
        : `telephony/run.mjs: ${error.message}`,
    );
    process.exit(2);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
