import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { db, setConnection } from '@/db';
import type { Connection } from '@/db/driver';
import { companies, phoneNumbers } from '@/db/schema';
import { firstRung, simulateCall, type FirstRung } from '@/lib/calls/preview';
import { createTestDatabase } from '../helpers/db';
import { addConference, addOwnedNumber } from '../helpers/review';
import { signUpCompany } from '../helpers/factories';
import { addMemberWithExtension } from '../helpers/team';
import { contact, ms, person } from './accounts';
import { randomCase, rng, type Pool, type PoolUser } from './flow-cases';
import { call, type Caller, invitesReceived, type Kamailio, ports, register, type SippRun, startKamailio, stopAllSipp, uas, workDir } from './harness';

// Issue 14 item 3: the call-flow preview (lib/calls/preview.ts firstRung, one function of the
// database state) names who a call rings first, and Kamailio must agree. Each case puts a random
// configuration in the database (flow-cases.ts), asks the preview, then places a real carrier
// INVITE at the case's instant (the test clock) and sees who SIPp's phones, media server and
// carrier say received an INVITE of that call. The caller cancels on the first ringing
// (call-cancel.xml), so only the first party rings and every case lasts milliseconds whatever
// the ring times. One Kamailio; a fixed pool of phones registered once; two companies (Paris
// and New York time).

const SEED = Number(process.env.SIP_AGREEMENT_SEED ?? 20261202);
const CASES = Number(process.env.SIP_AGREEMENT_CASES ?? 60);
const figures: Record<string, string> = {};
const started = performance.now();
let conn: (Connection & { url?: string }) | undefined;
let kamailio: Kamailio | undefined;
const carrier: Caller = { username: '+14155550123', domain: '127.0.0.1', port: ports.carrier };
const pools: Pool[] = [];
/** SIP usernames with a registered phone (the preview's `registered`). */
const registered = new Set<string>();
const listeners: { run: SippRun; user?: PoolUser; what: 'phone' | 'media' | 'outside' }[] = [];

/**
 * A company with its admin (no phone) and six people on `from`..`from+5`: four with a phone
 * registered, one with SIP credentials and no phone registered, one without credentials.
 */
async function pool(country: 'FR' | 'US', name: string, from: number): Promise<Pool> {
  const { company, admin } = await signUpCompany({ companyName: name, country });
  const users: PoolUser[] = [];
  const adminPerson = await person(company.id, admin.id);
  users.push({ userId: admin.id, extensionId: adminPerson.extensionId, number: adminPerson.number, username: adminPerson.sip.username });
  const toRegister = [];
  for (let i = 0; i < 6; i++) {
    const number = String(from + i);
    const { user, extension } = await addMemberWithExtension(company.id, number, { firstName: 'P', lastName: number });
    if (i < 5) {
      const p = await person(company.id, user.id);
      users.push({ userId: user.id, extensionId: extension.id, number, username: p.sip.username });
      if (i < 4) toRegister.push(p);
    } else {
      users.push({ userId: user.id, extensionId: extension.id, number, username: user.sipUsername });
    }
  }
  const bridge = await addConference(company.id, '800');
  const [main] = await db().select().from(phoneNumbers).where(and(eq(phoneNumbers.companyId, company.id), eq(phoneNumbers.isMain, true)));
  const numbers = [main ?? (await addOwnedNumber(company.id, { country, isMain: true }))!];
  for (let i = 0; i < 3; i++) numbers.push((await addOwnedNumber(company.id, { country }))!);
  const [row] = await db().select({ timeZone: companies.timeZone }).from(companies).where(eq(companies.id, company.id));
  const answers = await register(toRegister.map(contact), { name: `register-${country}` });
  expect(answers.answers).toEqual(Array(toRegister.length).fill([401, 200]));
  for (const p of toRegister) {
    registered.add(p.sip.username);
    const user = users.find((u) => u.userId === p.userId)!;
    listeners.push({ run: uas(`phone-${p.number}`, ports.phone(p.number), 'ring'), user, what: 'phone' });
  }
  return {
    companyId: company.id,
    adminId: admin.id,
    timeZone: row!.timeZone,
    users,
    conference: { id: bridge!.id, number: bridge!.number },
    numbers: numbers.map((n) => ({ id: n.id, e164: n.e164 })),
  };
}

/** What the preview says, in the words the observation uses. */
function expected(rung: FirstRung, unassigned: boolean): string {
  if (rung.kind === 'phones') return `phones ${rung.sipUsernames.join(',')}`;
  if (rung.kind === 'voicemail') return `media vm-${rung.sipUsername}`;
  if (rung.kind === 'conference') return `media conf-${rung.extension}`;
  if (rung.kind === 'outside') return `outside ${rung.e164}`;
  // Nobody rings: an unassigned number is not found; any other dead end is unavailable.
  return `ends ${unassigned ? 404 : 480}`;
}

/** Who received an INVITE of this call (by its Call-ID): phones, else media or carrier, else the final answer. */
function observed(callId: string, status: number | undefined): string {
  const got = listeners.flatMap((l) =>
    invitesReceived(l.run)
      .filter((m) => m.header('Call-ID') === callId)
      .map((m) => ({ l, user: /^INVITE sip:([^@]+)@/.exec(m.firstLine)?.[1] ?? '?' })),
  );
  const phones = [...new Set(got.filter((g) => g.l.what === 'phone').map((g) => g.l.user!.username))].sort();
  const parts: string[] = [];
  if (phones.length > 0) parts.push(`phones ${phones.join(',')}`);
  for (const what of ['media', 'outside'] as const) {
    const users = [...new Set(got.filter((g) => g.l.what === what).map((g) => g.user))].sort();
    if (users.length > 0) parts.push(`${what} ${users.join(',')}`);
  }
  // Something rang: the caller cancelled it (487); nothing did: the proxy's own final answer.
  if (parts.length === 0 || status !== 487) parts.push(`ends ${status ?? 'none'}`);
  return parts.join(' + ');
}

beforeAll(async () => {
  let t = performance.now();
  conn = await createTestDatabase({ numbers: 5 });
  setConnection(conn);
  kamailio = await startKamailio({
    DATABASE_URL: conn.url!,
    SIP_LISTEN: `udp:127.0.0.1:${ports.kamailio}`,
    SIP_CARRIERS: `127.0.0.1:${ports.carrier}=FR`,
    SIP_CARRIER_URI: `sip:127.0.0.1:${ports.carrierOut}`,
    SIP_MEDIA_URI: `sip:127.0.0.1:${ports.media}`,
    SIP_AUTH_SECRET: 'switchboard-sip-suite',
  });
  figures['Kamailio start'] = ms(performance.now() - t);
  t = performance.now();
  listeners.push({ run: uas('media', ports.media, 'ring'), what: 'media' });
  listeners.push({ run: uas('carrier-out', ports.carrierOut, 'ring'), what: 'outside' });
  pools.push(await pool('FR', 'Accord SAS', 102), await pool('US', 'Agreement Inc', 112));
  figures['two companies, 8 phones registered'] = ms(performance.now() - t);
}, 120_000);

afterAll(async () => {
  await stopAllSipp();
  await kamailio?.stop();
  setConnection(undefined);
  await conn?.close();
  figures['agreement file'] = ms(performance.now() - started);
  console.log(`\nSIP preview-agreement figures (logs in ${workDir}):`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(48)} ${v}`);
}, 60_000);

it(`the preview names who rings first, as Kamailio rings them (${CASES} random cases, seed ${SEED})`, async () => {
  const r = rng(SEED);
  const t = performance.now();
  const results: { i: number; description: string; preview: string; kamailio: string }[] = [];
  const kinds = new Map<string, number>();
  const states = new Map<string, number>();
  for (let i = 0; i < CASES; i++) {
    const co = r.pick(pools);
    const c = await randomCase(r, co);
    // Before the call: a round-robin call moves the rotation on.
    const rung = await firstRung(db(), co.companyId, c.numberId, c.at, { registered });
    const simulated = await simulateCall(db(), co.companyId, c.numberId, c.at, { registered });
    const preview = expected(rung, simulated?.outcome.kind === 'ends' && simulated.outcome.reason === 'unassigned');
    const result = await call(carrier, c.e164, { at: c.at.toISOString(), scenario: 'call-cancel', timeoutS: 10, name: `case-${i}` });
    const callId = result.messages.find((m) => m.direction === 'sent' && m.method === 'INVITE')?.header('Call-ID') ?? '';
    // This call's own final answer (a late retransmission to the carrier port is another call's).
    const final = result.messages.filter((m) => m.direction === 'received' && m.status && m.status >= 200 && m.header('Call-ID') === callId && m.header('CSeq')?.endsWith('INVITE')).at(-1);
    const seen = observed(callId, final?.status);
    const state = simulated?.state ? `${simulated.schedule} ${simulated.state.state}` : 'no schedule';
    results.push({ i, description: `${state}; ${c.description}`, preview, kamailio: seen });
    states.set(state, (states.get(state) ?? 0) + 1);
    const kind = preview.split(' ')[0]!;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const agreements = results.filter((x) => x.preview === x.kamailio).length;
  figures['cases'] = ms(performance.now() - t);
  console.log(`\nPreview vs Kamailio (seed ${SEED}): ${results.length} cases, ${agreements} agreements`);
  console.log(`  first rung: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`  schedule state: ${[...states].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const disagreements = results.filter((x) => x.preview !== x.kamailio);
  for (const d of disagreements) console.log(`  case ${d.i}: preview "${d.preview}", Kamailio "${d.kamailio}"\n    ${d.description}`);
  if (process.env.SIP_TEST_VERBOSE) for (const x of results) console.log(`  ${x.i}: ${x.preview} | ${x.description}`);
  expect(results.length).toBeGreaterThanOrEqual(50);
  expect(disagreements).toEqual([]);
  // The cases reach phones and dead ends at least (the seed is fixed: the mix is too).
  expect(kinds.size).toBeGreaterThanOrEqual(3);
}, 120_000);
