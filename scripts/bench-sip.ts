// `npm run bench:sip`: what one Kamailio (telephony/kamailio.cfg) takes on this machine, reading
// a configuration made with the app's own actions from a fresh PostgreSQL database:
//   - registrations per second (digest auth: 401, then 200 with the hash from sip.subscriber);
//   - calls per second, extension to extension (407, authenticated INVITE, 180, 200, ACK, BYE);
//   - the SQL time per routed call: the database's own count of time spent executing
//     statements (pg_stat_database.active_time) over the calls, divided by the calls.
// Needs kamailio, sipp and BENCH_DATABASE_URL or TEST_DATABASE_URL (a PostgreSQL server it may
// create a database on). BENCH_SIP_USERS (default 300), BENCH_SIP_REGISTRATIONS (1,000), BENCH_SIP_CALLS (500).
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { db, setConnection } from '../db';
import { connect } from '../db/driver';
import { migrateConnection } from '../db/migrate';
import { signUpSchema } from '../lib/auth/schema';
import { createCompanyWithAdmin } from '../lib/auth/sign-up';
import { nextFree } from '../lib/extensions/numbering';
import { runAction } from '../lib/runner/run-action';
import { seedInventory } from '../lib/numbers/inventory-seed';
import { addUser } from '../lib/team/actions';
import { resetSipPassword, type SipCredentials } from '../lib/telephony/credentials';
import { missingTools, ports, sipp, startKamailio } from '../tests/sip/harness';

const USERS = Number(process.env.BENCH_SIP_USERS ?? 300);
const CALLS = Number(process.env.BENCH_SIP_CALLS ?? 500);
const REGISTRATIONS = Number(process.env.BENCH_SIP_REGISTRATIONS ?? 1000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

if (missingTools().length || !serverUrl) {
  console.error(`bench:sip needs kamailio, sipp and BENCH_DATABASE_URL (or TEST_DATABASE_URL): missing ${[...missingTools(), ...(serverUrl ? [] : ['a database URL'])].join(', ')}`);
  process.exit(2);
}

const name = `sb_bench_sip_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const conn = connect({ kind: 'pg', url: url.toString() });
setConnection(conn);
let stopKamailio: (() => Promise<void>) | undefined;

const rate = (n: number, ms: number) => `${((n * 1000) / ms).toFixed(0)} per second (${n} in ${ms.toFixed(0)} ms)`;

try {
  await migrateConnection(conn);
  await seedInventory(conn.db, { perArea: 5 });
  const { company, admin: owner } = await createCompanyWithAdmin(
    signUpSchema.parse({
      firstName: 'Bench',
      lastName: 'Admin',
      email: `bench-${crypto.randomUUID()}@example.com`,
      password: 'bench password 123',
      companyName: `Bench SIP ${crypto.randomUUID().slice(0, 8)}`,
      country: 'FR',
      officeSeats: 1,
    }),
  );
  const people: SipCredentials[] = [(await resetSipPassword(db(), company.id, owner.id))!];
  const used = new Set(['101']);
  for (let i = 1; i < USERS; i++) {
    const extension = nextFree('user', { length: 3, country: 'FR' }, used)!;
    used.add(extension);
    const state = await runAction(addUser, {
      userId: owner.id,
      locale: 'en',
      input: { firstName: 'P', lastName: String(i), email: `p${i}-${crypto.randomUUID()}@example.com`, licence: 'free', extension, phone: '' },
    });
    if (!state.ok) throw new Error(`addUser: ${JSON.stringify(state)}`);
    people.push((await resetSipPassword(db(), company.id, (state.data as { id: string }).id))!);
  }

  const kamailio = await startKamailio({ DATABASE_URL: url.toString(), SIP_LISTEN: `udp:127.0.0.1:${ports.kamailio}`, SIP_CHILDREN: '4' });
  stopKamailio = kamailio.stop;

  // Registrations: SIPp takes one password per process (no field in [authentication]), so one
  // account registers REGISTRATIONS times, as fast as SIPp sends: each a full digest exchange
  // (401 with a nonce, then 200 with the hash read from sip.subscriber) and a write of sip.location.
  const [caller, callee] = [people[0]!, people[1]!];
  const registerAll = (who: SipCredentials, count: number, port: number) =>
    sipp({
      scenario: 'register',
      name: `bench-register-${port}`,
      remote: ports.kamailio,
      lines: Array.from({ length: count }, () => `${who.username};${who.domain};-;${port}`),
      auth: { username: who.username, password: who.password },
      calls: count,
      rate: 2000,
      limit: 50,
      timeoutS: 60,
    });
  let t = performance.now();
  const regs = registerAll(caller, REGISTRATIONS, 30000);
  if ((await regs.done) !== 0) throw new Error(`registrations failed: ${regs.log}`);
  const registrationsMs = performance.now() - t;
  // User 1's phone: the one that answers the calls below.
  const calleeReg = registerAll(callee, 1, ports.media);
  if ((await calleeReg.done) !== 0) throw new Error(`callee registration failed: ${calleeReg.log}`);

  // Calls: user 0 calls user 1, whose phone answers at once; each call is hung up at once.
  const extension = (await conn.db.execute<{ number: string }>(
    (await import('drizzle-orm')).sql`select number from sip.extensions where username = ${callee.username}`,
  )) as unknown as { rows: { number: string }[] };
  // The phone answers 10 ms after ringing: at once, its 180 and 200 can overtake each other on
  // UDP through two Kamailio processes, which SIPp's strict scenario counts as a failed call.
  const phone = sipp({ scenario: 'answer', name: 'bench-phone', port: ports.media, calls: CALLS, pauseMs: 10, timeoutS: 120 });
  const activeTime = async () =>
    Number((await admin.query('select active_time from pg_stat_database where datname = $1', [name])).rows[0].active_time);
  const sqlBefore = await activeTime();
  t = performance.now();
  const calls = sipp({
    scenario: 'call',
    name: 'bench-call',
    remote: ports.kamailio,
    lines: [`${caller.username};${caller.domain};${caller.domain}`],
    service: extension.rows[0]!.number,
    auth: { username: caller.username, password: caller.password },
    calls: CALLS,
    rate: 1000,
    limit: 20,
    timeoutS: 120,
  });
  await calls.done;
  const callsMs = performance.now() - t;
  await phone.stop();
  const messages = calls.messages();
  const answers = messages.filter((m) => m.direction === 'received' && m.status === 200 && m.header('CSeq')?.endsWith('INVITE'));
  const answered = answers.length;
  if (answered < CALLS * 0.95) throw new Error(`only ${answered} of ${CALLS} calls answered: ${calls.log}`);
  // The rate is taken from the message log (first INVITE sent to last answer): a call whose
  // answer UDP lost would otherwise count SIPp's whole timeout as routing time.
  const firstInvite = messages.find((m) => m.direction === 'sent' && m.method === 'INVITE')?.at ?? 0;
  const answeredMs = (answers.at(-1)?.at ?? firstInvite) - firstInvite;
  // Backends report their statistics when idle, at most every 10 s.
  let sqlMs = 0;
  for (let i = 0; i < 24 && sqlMs === 0; i++) {
    await new Promise((r) => setTimeout(r, 500));
    sqlMs = (await activeTime()) - sqlBefore;
  }

  console.log(`\nSIP bench: one Kamailio (4 children) on this machine, ${USERS} users, PostgreSQL ${new URL(serverUrl).host}`);
  console.log(`  registrations (401 + 200)          ${rate(REGISTRATIONS, registrationsMs)}`);
  console.log(`  calls, extension to extension      ${rate(answered, answeredMs)} answered (${CALLS} sent; SIPp done in ${callsMs.toFixed(0)} ms)`);
  console.log(`  SQL time per routed call            ${((sqlMs * 1000) / CALLS).toFixed(0)} µs (active_time ${sqlMs.toFixed(1)} ms over ${CALLS} calls, auth and BYE included)`);
} finally {
  await stopKamailio?.();
  await conn.close();
  // pg's pool resolves end() before its sockets close: a forced drop would kill them mid-goodbye.
  for (let i = 0; i < 100; i++) {
    const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
