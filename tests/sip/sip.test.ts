import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db, setConnection } from '@/db';
import type { Connection } from '@/db/driver';
import { phoneNumbers, sipCarriers, sipCredentials } from '@/db/schema';
import { createConference, createRingGroup, renumberExtension } from '@/lib/extensions/actions';
import { mapNumber } from '@/lib/numbers/actions';
import { addUser } from '@/lib/team/actions';
import { digestHashes } from '@/lib/telephony/credentials';
import { createTestDatabase } from '../helpers/db';
import { act, ringGroupInput } from '../helpers/extensions';
import { signUpCompany } from '../helpers/factories';
import { userInput } from '../helpers/team';
import { callerOf, contact, ms, ok, person, type Person } from './accounts';
import {
  call,
  type Caller,
  invitesReceived,
  type Kamailio,
  missingTools,
  phone,
  ports,
  register,
  ROOT,
  sipp,
  startKamailio,
  stopAllSipp,
  workDir,
} from './harness';

// What a caller gets from Kamailio (telephony/kamailio.cfg) reading a configuration made with
// the app's own actions. Every check drives real SIP through SIPp; timings come from SIPp's
// message logs. Needs kamailio, sipp and TEST_DATABASE_URL (a PostgreSQL server it may create
// databases on); see telephony/README.md.

const missing = missingTools();
if (missing.length || !process.env.TEST_DATABASE_URL) {
  throw new Error(
    `The SIP suite needs ${[...missing, ...(process.env.TEST_DATABASE_URL ? [] : ['TEST_DATABASE_URL'])].join(' and ')}: ` +
      'apt-get install kamailio kamailio-postgres-modules sip-tester, and TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test',
  );
}

const RING_SECONDS = 5;
// tm's timers tick every 1/16 s: a ring time ends within one tick of its nominal length.
const TIMER_SLACK = 100;
const figures: Record<string, string> = {};
const suiteStarted = performance.now();

let conn: (Connection & { url?: string }) | undefined;
let kamailio: Kamailio | undefined;
let kamailio2: Kamailio | undefined;
const acme: { companyId: string; adminId: string; domain: string; people: Record<string, Person>; groups: Record<string, string> } = {
  companyId: '',
  adminId: '',
  domain: '',
  people: {},
  groups: {},
};
const beta: { companyId: string; adminId: string; domain: string; admin?: Person; member?: Person } = {
  companyId: '',
  adminId: '',
  domain: '',
};

async function addPerson(number: string, licence: 'free' | 'office' = 'free') {
  const data = ok(
    await act(addUser, acme.adminId, userInput({ extension: number, licence, phone: licence === 'office' ? 'app' : '', firstName: 'P', lastName: number })),
  );
  acme.people[number] = await person(acme.companyId, (data as { id: string }).id);
}

const admin = () => callerOf(acme.people['101']);
const carrier: Caller = { username: '+14155550123', domain: '127.0.0.1', port: ports.carrier };

beforeAll(async () => {
  let t = performance.now();
  conn = await createTestDatabase({ numbers: 5 });
  setConnection(conn);
  figures['database (migrated, inventory)'] = ms(performance.now() - t);

  t = performance.now();
  const a = await signUpCompany({ companyName: 'Acme SAS' });
  acme.companyId = a.company.id;
  acme.adminId = a.admin.id;
  acme.domain = a.company.sipDomain;
  acme.people['101'] = await person(acme.companyId, a.admin.id);
  await addPerson('102', 'office');
  for (const n of ['103', '104', '105', '106', '107']) await addPerson(n);
  const p = acme.people;
  const members = (...numbers: string[]) => numbers.map((n) => ({ userId: p[n].userId, ringSeconds: RING_SECONDS }));
  const group = async (extension: string, input: Parameters<typeof ringGroupInput>[1]) => {
    const data = ok(await act(createRingGroup, acme.adminId, ringGroupInput([], { name: `G${extension}`, extension, ...input })));
    acme.groups[extension] = (data as { id: string }).id;
  };
  await group('500', {
    strategy: 'simultaneous',
    members: members('102', '103', '104'),
    noAnswer: { kind: 'extension', extensionId: p['105'].extensionId },
  });
  await group('501', {
    strategy: 'sequential',
    members: members('103', '104'),
    noAnswer: { kind: 'extension', extensionId: p['105'].extensionId },
  });
  await group('502', {
    strategy: 'round_robin',
    members: members('102', '103', '104'),
    noAnswer: { kind: 'extension', extensionId: p['105'].extensionId },
  });
  // Nobody registered (106 never is): straight to the voicemail of 106.
  await group('503', { strategy: 'sequential', members: members('106'), noAnswer: { kind: 'voicemail', userId: p['106'].userId } });
  ok(await act(createConference, acme.adminId, { name: 'Board', extension: '800' }));

  const b = await signUpCompany({ companyName: 'Beta SARL' });
  beta.companyId = b.company.id;
  beta.adminId = b.admin.id;
  beta.domain = b.company.sipDomain;
  beta.admin = await person(beta.companyId, b.admin.id);
  const member = ok(await act(addUser, beta.adminId, userInput({ extension: '160', firstName: 'B', lastName: '160' })));
  beta.member = await person(beta.companyId, (member as { id: string }).id);
  figures['configuration through the actions'] = ms(performance.now() - t);

  // A carrier trusted by a row of sip.carriers (platform configuration, not company data).
  await db().insert(sipCarriers).values({ name: 'Table carrier', address: '127.0.0.1', port: ports.tableCarrier, country: 'FR' });

  kamailio = await startKamailio({
    DATABASE_URL: conn.url!,
    SIP_LISTEN: `udp:127.0.0.1:${ports.kamailio}`,
    SIP_CARRIERS: `127.0.0.1:${ports.carrier}=FR`,
    SIP_AUTH_SECRET: 'switchboard-sip-suite',
  });
  figures['Kamailio start'] = ms(kamailio.startedInMs);
}, 120_000);

afterEach(() => stopAllSipp());

afterAll(async () => {
  await stopAllSipp();
  // Kamailio holds connections to the database: stop it before the database is dropped.
  await kamailio2?.stop();
  await kamailio?.stop();
  setConnection(undefined);
  await conn?.close();
  figures['whole suite'] = ms(performance.now() - suiteStarted);
  console.log(`\nSIP suite figures (logs in ${workDir}):`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(48)} ${v}`);
}, 60_000);

describe('configuration', () => {
  it('kamailio -c accepts telephony/kamailio.cfg', () => {
    const out = execFileSync('kamailio', ['-c', '-f', path.join(ROOT, 'telephony/kamailio.cfg')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toContain('Listening on');
  });

  it('each company has its own SIP domain, derived from its name', () => {
    expect(acme.domain).toBe('acme-sas.sip.switchboard.test');
    expect(beta.domain).toBe('beta-sarl.sip.switchboard.test');
    expect(acme.people['102'].sip.username).toMatch(/^u[0-9a-f]{12}$/);
  });

  it('two companies of the same name signing up at once get two domains', async () => {
    const [x, y] = await Promise.all([signUpCompany({ companyName: 'Gamma SA' }), signUpCompany({ companyName: 'Gamma SA' })]);
    expect([x.company.sipDomain, y.company.sipDomain].sort()).toEqual(['gamma-sa-2.sip.switchboard.test', 'gamma-sa.sip.switchboard.test']);
  });

  it('only the HA1 hashes of a SIP password are stored', async () => {
    const p = acme.people['102'];
    const [row] = await db().select().from(sipCredentials).where(eq(sipCredentials.userId, p.userId));
    expect(row).toEqual({ userId: p.userId, ...digestHashes(p.sip.username, p.sip.domain, p.sip.password), updatedAt: expect.any(Date) });
    expect(JSON.stringify(row)).not.toContain(p.sip.password);
  });
});

describe('registration', () => {
  it('the right password registers (401, then 200) for every phone of the suite', async () => {
    const t = performance.now();
    const p = acme.people;
    const result = await register([contact(p['102']), contact(p['103']), contact(p['104']), contact(p['105']), contact(p['107'])]);
    figures['5 registrations'] = ms(performance.now() - t);
    expect(result.answers).toEqual(Array(5).fill([401, 200]));
    expect(result.code).toBe(0);
  });

  it('a wrong password gets 401, then 403', async () => {
    const p = acme.people['106'];
    const result = await register([{ ...contact(p), password: 'not-the-password' }], { name: 'register-wrong' });
    expect(result.answers).toEqual([[401, 403]]);
  });

  it("another company's password is refused (403)", async () => {
    // Acme's user with Acme's password, registering in Beta's domain; and Beta's user with Acme's password.
    const p = acme.people['106'];
    const foreign = await register(
      [
        { ...contact(p), domain: beta.domain },
        { username: beta.member!.sip.username, domain: beta.domain, password: p.sip.password, contactPort: ports.phone('160') },
      ],
      { name: 'register-foreign' },
    );
    expect(foreign.answers).toEqual([
      [401, 403],
      [401, 403],
    ]);
  });
});

describe('extension to extension', () => {
  it('101 calls 102: answered through the proxy', async () => {
    const callee = phone('102', 'answer');
    const result = await call(admin(), '102');
    await callee.done;
    expect(result.status).toBe(200);
    const [invite] = invitesReceived(callee);
    expect(invite?.header('Record-Route')).toContain(`127.0.0.1:${ports.kamailio}`);
    expect(invite?.header('From')).toContain(acme.people['101'].sip.username);
    figures['101 -> 102 answered, INVITE to phone'] = ms(invite.at - result.sentAt);
  });

  it("dialled at the proxy's own address, an extension is the caller's company's", async () => {
    const callee = phone('102', 'answer');
    const result = await call(admin(), '102', { requestDomain: `127.0.0.1:${ports.kamailio}` });
    await callee.done;
    expect(result.status).toBe(200);
    expect(invitesReceived(callee)).toHaveLength(1);
  });

  it('an unregistered extension gets 480', async () => {
    expect((await call(admin(), '106')).status).toBe(480);
  });

  it('an unknown extension gets 404', async () => {
    expect((await call(admin(), '199')).status).toBe(404);
  });

  it("an extension of another company gets 404, dialled plainly or in that company's domain", async () => {
    expect((await call(admin(), '160')).status).toBe(404);
    expect((await call(admin(), '101', { requestDomain: beta.domain })).status).toBe(404);
  });

  it('a call without the right password is refused', async () => {
    const wrong = { ...admin(), password: 'nope' };
    expect((await call(wrong, '102')).status).toBe(403);
  });

  it('renumbering keeps the phone and its password: the new number rings it, the old one is 404', async () => {
    ok(await act(renumberExtension, acme.adminId, { id: acme.people['107'].extensionId, extension: '127' }));
    const callee = phone('107', 'answer');
    const result = await call(admin(), '127');
    await callee.done;
    expect(result.status).toBe(200);
    expect(invitesReceived(callee)).toHaveLength(1);
    expect((await call(admin(), '107')).status).toBe(404);
  });
});

describe('ring groups', () => {
  it('simultaneous: every member rings within 50 ms; one answers, the others are cancelled', async () => {
    const answering = phone('102', 'answer', { answerAfterMs: 500 });
    const ringing = [phone('103', 'ring'), phone('104', 'ring')];
    const result = await call(admin(), '500');
    await Promise.all([answering.done, ...ringing.map((r) => r.done)]);
    expect(result.status).toBe(200);
    const arrivals = [answering, ...ringing].map((r) => invitesReceived(r)[0]?.at);
    expect(arrivals.every((a) => Number.isFinite(a))).toBe(true);
    const spread = Math.max(...arrivals) - Math.min(...arrivals);
    figures['simultaneous: spread of the 3 INVITEs'] = `${spread.toFixed(2)} ms`;
    expect(spread).toBeLessThan(50);
    for (const r of ringing) expect(r.messages().some((m) => m.direction === 'received' && m.method === 'CANCEL')).toBe(true);
  });

  it('simultaneous, nobody answers: the no-answer extension rings after the ring time', async () => {
    const ringing = [phone('102', 'ring'), phone('103', 'ring'), phone('104', 'ring')];
    const target = phone('105', 'answer');
    const result = await call(admin(), '500');
    await Promise.all([target.done, ...ringing.map((r) => r.done)]);
    expect(result.status).toBe(200);
    const first = Math.min(...ringing.map((r) => invitesReceived(r)[0].at));
    const after = invitesReceived(target)[0].at - first;
    figures[`simultaneous -> no-answer target (ring ${RING_SECONDS} s)`] = ms(after);
    expect(after).toBeGreaterThanOrEqual(RING_SECONDS * 1000 - TIMER_SLACK);
    expect(after).toBeLessThan(RING_SECONDS * 1000 + 600);
  });

  it('sequential: each member for their ring time, then the next, then the no-answer target', async () => {
    const first = phone('103', 'ring');
    const second = phone('104', 'ring');
    const target = phone('105', 'answer');
    const others = phone('102', 'answer');
    const result = await call(admin(), '501', { timeoutS: 40 });
    await Promise.all([first.done, second.done, target.done]);
    await others.stop();
    expect(result.status).toBe(200);
    const t1 = invitesReceived(first)[0].at;
    const t2 = invitesReceived(second)[0].at;
    const t3 = invitesReceived(target)[0].at;
    figures['sequential: 103 -> 104'] = ms(t2 - t1);
    figures['sequential: 104 -> no-answer target 105'] = ms(t3 - t2);
    for (const gap of [t2 - t1, t3 - t2]) {
      expect(gap).toBeGreaterThanOrEqual(RING_SECONDS * 1000 - TIMER_SLACK);
      expect(gap).toBeLessThan(RING_SECONDS * 1000 + 600);
    }
    expect(invitesReceived(others)).toHaveLength(0);
  });

  it('round robin: each call starts after the member who was tried first last time', async () => {
    const firsts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const phones = ['102', '103', '104'].map((n) => ({ n, run: phone(n, 'answer') }));
      const result = await call(admin(), '502');
      expect(result.status).toBe(200);
      const rang = [];
      for (const { n, run } of phones) {
        await run.stop();
        if (invitesReceived(run).length) rang.push(n);
      }
      expect(rang).toHaveLength(1);
      firsts.push(rang[0]);
    }
    figures['round robin: first member of 4 calls'] = firsts.join(', ');
    expect(firsts).toEqual(['102', '103', '104', '102']);
  });

  it('round robin hunts on: the starting member does not answer, the next one does', async () => {
    // The state says 102 started last: 103 is first now, for its ring time, then 104.
    const first = phone('103', 'ring');
    const second = phone('104', 'answer');
    const result = await call(admin(), '502');
    await Promise.all([first.done, second.done]);
    expect(result.status).toBe(200);
    const gap = invitesReceived(second)[0].at - invitesReceived(first)[0].at;
    figures['round robin: 103 -> 104'] = ms(gap);
    expect(gap).toBeGreaterThanOrEqual(RING_SECONDS * 1000 - TIMER_SLACK);
  });

  it('voicemail and conference targets without a media server: 480 with a Reason header', async () => {
    const vm = await call(admin(), '503');
    expect(vm.status).toBe(480);
    expect(vm.final?.header('Reason')).toContain('No media server for voicemail');
    const conference = await call(admin(), '800');
    expect(conference.status).toBe(480);
    expect(conference.final?.header('Reason')).toContain('No media server for conference');
  });
});

describe('numbers from the carrier', () => {
  let number: { id: string; e164: string; national: string };

  beforeAll(async () => {
    // 102 is an Office user: their direct number came with them.
    const [row] = await db()
      .select({ id: phoneNumbers.id, e164: phoneNumbers.e164, national: phoneNumbers.national })
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.companyId, acme.companyId), eq(phoneNumbers.extensionId, acme.people['102'].extensionId)));
    number = row;
  });

  it("reaches the mapped user in E.164, 00 and national forms", async () => {
    for (const dialled of [number.e164, `00${number.e164.slice(1)}`, number.national]) {
      const callee = phone('102', 'answer');
      const result = await call(carrier, dialled);
      await callee.done;
      expect({ dialled, status: result.status }).toEqual({ dialled, status: 200 });
      expect(invitesReceived(callee)).toHaveLength(1);
    }
  });

  it('a carrier trusted by a sip.carriers row is let in too', async () => {
    const callee = phone('102', 'answer');
    const result = await call({ ...carrier, port: ports.tableCarrier }, number.e164);
    await callee.done;
    expect(result.status).toBe(200);
  });

  it('remapped to a ring group with the mapNumber action, the next call rings the group', async () => {
    ok(await act(mapNumber, acme.adminId, { id: number.id, extensionId: acme.groups['500'] }));
    const phones = [phone('102', 'ring'), phone('103', 'ring'), phone('104', 'answer', { answerAfterMs: 300 })];
    const result = await call(carrier, number.e164);
    await Promise.all(phones.map((r) => r.done));
    expect(result.status).toBe(200);
    for (const r of phones) expect(invitesReceived(r)).toHaveLength(1);
  });

  it('unassigned, unowned and malformed numbers get 404', async () => {
    ok(await act(mapNumber, acme.adminId, { id: number.id, extensionId: '' }));
    expect((await call(carrier, number.e164)).status).toBe(404);
    expect((await call(carrier, '+33999999999')).status).toBe(404);
    // SQL metacharacters in the dialled number are only data (the quoting of every SQL value).
    expect((await call(carrier, "0142'or'1'='1")).status).toBe(404);
    ok(await act(mapNumber, acme.adminId, { id: number.id, extensionId: acme.people['102'].extensionId }));
  });

  it('the same INVITE from an untrusted address gets 403', async () => {
    const callee = phone('102', 'answer');
    const result = await call({ ...carrier, port: ports.untrusted }, number.e164);
    await callee.stop();
    expect(result.status).toBe(403);
    expect(invitesReceived(callee)).toHaveLength(0);
  });
});

describe('a second Kamailio on the same database, with a media server', () => {
  beforeAll(async () => {
    kamailio2 = await startKamailio({
      DATABASE_URL: conn!.url!,
      SIP_LISTEN: `udp:127.0.0.1:${ports.kamailio2}`,
      SIP_MEDIA_URI: `sip:127.0.0.1:${ports.media}`,
      SIP_SERVER_ID: '2',
      SIP_AUTH_SECRET: 'switchboard-sip-suite',
    });
    figures['second Kamailio start'] = ms(kamailio2.startedInMs);
  }, 30_000);

  it('reaches a phone registered through the first one', async () => {
    const callee = phone('102', 'answer');
    const result = await call(admin(), '102', { proxy: ports.kamailio2 });
    await callee.done;
    expect(result.status).toBe(200);
    expect(invitesReceived(callee)[0]?.header('Record-Route')).toContain(`127.0.0.1:${ports.kamailio2}`);
  });

  it("sends a group's voicemail and a conference bridge to the media server", async () => {
    const media = sipp({ scenario: 'answer', name: 'media', port: ports.media, calls: 2, pauseMs: 100, timeoutS: 20 });
    expect((await call(admin(), '503', { proxy: ports.kamailio2 })).status).toBe(200);
    expect((await call(admin(), '800', { proxy: ports.kamailio2 })).status).toBe(200);
    await media.done;
    const [vm, conference] = invitesReceived(media);
    expect(vm.firstLine).toContain(`sip:vm-${acme.people['106'].sip.username}@127.0.0.1:${ports.media}`);
    expect(conference.firstLine).toContain(`sip:conf-800@127.0.0.1:${ports.media}`);
    expect(vm.header('X-Switchboard-Domain')).toBe(acme.domain);
  });
});
