import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// What the SIP suite drives: Kamailio through telephony/run.mjs, and SIPp processes (callers,
// phones, the carrier) whose message logs (-trace_msg) say what each one sent and received, when.

export const ROOT = path.resolve(import.meta.dirname, '../..');
const SCENARIOS = path.join(import.meta.dirname, 'scenarios');
const HOST = '127.0.0.1';

/** Every port the suite uses sits above this, so two runs can go side by side with another base. */
const BASE = Number(process.env.SIP_TEST_PORT_BASE ?? 0);
export const ports = {
  kamailio: 5075 + BASE,
  kamailio2: 5076 + BASE,
  /** A phone of extension 1xx listens on 6000 + its number (6102 for 102). */
  phone: (extension: string) => 6000 + Number(extension) + BASE,
  carrier: 6901 + BASE,
  tableCarrier: 6902 + BASE,
  untrusted: 6903 + BASE,
  media: 6904 + BASE,
  /** Where outside and emergency calls go (SIP_CARRIER_URI). */
  carrierOut: 6905 + BASE,
};
let nextPort = 7000 + BASE;
let nextMediaPort = 20000 + BASE;

export const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-sip-'));

export function missingTools() {
  const missing = ['kamailio', 'sipp'].filter((bin) => {
    try {
      execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  return missing;
}

// ---------------------------------------------------------------------------------------------
// Message logs

export type SipMessage = {
  /** Epoch milliseconds, with SIPp's microseconds as the fraction. */
  at: number;
  direction: 'sent' | 'received';
  firstLine: string;
  method?: string;
  status?: number;
  text: string;
  header: (name: string) => string | undefined;
};

const SEPARATOR = /^-{20,} (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)\.(\d{6})$/m;

/** Parses a SIPp -message_file (SIPp runs with TZ=UTC, so its local times are UTC). */
export function parseMessageLog(file: string): SipMessage[] {
  if (!fs.existsSync(file)) return [];
  const raw = fs.readFileSync(file, 'utf8');
  const chunks = raw.split(new RegExp(`(?=${SEPARATOR.source})`, 'm')).filter((c) => SEPARATOR.test(c));
  return chunks.map((chunk) => {
    const [, date, time, micros] = SEPARATOR.exec(chunk)!;
    const at = Date.parse(`${date}T${time}Z`) + Number(micros) / 1000;
    const lines = chunk.split('\n');
    const direction = /message received/.test(lines[1] ?? '') ? 'received' : 'sent';
    const body = lines.slice(2).join('\n').replace(/^\s*\n/, '');
    const firstLine = body.split('\n')[0]?.trim() ?? '';
    const status = /^SIP\/2\.0 (\d{3})/.exec(firstLine)?.[1];
    const method = status ? undefined : firstLine.split(' ')[0];
    const header = (name: string) => {
      const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(body);
      return m?.[1]?.trim();
    };
    return { at, direction, firstLine, method, status: status ? Number(status) : undefined, text: body, header };
  });
}

// ---------------------------------------------------------------------------------------------
// SIPp

type SippOptions = {
  scenario: 'register' | 'call' | 'call-at' | 'call-cancel' | 'answer' | 'ring';
  name: string;
  port?: number;
  /** Where requests go (callers, registrations). */
  remote?: number;
  /** Injection file lines (fields separated by ';'). */
  lines?: string[];
  service?: string;
  auth?: { username: string; password: string };
  /** Calls before the process ends (-m). */
  calls?: number;
  /** Pause of the scenario (-d): how long a phone rings before answering, or a call lasts. */
  pauseMs?: number;
  timeoutS?: number;
  /** New calls per second (-r); callers only. */
  rate?: number;
  /** Calls in progress at most (-l). */
  limit?: number;
};

export type SippRun = {
  name: string;
  port: number;
  log: string;
  process: ChildProcess;
  /** Resolves with SIPp's exit code (0: every call as the scenario says). */
  done: Promise<number>;
  messages: () => SipMessage[];
  /** Stops a process still waiting for calls (a phone nobody should ring). */
  stop: () => Promise<number>;
};

const running = new Set<SippRun>();

/** Stops every SIPp still running (after each test: a failed check leaves no phone behind). */
export async function stopAllSipp() {
  await Promise.all([...running].map((r) => r.stop()));
}

export function sipp(opts: SippOptions): SippRun {
  const port = opts.port ?? nextPort++;
  const mediaPort = nextMediaPort;
  nextMediaPort += 4;
  const log = path.join(workDir, `${opts.name}-${port}-${Date.now()}.log`);
  const args = [
    '-sf', path.join(SCENARIOS, `${opts.scenario}.xml`),
    '-i', HOST,
    '-p', String(port),
    '-mp', String(mediaPort),
    '-nostdin',
    '-trace_msg', '-message_file', log,
    '-trace_err', '-error_file', `${log}.err`,
    '-timeout', `${opts.timeoutS ?? 20}s`, '-timeout_error',
    '-m', String(opts.calls ?? 1),
    '-d', String(opts.pauseMs ?? 0),
  ];
  if (opts.lines) {
    const inf = `${log}.csv`;
    fs.writeFileSync(inf, ['SEQUENTIAL', ...opts.lines].join('\n') + '\n');
    args.push('-inf', inf);
  }
  if (opts.service) args.push('-s', opts.service);
  if (opts.auth) args.push('-au', opts.auth.username, '-ap', opts.auth.password);
  if (opts.remote) args.push(`${HOST}:${opts.remote}`);
  // -r: callers start their calls at once (SIPp's default pace is 10 calls per second).
  if (opts.remote) args.push('-r', String(opts.rate ?? 100));
  if (opts.limit) args.push('-l', String(opts.limit));

  const child = spawn('sipp', args, { env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => {
      if (code !== 0 && !signal && process.env.SIP_TEST_VERBOSE) console.error(`sipp ${opts.name}: exit ${code} ${stderr}`);
      resolve(code ?? -1);
    });
  });
  const run: SippRun = {
    name: opts.name,
    port,
    log,
    process: child,
    done,
    messages: () => parseMessageLog(log),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGUSR1');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      const code = await done;
      clearTimeout(timer);
      return code;
    },
  };
  running.add(run);
  void done.then(() => running.delete(run));
  return run;
}

/** A phone (a SIPp UAS) at the port its registration's contact names. */
export function phone(extension: string, behaviour: 'answer' | 'ring', opts: { calls?: number; answerAfterMs?: number } = {}) {
  const port = ports.phone(extension);
  starting.add(port);
  return sipp({
    scenario: behaviour,
    name: `phone-${extension}-${behaviour}`,
    port,
    calls: opts.calls ?? 1,
    pauseMs: opts.answerAfterMs ?? 200,
    timeoutS: 30,
  });
}

/**
 * A long-lived SIPp UAS (a phone, the media server, the carrier) taking up to `calls` calls
 * until stopped: calls wait until it listens, like phone()'s.
 */
export function uas(name: string, port: number, scenario: 'answer' | 'ring', opts: { calls?: number; timeoutS?: number } = {}) {
  starting.add(port);
  return sipp({ scenario, name, port, calls: opts.calls ?? 10_000, timeoutS: opts.timeoutS ?? 600 });
}

/** Phone ports whose SIPp may not be listening yet: a call waits for them (a loaded machine starts SIPp late). */
const starting = new Set<number>();

/** Whether something listens on this UDP port of 127.0.0.1, from the kernel's own table. */
function udpListening(port: number) {
  const hex = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return ['/proc/net/udp', '/proc/net/udp6'].some((file) => fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(hex));
}

async function phonesListening() {
  const deadline = Date.now() + 5_000;
  for (const port of starting) {
    while (!udpListening(port) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    starting.delete(port);
  }
}

export type Caller = { username: string; domain: string; password?: string; port?: number };

/**
 * A call to `dialled` (sip:dialled@requestDomain, sent to the proxy at `proxy`): returns the
 * final status the caller got and its message log.
 */
export async function call(
  from: Caller,
  dialled: string,
  opts: {
    requestDomain?: string;
    proxy?: number;
    holdMs?: number;
    timeoutS?: number;
    name?: string;
    /** Sent as X-Switchboard-Test-Time (ISO 8601): the instant under Kamailio's test clock. */
    at?: string;
    /** call-cancel: call-at that cancels on the first ringing (who was rung first, then 487). */
    scenario?: 'call-cancel';
  } = {},
) {
  await phonesListening();
  const run = sipp({
    scenario: opts.scenario ?? (opts.at ? 'call-at' : 'call'),
    name: opts.name ?? `call-${from.username}-${dialled}`.replace(/[^A-Za-z0-9.-]/g, '_'),
    port: from.port,
    remote: opts.proxy ?? ports.kamailio,
    lines: [`${from.username};${from.domain};${opts.requestDomain ?? from.domain}${opts.at ? `;${opts.at}` : ''}`],
    service: dialled,
    auth: from.password ? { username: from.username, password: from.password } : undefined,
    pauseMs: opts.holdMs ?? 100,
    timeoutS: opts.timeoutS ?? 30,
  });
  const code = await run.done;
  const messages = run.messages();
  const finals = messages.filter((m) => m.direction === 'received' && m.status && m.status >= 200 && m.header('CSeq')?.endsWith('INVITE'));
  const final = finals.at(-1);
  const invite = messages.find((m) => m.direction === 'sent' && m.method === 'INVITE');
  return { code, status: final?.status, final, sentAt: invite?.at ?? NaN, messages, run };
}

/** Registers each account's contact (the phone port of its extension), one SIPp each, at once. */
export async function register(
  accounts: { username: string; domain: string; password: string; contactPort: number }[],
  opts: { proxy?: number; name?: string } = {},
) {
  const runs = accounts.map((a, i) =>
    sipp({
      scenario: 'register',
      name: `${opts.name ?? 'register'}-${i}`,
      remote: opts.proxy ?? ports.kamailio,
      lines: [`${a.username};${a.domain};-;${a.contactPort}`],
      auth: { username: a.username, password: a.password },
      timeoutS: 15,
    }),
  );
  const codes = await Promise.all(runs.map((r) => r.done));
  // Per account, the answers it got, in order: [401, 200] or [401, 403].
  const answers = runs.map((r) => r.messages().filter((m) => m.direction === 'received' && m.status).map((m) => m.status!));
  return { code: Math.max(...codes), answers };
}

export function invitesReceived(run: SippRun) {
  return run.messages().filter((m) => m.direction === 'received' && m.method === 'INVITE');
}

// ---------------------------------------------------------------------------------------------
// Kamailio

export type Kamailio = { port: number; stop: () => Promise<void>; log: string; startedInMs: number };

/** One SIP OPTIONS to the proxy; resolves with the status of its answer, or undefined. */
export function options(port: number, timeoutMs = 300): Promise<number | undefined> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    const branch = `z9hG4bK-${Math.random().toString(36).slice(2)}`;
    socket.on('message', (msg) => {
      const m = /^SIP\/2\.0 (\d{3})/.exec(msg.toString());
      socket.close();
      resolve(m ? Number(m[1]) : undefined);
    });
    socket.bind(0, HOST, () => {
      const local = socket.address().port;
      const request = [
        `OPTIONS sip:${HOST}:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP ${HOST}:${local};branch=${branch}`,
        'Max-Forwards: 70',
        `From: <sip:probe@${HOST}>;tag=probe`,
        `To: <sip:${HOST}:${port}>`,
        `Call-ID: ${branch}@${HOST}`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      socket.send(request, port, HOST);
    });
    setTimeout(() => {
      try {
        socket.close();
      } catch {
        // already closed by its answer
      }
      resolve(undefined);
    }, timeoutMs);
  });
}

/** `node telephony/run.mjs` with this environment; resolves once it answers OPTIONS. */
export async function startKamailio(env: Record<string, string>): Promise<Kamailio> {
  const port = Number(/:(\d+)$/.exec(env.SIP_LISTEN ?? '')?.[1] ?? ports.kamailio);
  const log = path.join(workDir, `kamailio-${port}.log`);
  const out = fs.openSync(log, 'a');
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'telephony/run.mjs')], {
    // The test clock is on unless a test says otherwise (X-Switchboard-Test-Time, telephony/README.md).
    env: { ...process.env, SIP_CHILDREN: '2', SIP_TEST_CLOCK: 'true', SIP_RUN_DIR: path.join(workDir, `run-${port}`), ...env },
    stdio: ['ignore', out, out],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if ((await options(port, 100)) === 200) {
      const startedInMs = performance.now() - started;
      return {
        port,
        log,
        startedInMs,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
          fs.closeSync(out);
        },
      };
    }
  }
  child.kill('SIGKILL');
  await exited;
  throw new Error(`Kamailio did not start on ${port}:\n${fs.readFileSync(log, 'utf8').slice(-3000)}`);
}
