import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db, setConnection } from '@/db';
import type { Connection } from '@/db/driver';
import { phoneNumbers } from '@/db/schema';
import { setMainNumber } from '@/lib/numbers/actions';
import { addUser } from '@/lib/team/actions';
import { createTestDatabase } from '../helpers/db';
import { act } from '../helpers/extensions';
import { signUpCompany } from '../helpers/factories';
import { userInput } from '../helpers/team';
import { translator } from '@/lib/i18n/messages';
import { registrationLabels, registrationsOf, usersWithoutPhone } from '@/lib/telephony/registrations';
import { callerOf, contact, ok, person, type Person } from './accounts';
import { call, invitesReceived, type Kamailio, ports, register, sipp, startKamailio, stopAllSipp } from './harness';

// Calls that leave the company: outside numbers (Office users only, with a caller ID the company
// owns) and the country's emergency and service codes (anyone, with the callback number and
// the location), all to the carrier of SIP_CARRIER_URI. Set up through the app's actions.

let conn: (Connection & { url?: string }) | undefined;
let kamailio: Kamailio | undefined;
const fr = { companyId: '', adminId: '', admin: undefined as unknown as Person, free: undefined as unknown as Person, direct: '' };
const us = { companyId: '', free: undefined as unknown as Person };
const be = { companyId: '', free: undefined as unknown as Person };

/** The carrier: answers `calls` INVITEs; returns what it received. */
function carrier(calls = 1) {
  return sipp({ scenario: 'answer', name: 'carrier-out', port: ports.carrierOut, calls, pauseMs: 50, timeoutS: 20 });
}

beforeAll(async () => {
  conn = await createTestDatabase({ numbers: 5 });
  setConnection(conn);
  const a = await signUpCompany({ companyName: 'Ouest SAS' });
  fr.companyId = a.company.id;
  fr.adminId = a.admin.id;
  // The admin is an Office user: their direct number came with the sign-up.
  fr.admin = await person(fr.companyId, a.admin.id);
  const [direct] = await db()
    .select({ e164: phoneNumbers.e164 })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.companyId, fr.companyId), eq(phoneNumbers.extensionId, fr.admin.extensionId)));
  fr.direct = direct!.e164;
  const member = ok(await act(addUser, fr.adminId, userInput({ extension: '102', licence: 'free', firstName: 'Fa', lastName: 'Free' })));
  fr.free = await person(fr.companyId, (member as { id: string }).id);

  const b = await signUpCompany({ companyName: 'Main Street Inc', country: 'US' });
  us.companyId = b.company.id;
  const usMember = ok(await act(addUser, b.admin.id, userInput({ extension: '102', licence: 'free', firstName: 'Uma', lastName: 'Free' })));
  us.free = await person(us.companyId, (usMember as { id: string }).id);

  // Belgium reserves every 1xx: the admin got 200, the member 201.
  const c = await signUpCompany({ companyName: 'Grand-Place SRL', country: 'BE' });
  be.companyId = c.company.id;
  const beMember = ok(await act(addUser, c.admin.id, userInput({ extension: '201', licence: 'free', firstName: 'Bea', lastName: 'Free' })));
  be.free = await person(be.companyId, (beMember as { id: string }).id);

  kamailio = await startKamailio({
    DATABASE_URL: conn.url!,
    SIP_LISTEN: `udp:127.0.0.1:${ports.kamailio}`,
    SIP_CARRIER_URI: `sip:127.0.0.1:${ports.carrierOut}`,
    SIP_AUTH_SECRET: 'switchboard-sip-suite',
  });
}, 120_000);

afterEach(() => stopAllSipp());

afterAll(async () => {
  await stopAllSipp();
  await kamailio?.stop();
  setConnection(undefined);
  await conn?.close();
}, 60_000);

describe('outside calls', () => {
  it("an Office user's national number reaches the carrier in E.164, as their direct number", async () => {
    const out = carrier();
    const result = await call(callerOf(fr.admin), '06 12 34 56 78'.replace(/ /g, ''));
    await out.done;
    expect(result.status).toBe(200);
    const [invite] = invitesReceived(out);
    expect(invite?.firstLine).toContain(`sip:+33612345678@127.0.0.1:${ports.carrierOut}`);
    // The phone claimed another identity (call.xml sends P-Preferred-Identity): only ours goes out.
    expect(invite?.header('P-Asserted-Identity')).toBe(`<sip:${fr.direct}@${fr.admin.sip.domain};user=phone>`);
    expect(invite?.header('P-Preferred-Identity')).toBeUndefined();
    expect(invite?.text).not.toContain('+33999999999');
  });

  it('00 and + forms are read as E.164 too', async () => {
    const out = carrier(2);
    expect((await call(callerOf(fr.admin), '0044201234567')).status).toBe(200);
    expect((await call(callerOf(fr.admin), '+14155550123')).status).toBe(200);
    await out.done;
    expect(invitesReceived(out).map((m) => m.firstLine.split(' ')[1])).toEqual([
      `sip:+44201234567@127.0.0.1:${ports.carrierOut}`,
      `sip:+14155550123@127.0.0.1:${ports.carrierOut}`,
    ]);
  });

  it('a Free user cannot call out: 403 with the reason, the carrier sees nothing', async () => {
    const out = carrier();
    const result = await call(callerOf(fr.free), '0612345678');
    await out.stop();
    expect(result.status).toBe(403);
    expect(result.final?.header('Reason')).toContain('Office licence');
    expect(invitesReceived(out)).toHaveLength(0);
  });
});

describe('emergency and service codes', () => {
  it('112 from a Free user reaches the carrier with the main number to call back and the location', async () => {
    ok(await act(setMainNumber, fr.adminId, { id: await numberId(fr.direct) }));
    const out = carrier();
    const result = await call(callerOf(fr.free), '112');
    await out.done;
    expect(result.status).toBe(200);
    const [invite] = invitesReceived(out);
    expect(invite?.firstLine).toContain(`sip:112@127.0.0.1:${ports.carrierOut}`);
    expect(invite?.header('P-Asserted-Identity')).toBe(`<sip:${fr.direct}@${fr.free.sip.domain};user=phone>`);
    expect(invite?.header('Geolocation')).toBe(`<urn:x-switchboard:location:${fr.companyId}>`);
    expect(invite?.header('Geolocation-Routing')).toBe('yes');
    expect(invite?.header('Priority')).toBe('emergency');
  });

  it("every reserved code of the country goes out, including a 116xxx number; another country's does not", async () => {
    const out = carrier(3);
    for (const code of ['15', '18', '116006']) expect({ code, status: (await call(callerOf(fr.free), code)).status }).toEqual({ code, status: 200 });
    await out.done;
    expect(invitesReceived(out)).toHaveLength(3);
    // 911 is not a French code: a Free French user dialling it gets no extension and no carrier.
    expect((await call(callerOf(fr.free), '911')).status).toBe(404);
  });

  it('911, 933 and 988 from a Free user of a US company reach the carrier; 933 as an emergency like 911, 988 not', async () => {
    const out = carrier(3);
    expect((await call(callerOf(us.free), '911')).status).toBe(200);
    expect((await call(callerOf(us.free), '933')).status).toBe(200);
    expect((await call(callerOf(us.free), '988')).status).toBe(200);
    await out.done;
    const invites = invitesReceived(out);
    expect(invites.map((m) => m.firstLine.split(' ')[1])).toEqual([
      `sip:911@127.0.0.1:${ports.carrierOut}`,
      `sip:933@127.0.0.1:${ports.carrierOut}`,
      `sip:988@127.0.0.1:${ports.carrierOut}`,
    ]);
    for (const invite of invites) expect(invite.header('Geolocation')).toBe(`<urn:x-switchboard:location:${us.companyId}>`);
    // The address readback test is routed exactly like 911; the crisis line is no emergency call.
    expect(invites.map((m) => m.header('Priority') ?? null)).toEqual(['emergency', 'emergency', null]);
  });

  it('any Belgian 1xx number reaches the carrier, only 101 and 112 as emergencies', async () => {
    const out = carrier(3);
    for (const code of ['101', '123', '112']) expect({ code, status: (await call(callerOf(be.free), code)).status }).toEqual({ code, status: 200 });
    await out.done;
    const invites = invitesReceived(out);
    expect(invites.map((m) => m.firstLine.split(' ')[1])).toEqual(['101', '123', '112'].map((c) => `sip:${c}@127.0.0.1:${ports.carrierOut}`));
    expect(invites.map((m) => m.header('Priority') ?? null)).toEqual(['emergency', null, 'emergency']);
  });

  it('a French service code (116006) goes out with the location but without emergency priority', async () => {
    const out = carrier();
    expect((await call(callerOf(fr.free), '116006')).status).toBe(200);
    await out.done;
    const [invite] = invitesReceived(out);
    expect(invite?.firstLine).toContain(`sip:116006@127.0.0.1:${ports.carrierOut}`);
    expect(invite?.header('Geolocation')).toBe(`<urn:x-switchboard:location:${fr.companyId}>`);
    expect(invite?.header('Priority')).toBeUndefined();
  });
});

describe('what the admin sees of registrations', () => {
  it("a registered phone shows with its user agent and since when; the others are the Review's test-call hint", async () => {
    const before = await usersWithoutPhone(db(), fr.companyId, 5);
    expect(before.count).toBe(2);
    const started = Date.now();
    expect((await register([contact(fr.admin)])).answers).toEqual([[401, 200]]);
    const registrations = await registrationsOf(db(), fr.companyId, [fr.admin.userId, fr.free.userId]);
    expect([...registrations.keys()]).toEqual([fr.admin.userId]);
    const mine = registrations.get(fr.admin.userId)!;
    expect(mine.userAgent).toBe('Switchboard SIP suite');
    expect(mine.contacts).toBe(1);
    expect(Math.abs(mine.since.getTime() - started)).toBeLessThan(5_000);
    expect(mine.expires.getTime()).toBeGreaterThan(Date.now());
    expect(await usersWithoutPhone(db(), fr.companyId, 5)).toEqual({ count: 1, names: ['Fa Free'] });
    // What the Team and Extensions cards print in each row.
    const labels = await registrationLabels(db(), fr.companyId, [fr.admin.userId, fr.free.userId], translator('fr'), 'fr');
    expect(labels[fr.admin.userId]).toEqual({ registered: true, label: expect.stringMatching(/^Enregistré : Switchboard SIP suite, depuis le \d/) });
    expect(labels[fr.free.userId]).toEqual({ registered: false, label: 'Aucun téléphone enregistré' });
    // Another company never sees it.
    expect((await registrationsOf(db(), us.companyId, [fr.admin.userId])).size).toBe(0);
  });

  it('a refreshed registration keeps its first time', async () => {
    const first = (await registrationsOf(db(), fr.companyId, [fr.admin.userId])).get(fr.admin.userId)!;
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await register([contact(fr.admin)], { name: 'refresh' })).answers).toEqual([[401, 200]]);
    const again = (await registrationsOf(db(), fr.companyId, [fr.admin.userId])).get(fr.admin.userId)!;
    expect(again.since).toEqual(first.since);
    expect(again.contacts).toBe(1);
  });
});

async function numberId(e164: string) {
  const [row] = await db().select({ id: phoneNumbers.id }).from(phoneNumbers).where(eq(phoneNumbers.e164, e164));
  return row!.id;
}
