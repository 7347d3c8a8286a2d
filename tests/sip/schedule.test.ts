import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db, setConnection } from '@/db';
import type { Connection } from '@/db/driver';
import { phoneNumbers } from '@/db/schema';
import { addClosure, saveBusinessHours, setHolidayCalendar, setHolidayEnabled, setStateTargets } from '@/lib/calls/actions';
import { stateAt } from '@/lib/calls/schedule';
import { findSchedule, scheduleOf } from '@/lib/calls/store';
import { WEEKDAYS } from '@/lib/calls/time';
import { addUser } from '@/lib/team/actions';
import { createTestDatabase } from '../helpers/db';
import { act } from '../helpers/extensions';
import { signUpCompany } from '../helpers/factories';
import { userInput } from '../helpers/team';
import { contact, ms, ok, person, type Person } from './accounts';
import { call, type Caller, invitesReceived, type Kamailio, phone, ports, register, sipp, startKamailio, stopAllSipp, workDir } from './harness';

// Call handling at call time: a carrier call to a number reaches the open, closed or holiday
// target of its schedule (sip.call_route, migration 0012), in the company's time zone. The
// instant comes from the test clock (X-Switchboard-Test-Time, SIP_TEST_CLOCK=true); a second
// Kamailio without it shows the header is ignored. Configured through the Call handling actions.

const figures: Record<string, string> = {};
const started = performance.now();
let conn: (Connection & { url?: string }) | undefined;
let kamailio: Kamailio | undefined;
let noClock: Kamailio | undefined;
const carrier: Caller = { username: '+14155550123', domain: '127.0.0.1', port: ports.carrier };
const EVERY_DAY = (start: string, end: string) => JSON.stringify(Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start, end }]])));

type Co = { companyId: string; adminId: string; people: Record<string, Person>; main: string; direct: Record<string, string> };
const fr: Co = { companyId: '', adminId: '', people: {}, main: '', direct: {} };
const us: Co = { companyId: '', adminId: '', people: {}, main: '', direct: {} };

async function company(co: Co, country: 'FR' | 'US', name: string, extensions: { number: string; licence: 'free' | 'office' }[]) {
  const a = await signUpCompany({ companyName: name, country });
  co.companyId = a.company.id;
  co.adminId = a.admin.id;
  co.people['101'] = await person(co.companyId, a.admin.id);
  for (const e of extensions) {
    const data = ok(
      await act(addUser, co.adminId, userInput({ extension: e.number, licence: e.licence, phone: e.licence === 'office' ? 'app' : '', firstName: 'P', lastName: e.number })),
    );
    co.people[e.number] = await person(co.companyId, (data as { id: string }).id);
  }
  for (const [n, p] of Object.entries(co.people)) {
    const [row] = await db().select({ id: phoneNumbers.id, e164: phoneNumbers.e164 }).from(phoneNumbers).where(and(eq(phoneNumbers.companyId, co.companyId), eq(phoneNumbers.extensionId, p.extensionId)));
    if (row) co.direct[n] = row.id;
    if (n === '101') co.main = row!.e164;
  }
}

const target = (co: Co, n: string) => `extension:${co.people[n]!.extensionId}`;

/** A carrier call to `e164` at `at` (test clock): which of `phones` rang (each answers). */
async function rings(e164: string, at: string | undefined, phones: string[], proxy = ports.kamailio) {
  const runs = phones.map((n) => ({ n, run: phone(n, 'answer') }));
  const result = await call(carrier, e164, { at, proxy, name: `carrier-${at ?? 'now'}` });
  const rang: string[] = [];
  for (const { n, run } of runs) {
    await run.stop();
    if (invitesReceived(run).length > 0) rang.push(n);
  }
  const invites = runs.flatMap(({ run }) => invitesReceived(run));
  return { status: result.status, rang, invites, final: result.final };
}

beforeAll(async () => {
  let t = performance.now();
  conn = await createTestDatabase({ numbers: 5 });
  setConnection(conn);
  await company(fr, 'FR', 'Horaires SAS', [
    { number: '102', licence: 'office' },
    { number: '103', licence: 'free' },
    { number: '104', licence: 'free' },
  ]);
  await company(us, 'US', 'Hours Inc', [
    { number: '112', licence: 'free' },
    { number: '113', licence: 'free' },
  ]);
  // Every day 09:00-18:00 (the daylight-saving changes of 2026 fall on Sundays), France's
  // holidays: open 102, closed 103, holiday 104. New York: open 112, closed 113, holiday 113's voicemail.
  ok(await act(saveBusinessHours, fr.adminId, { week: EVERY_DAY('09:00', '18:00') }));
  ok(await act(setHolidayCalendar, fr.adminId, { calendar: 'FR' }));
  ok(await act(setStateTargets, fr.adminId, { open: target(fr, '102'), closed: target(fr, '103'), holiday: target(fr, '104') }));
  ok(await act(saveBusinessHours, us.adminId, { week: EVERY_DAY('09:00', '18:00') }));
  ok(await act(setHolidayCalendar, us.adminId, { calendar: 'US' }));
  ok(await act(setStateTargets, us.adminId, { open: target(us, '112'), closed: target(us, '113'), holiday: `voicemail:${us.people['113']!.userId}` }));
  figures['configuration through the actions'] = ms(performance.now() - t);

  t = performance.now();
  kamailio = await startKamailio({
    DATABASE_URL: conn.url!,
    SIP_LISTEN: `udp:127.0.0.1:${ports.kamailio}`,
    SIP_CARRIERS: `127.0.0.1:${ports.carrier}=FR`,
    SIP_CARRIER_URI: `sip:127.0.0.1:${ports.carrierOut}`,
    SIP_AUTH_SECRET: 'switchboard-sip-suite',
  });
  noClock = await startKamailio({
    DATABASE_URL: conn.url!,
    SIP_LISTEN: `udp:127.0.0.1:${ports.kamailio2}`,
    SIP_CARRIERS: `127.0.0.1:${ports.carrier}=FR`,
    SIP_SERVER_ID: '2',
    SIP_AUTH_SECRET: 'switchboard-sip-suite',
    SIP_TEST_CLOCK: 'false',
  });
  figures['two Kamailio starts'] = ms(performance.now() - t);
  const phones = [...['102', '103', '104'].map((n) => contact(fr.people[n]!)), ...['112', '113'].map((n) => contact(us.people[n]!))];
  expect((await register(phones)).answers).toEqual(Array(5).fill([401, 200]));
}, 120_000);

afterEach(() => stopAllSipp());

afterAll(async () => {
  await stopAllSipp();
  await noClock?.stop();
  await kamailio?.stop();
  setConnection(undefined);
  await conn?.close();
  figures['schedule file'] = ms(performance.now() - started);
  console.log(`\nSIP schedule figures (logs in ${workDir}):`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(48)} ${v}`);
}, 60_000);

const FR_PHONES = ['102', '103', '104'];

describe('a number follows the company schedule', () => {
  it('open during hours, closed at night (Paris time); the test header is not passed on', async () => {
    const t = performance.now();
    const open = await rings(fr.main, '2026-12-08T09:00:00Z', FR_PHONES);
    figures['carrier call routed by schedule, to the phone'] = ms(performance.now() - t);
    expect(open).toMatchObject({ status: 200, rang: ['102'] });
    expect(open.invites[0]?.header('X-Switchboard-Test-Time')).toBeUndefined();
    expect(await rings(fr.main, '2026-12-08T21:00:00Z', FR_PHONES)).toMatchObject({ status: 200, rang: ['103'] });
    // 17:59 Paris is open, 18:00 closed (the end is excluded).
    expect((await rings(fr.main, '2026-12-08T16:59:00Z', FR_PHONES)).rang).toEqual(['102']);
    expect((await rings(fr.main, '2026-12-08T17:00:00Z', FR_PHONES)).rang).toEqual(['103']);
  });

  it('a closure day is closed during its hours', async () => {
    ok(await act(addClosure, fr.adminId, { label: 'Inventaire', from: '2026-12-09', to: '' }));
    expect((await rings(fr.main, '2026-12-09T09:00:00Z', FR_PHONES)).rang).toEqual(['103']);
    expect((await rings(fr.main, '2026-12-10T09:00:00Z', FR_PHONES)).rang).toEqual(['102']);
  });

  it('a holiday of the chosen calendar rings the holiday target, and the open one once switched off', async () => {
    expect((await rings(fr.main, '2026-12-25T09:00:00Z', FR_PHONES)).rang).toEqual(['104']);
    // 14 July in the morning (Paris): holiday before the hours too.
    expect((await rings(fr.main, '2026-07-14T05:00:00Z', FR_PHONES)).rang).toEqual(['104']);
    ok(await act(setHolidayEnabled, fr.adminId, { key: '12-25', enabled: 'false' }));
    expect((await rings(fr.main, '2026-12-25T09:00:00Z', FR_PHONES)).rang).toEqual(['102']);
  });

  it.each([
    ['Paris, 29 March (summer time from 02:00): 08:30 closed', '2026-03-29T06:30:00Z', '103'],
    ['Paris, 29 March: 09:30 open', '2026-03-29T07:30:00Z', '102'],
    ['Paris, 25 October (winter time from 03:00): 08:30 closed', '2026-10-25T07:30:00Z', '103'],
    ['Paris, 25 October: 09:30 open', '2026-10-25T08:30:00Z', '102'],
  ])('daylight saving: %s', async (_name, at, expected) => {
    expect((await rings(fr.main, at, FR_PHONES)).rang).toEqual([expected]);
  });

  it.each([
    ['New York, 8 March (daylight time from 02:00): 08:30 closed', '2026-03-08T12:30:00Z', '113'],
    ['New York, 8 March: 09:30 open', '2026-03-08T13:30:00Z', '112'],
    ['New York, 1 November (standard time from 02:00): 08:30 closed', '2026-11-01T13:30:00Z', '113'],
    ['New York, 1 November: 09:30 open', '2026-11-01T14:30:00Z', '112'],
  ])('daylight saving: %s', async (_name, at, expected) => {
    expect((await rings(us.main, at, ['112', '113'])).rang).toEqual([expected]);
  });

  it("a holiday's voicemail target goes to the media server, here none: 480 with the reason", async () => {
    // Independence Day 2026 is observed on Friday 3 July (federal list).
    const result = await rings(us.main, '2026-07-03T15:00:00Z', ['112', '113']);
    expect(result).toMatchObject({ status: 480, rang: [] });
    expect(result.final?.header('Reason')).toContain('No media server for voicemail');
  });
});

describe("a number's own schedule", () => {
  it('comes first; its outside-number target reaches the carrier as the called number', async () => {
    const own = { owner: 'number', ownerId: fr.direct['102']! };
    ok(await act(saveBusinessHours, fr.adminId, { ...own, week: EVERY_DAY('00:00', '24:00') }));
    ok(await act(setStateTargets, fr.adminId, { ...own, open: 'number', openNumber: '06 12 34 56 78', closed: target(fr, '103'), holiday: target(fr, '103') }));
    const [row] = await db().select({ e164: phoneNumbers.e164 }).from(phoneNumbers).where(eq(phoneNumbers.id, own.ownerId));
    const out = sipp({ scenario: 'answer', name: 'carrier-out', port: ports.carrierOut, calls: 1, pauseMs: 50, timeoutS: 20 });
    // 22:00 Paris: the company is closed, the number's own schedule is open.
    const result = await rings(row!.e164, '2026-12-08T21:00:00Z', FR_PHONES);
    await out.done;
    expect(result).toMatchObject({ status: 200, rang: [] });
    const [invite] = invitesReceived(out);
    expect(invite?.firstLine).toContain(`sip:+33612345678@127.0.0.1:${ports.carrierOut}`);
    expect(invite?.header('P-Asserted-Identity')).toBe(`<sip:${row!.e164}@${fr.people['101']!.sip.domain};user=phone>`);
    // The company's schedule still decides for the main number.
    expect((await rings(fr.main, '2026-12-08T21:00:00Z', FR_PHONES)).rang).toEqual(['103']);
  });
});

describe('the test clock', () => {
  it('without SIP_TEST_CLOCK the header is ignored (the real time decides) and not passed on', async () => {
    const schedule = await scheduleOf(db(), (await findSchedule(db(), fr.companyId, { owner: 'company' }))!, 'Europe/Paris');
    const now = stateAt(schedule, new Date());
    const expected = now === 'open' ? '102' : now === 'closed' ? '103' : '104';
    // An instant whose state differs from now's.
    const other = now === 'open' ? '2026-12-08T21:00:00Z' : '2026-12-08T09:00:00Z';
    const result = await rings(fr.main, other, FR_PHONES, ports.kamailio2);
    expect({ now, rang: result.rang }).toEqual({ now, rang: [expected] });
    expect(result.invites[0]?.header('X-Switchboard-Test-Time')).toBeUndefined();
  });

  it('with it on, a malformed instant is refused (400)', async () => {
    expect((await call(carrier, fr.main, { at: 'tomorrow' })).status).toBe(400);
  });
});
