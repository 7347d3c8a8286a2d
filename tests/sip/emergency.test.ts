import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db, setConnection } from '@/db';
import type { Connection } from '@/db/driver';
import { emergencyCalls, outbox, phoneNumbers } from '@/db/schema';
import { saveCompanyDetails } from '@/lib/company/actions';
import { addEmergencyRecipient } from '@/lib/emergency/actions';
import { addUser } from '@/lib/team/actions';
import { createTestDatabase } from '../helpers/db';
import { act } from '../helpers/extensions';
import { signUpCompany } from '../helpers/factories';
import { userInput } from '../helpers/team';
import { callerOf, ok, person, type Person } from './accounts';
import { call, invitesReceived, type Kamailio, ports, sipp, startKamailio, stopAllSipp } from './harness';

// Issue 14, Kari's Law: an emergency call through Kamailio goes to the carrier exactly as before,
// and is then recorded (emergency_calls) with an e-mail per recipient queued in the outbox.

let conn: (Connection & { url?: string }) | undefined;
let kamailio: Kamailio | undefined;
const us = { companyId: '', admin: undefined as unknown as Person, direct: '', domain: '' };
const fr = { companyId: '', free: undefined as unknown as Person };
const US_LOCATION = '350 Fifth Avenue, Suite 3300, New York, NY 10118, US';

function carrier(calls = 1) {
  return sipp({ scenario: 'answer', name: 'carrier-emergency', port: ports.carrierOut, calls, pauseMs: 50, timeoutS: 20 });
}

/** Polls until `read` returns something non-empty, for at most `ms`. */
async function within<T>(ms: number, read: () => Promise<T[]>): Promise<T[]> {
  const end = Date.now() + ms;
  for (;;) {
    const rows = await read();
    if (rows.length > 0 || Date.now() > end) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}
const callsOf = (companyId: string) => db().select().from(emergencyCalls).where(eq(emergencyCalls.companyId, companyId));
const emergencyMail = (companyId: string) =>
  db().select().from(outbox).where(and(eq(outbox.companyId, companyId), eq(outbox.kind, 'emergency_call'))).orderBy(outbox.toEmail);

beforeAll(async () => {
  conn = await createTestDatabase({ numbers: 5 });
  setConnection(conn);
  const a = await signUpCompany({ companyName: 'Main Street Inc', country: 'US' });
  us.companyId = a.company.id;
  us.domain = a.company.sipDomain;
  ok(
    await act(saveCompanyDetails, a.admin.id, {
      name: 'Main Street Inc', country: 'US', timeZone: 'America/New_York', locale: 'en', extensionLength: '3',
      street: '350 Fifth Avenue, Suite 3300', city: 'New York', postalCode: '10118', region: 'NY', addressCountry: 'US',
    }),
  );
  for (const email of ['front-desk@example.com', 'security@example.com']) ok(await act(addEmergencyRecipient, a.admin.id, { email }));
  // The admin is an Office user with the direct number of the sign-up: their callback number.
  us.admin = await person(us.companyId, a.admin.id);
  const [direct] = await db()
    .select({ e164: phoneNumbers.e164 })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.companyId, us.companyId), eq(phoneNumbers.extensionId, us.admin.extensionId)));
  us.direct = direct!.e164;

  const b = await signUpCompany({ companyName: 'Rivoli SAS' });
  fr.companyId = b.company.id;
  const member = ok(await act(addUser, b.admin.id, userInput({ extension: '102', licence: 'free', firstName: 'Fa', lastName: 'Free' })));
  fr.free = await person(fr.companyId, (member as { id: string }).id);

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

describe("emergency calls (Kari's Law)", () => {
  it('911 from a US user reaches the carrier as before, then the call and one e-mail per recipient are in the database within seconds', async () => {
    const out = carrier();
    const result = await call(callerOf(us.admin), '911');
    await out.done;
    expect(result.status).toBe(200);
    const [invite] = invitesReceived(out);
    expect(invite?.firstLine).toContain(`sip:911@127.0.0.1:${ports.carrierOut}`);
    expect(invite?.header('P-Asserted-Identity')).toBe(`<sip:${us.direct}@${us.domain};user=phone>`);
    expect(invite?.header('Geolocation')).toBe(`<urn:x-switchboard:location:${us.companyId}>`);
    expect(invite?.header('Priority')).toBe('emergency');
    expect(invite?.header('P-Preferred-Identity')).toBeUndefined();

    const calls = await within(3_000, () => callsOf(us.companyId));
    expect(calls).toEqual([
      expect.objectContaining({
        callerUserId: us.admin.userId,
        callerName: 'Ada Admin',
        callerUsername: us.admin.sip.username,
        callerExtension: us.admin.number,
        dialled: '911',
        callbackNumber: us.direct,
        location: US_LOCATION,
      }),
    ]);
    // Recorded after the INVITE went out, and within a few seconds of it.
    const sentToCarrier = invite!.at;
    expect(calls[0]!.calledAt.getTime()).toBeGreaterThanOrEqual(Math.floor(sentToCarrier) - 1_000);
    expect(calls[0]!.calledAt.getTime() - result.sentAt).toBeLessThan(3_000);

    const mail = await emergencyMail(us.companyId);
    expect(mail.map((m) => [m.toEmail, m.status])).toEqual([
      ['front-desk@example.com', 'pending'],
      ['security@example.com', 'pending'],
    ]);
    for (const m of mail) {
      expect(m.subject).toBe(`Emergency call to 911: Ada Admin, extension ${us.admin.number}`);
      expect(m.bodyText).toContain(`Callback number: ${us.direct}`);
      expect(m.bodyText).toContain(`Location: ${US_LOCATION}`);
      expect(m.bodyText).toMatch(/Time: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(America\/New_York\)/);
    }
  });

  it("a French company's 112 is recorded too, with no e-mail since it has no recipient", async () => {
    const out = carrier();
    expect((await call(callerOf(fr.free), '112')).status).toBe(200);
    await out.done;
    expect(invitesReceived(out)[0]?.header('Priority')).toBe('emergency');
    const calls = await within(3_000, () => callsOf(fr.companyId));
    expect(calls).toEqual([expect.objectContaining({ dialled: '112', callerName: 'Fa Free', callerExtension: '102', location: null })]);
    expect(await emergencyMail(fr.companyId)).toEqual([]);
  });

  it('a service code (988) is not recorded; a recording that fails never stops an emergency call', async () => {
    const before = (await callsOf(us.companyId)).length;
    const out = carrier(2);
    expect((await call(callerOf(us.admin), '988')).status).toBe(200);
    // The recording function gone (a broken migration, a missing grant): 933 still goes out.
    await db().execute(sql`alter function sip.record_emergency_call(text, text, text, text) rename to record_emergency_call_away`);
    try {
      expect((await call(callerOf(us.admin), '933')).status).toBe(200);
    } finally {
      await db().execute(sql`alter function sip.record_emergency_call_away(text, text, text, text) rename to record_emergency_call`);
    }
    await out.done;
    const invites = invitesReceived(out);
    expect(invites.map((m) => [m.firstLine.split(' ')[1], m.header('Priority') ?? null])).toEqual([
      [`sip:988@127.0.0.1:${ports.carrierOut}`, null],
      [`sip:933@127.0.0.1:${ports.carrierOut}`, 'emergency'],
    ]);
    expect(invites[1]?.header('P-Asserted-Identity')).toBe(`<sip:${us.direct}@${us.domain};user=phone>`);
    expect(await callsOf(us.companyId)).toHaveLength(before);
  });
});
