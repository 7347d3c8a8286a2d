import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/db';
import { companies, phoneNumbers, users } from '@/db/schema';
import { createConference } from '@/lib/extensions/actions';
import { holdNumbers, purchaseNumbers, releaseHeldNumbers } from '@/lib/numbers/actions';
import { NUMBER_LIMITS } from '@/lib/numbers/limits';
import { addUser } from '@/lib/team/actions';
import { setLicence } from '@/lib/team/licence';
import { APP_ONLY } from '@/lib/team/schema';
import { useTestDatabase } from '../../helpers/db';
import { buySeatsAs } from '../../helpers/factories';
import { extensionOf, userInput } from '../../helpers/team';
import { act, company, key, minutes, ownedBy, someNumbers, testClock } from './helpers';

useTestDatabase();

const CAP = NUMBER_LIMITS.beforeFirstFinish;
const PER_DAY = NUMBER_LIMITS.holdsPerDay;
const CAP_MESSAGE = `Until your first setup is finished, a company can hold or own up to ${CAP} phone numbers. Finish setup to add more.`;
const office = { licence: 'office' as const, phone: APP_ONLY };

/**
 * Buys `n` numbers through hold + purchase, 20 (MAX_HELD) at a time, all ringing the admin: a
 * spare (unassigned) number would be given to the next Office user instead of a new one.
 */
async function buy(admin: { id: string }, companyId: string, n: number) {
  const extensionId = (await extensionOf(admin.id)).id;
  for (let left = n; left > 0; left -= 20) {
    const ids = (await someNumbers('FR', Math.min(20, left), companyId)).map((r) => r.id);
    expect((await act(holdNumbers, admin.id, { ids })).ok).toBe(true);
    expect((await act(purchaseNumbers, admin.id, { idempotencyKey: key(), ids, extensionId })).ok).toBe(true);
  }
}

const finished = (companyId: string) =>
  db().update(companies).set({ setupCompletedAt: new Date() }).where(eq(companies.id, companyId));

/** `n` available local numbers of a country after skipping the first `skip` (e164 order). */
const availableAfter = async (country: string, skip: number, n: number) =>
  (
    await db()
      .select({ id: phoneNumbers.id })
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.country, country), eq(phoneNumbers.type, 'local'), eq(phoneNumbers.status, 'available')))
      .orderBy(phoneNumbers.e164)
      .offset(skip)
      .limit(n)
  ).map((r) => r.id);

const heldBy = async (companyId: string) =>
  db().select().from(phoneNumbers).where(and(eq(phoneNumbers.companyId, companyId), eq(phoneNumbers.status, 'held')));

describe('the cap on numbers until the first setup is finished', () => {
  it('counts owned numbers and running holds; holds beyond it are refused and change nothing', async () => {
    const { company: c, admin } = await company({ officeSeats: 3 });
    await buy(admin, c.id, CAP - 15);
    const ten = (await someNumbers('FR', 10, c.id)).map((r) => r.id);
    expect((await act(holdNumbers, admin.id, { ids: ten })).ok).toBe(true);
    const six = (await someNumbers('FR', 16, c.id)).filter((r) => !r.heldUntil).slice(0, 6).map((r) => r.id);
    expect(six).toHaveLength(6);
    expect(await act(holdNumbers, admin.id, { ids: six })).toEqual({ formError: CAP_MESSAGE });
    const rows = await db().select().from(phoneNumbers).where(inArray(phoneNumbers.id, six));
    expect(rows.every((r) => r.status === 'available' && r.companyId === null)).toBe(true);
    expect(await heldBy(c.id)).toHaveLength(10);
    // Exactly at the cap is allowed; so is re-holding what is already held (it costs nothing).
    expect((await act(holdNumbers, admin.id, { ids: six.slice(0, 5) })).ok).toBe(true);
    expect((await act(holdNumbers, admin.id, { ids: ten })).ok).toBe(true);
    expect(await act(holdNumbers, admin.id, { ids: six.slice(5) })).toEqual({ formError: CAP_MESSAGE });

    // At the cap: Office users, a Free user going Office and a conference bridge are refused.
    const free = await act(addUser, admin.id, userInput({ extension: '240' }));
    expect(free.ok).toBe(true);
    expect(await act(addUser, admin.id, userInput({ ...office, extension: '241' }))).toEqual({ formError: CAP_MESSAGE });
    const switched = await act(setLicence, admin.id, { id: free.data!.id, licence: 'office' });
    expect(switched).toEqual({ formError: CAP_MESSAGE });
    const [freeUser] = await db().select().from(users).where(eq(users.id, free.data!.id));
    expect(freeUser!.licence).toBe('free');
    expect(await act(createConference, admin.id, { extension: '800', name: 'Bridge', maxParticipants: '10' })).toEqual({ formError: CAP_MESSAGE });
    expect(await ownedBy(c.id)).toHaveLength(CAP - 15);

    // A hold that ran out no longer counts: there is room again.
    const later = minutes(new Date(), 16);
    vi.spyOn(testClock, 'now').mockReturnValue(later);
    try {
      const added = await act(addUser, admin.id, userInput({ ...office, extension: '242' }));
      expect(added.ok).toBe(true);
    } finally {
      vi.restoreAllMocks();
    }
    expect(await ownedBy(c.id)).toHaveLength(CAP - 15 + 1);
  });

  it('after the first finish: no cap, Office users (and their direct numbers) stop at the seats ordered', async () => {
    const { company: c, admin } = await company({ officeSeats: 2 });
    await buy(admin, c.id, CAP);
    expect(await act(addUser, admin.id, userInput({ ...office, extension: '250' }))).toEqual({ formError: CAP_MESSAGE });
    await finished(c.id);
    const ids = (await someNumbers('FR', 5, c.id)).map((r) => r.id);
    expect((await act(holdNumbers, admin.id, { ids })).ok).toBe(true);
    expect((await act(releaseHeldNumbers, admin.id, { ids })).ok).toBe(true);
    // The admin and one more Office user fill the 2 seats: the next is refused on its seats.
    expect((await act(addUser, admin.id, userInput({ ...office, extension: '250' }))).ok).toBe(true);
    const third = await act(addUser, admin.id, userInput({ ...office, extension: '251' }));
    expect(third.fieldErrors?.licence).toBe('No Office licence left: 2 of 2 are in use. Buy more on the Licences card.');
    expect(await ownedBy(c.id)).toHaveLength(CAP + 1);
    // Ordering a seat on the Licences card is what makes room.
    await buySeatsAs(admin.id, 1);
    expect((await act(addUser, admin.id, userInput({ ...office, extension: '251' }))).ok).toBe(true);
    expect(await ownedBy(c.id)).toHaveLength(CAP + 2);
  });
});

describe('holds per rolling 24 hours after the first finish', () => {
  it(`refuses a hold past ${PER_DAY} different numbers; the same numbers again are free; a day later it works`, async () => {
    const { company: c, admin } = await company({ country: 'US' });
    await finished(c.id);
    const seen: string[] = [];
    while (seen.length < PER_DAY) {
      const ids = await availableAfter('US', seen.length, Math.min(20, PER_DAY - seen.length));
      expect((await act(holdNumbers, admin.id, { ids })).ok).toBe(true);
      expect((await act(releaseHeldNumbers, admin.id, {})).ok).toBe(true);
      seen.push(...ids);
    }
    const [fresh] = await availableAfter('US', seen.length, 1);
    const refused = await act(holdNumbers, admin.id, { ids: [fresh!] });
    expect(refused).toEqual({
      formError: `A company can hold up to ${PER_DAY} different numbers in 24 hours. Buy or keep the numbers you hold, or try again tomorrow.`,
    });
    expect(await heldBy(c.id)).toEqual([]);
    // Holding again numbers already counted today costs nothing.
    expect((await act(holdNumbers, admin.id, { ids: seen.slice(0, 3) })).ok).toBe(true);
    expect((await act(releaseHeldNumbers, admin.id, {})).ok).toBe(true);
    // 24 hours later the window has moved on.
    vi.spyOn(testClock, 'now').mockReturnValue(minutes(new Date(), 24 * 60 + 1));
    try {
      expect((await act(holdNumbers, admin.id, { ids: [fresh!] })).ok).toBe(true);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('does not apply before the first finish (the cap does)', async () => {
    const { company: c, admin } = await company({ country: 'US' });
    // Holding and releasing PER_DAY + 1 different numbers stays within the cap at every moment.
    let total = 0;
    while (total <= PER_DAY) {
      const ids = await availableAfter('US', total, 20);
      expect((await act(holdNumbers, admin.id, { ids })).ok).toBe(true);
      expect((await act(releaseHeldNumbers, admin.id, {})).ok).toBe(true);
      total += ids.length;
    }
    expect(await heldBy(c.id)).toEqual([]);
  });
});
