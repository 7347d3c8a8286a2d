import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { companies, orderLines, orders } from '@/db/schema';
import { runAction } from '@/lib/runner/run-action';
import { getSeatUsage } from '@/lib/licences/seats';
import { buySeats, completeLicencesCard } from '@/lib/licences/actions';
import { setLicence } from '@/lib/team/licence';
import { getLicenceHoldersPage } from '@/lib/team/licence-holders';
import { getLicencesCardData } from '@/lib/licences/queries';
import { LIST_PAGE_SIZE } from '@/lib/format/pages';
import { signUpCompany } from '../helpers/factories';
import { useTestDatabase } from '../helpers/db';
import {
  addDeskPhone,
  addMemberWithExtension,
  auditEntries,
  cardStatus,
  companyRow,
  deviceRow,
  teamSnapshot,
  userRow,
} from '../helpers/team';

useTestDatabase();

const as = (userId: string) => ({ userId, locale: 'en' as const });

async function ordersOf(companyId: string) {
  return db().select().from(orders).where(eq(orders.companyId, companyId));
}

async function linesOf(orderId: string) {
  return db().select().from(orderLines).where(eq(orderLines.orderId, orderId));
}

describe('setLicence', () => {
  it('switches a Free user to Office when a seat is free, and audits it on the Licences card', async () => {
    const { company, admin } = await signUpCompany({ officeSeats: 2 });
    const { user } = await addMemberWithExtension(company.id, '102', { firstName: 'Flo', lastName: 'Faure' });

    expect(await runAction(setLicence, { ...as(admin.id), input: { id: user.id, licence: 'office' } })).toEqual({
      ok: true,
      data: { removedDevice: null },
    });
    expect((await userRow(user.id)).licence).toBe('office');
    expect(await getSeatUsage(company.id)).toEqual({ bought: 2, used: 2, free: 0 });

    const entries = await auditEntries(company.id, 'licence.changed');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      card: 'licences',
      target: 'Flo Faure',
      before: { licence: 'free', phone: null },
      after: { licence: 'office', phone: 'app' },
    });
    expect(await cardStatus(company.id, 'licences')).toBe('in_progress');
  });

  it('refuses Office when no seat is left, writing nothing', async () => {
    const { company, admin } = await signUpCompany({ officeSeats: 1 });
    const { user } = await addMemberWithExtension(company.id, '102');
    const before = await teamSnapshot(company.id);
    expect(await runAction(setLicence, { ...as(admin.id), input: { id: user.id, licence: 'office' } })).toEqual({
      fieldErrors: { licence: 'No Office licence left: 1 of 1 is in use. Buy more on the Licences card.' },
    });
    expect(await teamSnapshot(company.id)).toEqual(before);
  });

  it('switching to Free takes the desk phone back and says which one', async () => {
    const { company, admin } = await signUpCompany();
    const { user } = await addMemberWithExtension(company.id, '102', { licence: 'office' });
    const phone = await addDeskPhone(company.id, { model: 'Yealink T54W', userId: user.id });

    expect(await runAction(setLicence, { ...as(admin.id), input: { id: user.id, licence: 'free' } })).toEqual({
      ok: true,
      data: { removedDevice: 'Yealink T54W' },
    });
    expect((await deviceRow(phone.id)).userId).toBeNull();
    const [entry] = await auditEntries(company.id, 'licence.changed');
    expect(entry.before).toEqual({ licence: 'office', phone: `Yealink T54W (${phone.mac})` });
    expect(entry.after).toEqual({ licence: 'free', phone: null });
  });

  it('lets the admin give up their own Office seat, which someone else can then take', async () => {
    const { company, admin } = await signUpCompany({ officeSeats: 1 });
    const { user } = await addMemberWithExtension(company.id, '102');
    expect((await runAction(setLicence, { ...as(admin.id), input: { id: admin.id, licence: 'free' } })).ok).toBe(true);
    expect(await getSeatUsage(company.id)).toEqual({ bought: 1, used: 0, free: 1 });
    expect((await runAction(setLicence, { ...as(admin.id), input: { id: user.id, licence: 'office' } })).ok).toBe(true);

    const { rows: holders } = await getLicenceHoldersPage(company.id);
    expect(holders.map((h) => [h.id, h.licence, h.role, h.extension])).toEqual([
      [user.id, 'office', 'member', '102'],
      [admin.id, 'free', 'admin', '101'],
    ]);
  });

  it('changes nothing when the licence is already the one asked for', async () => {
    const { company, admin } = await signUpCompany();
    const before = await teamSnapshot(company.id);
    expect(await runAction(setLicence, { ...as(admin.id), input: { id: admin.id, licence: 'office' } })).toEqual({
      ok: true,
      data: { removedDevice: null },
    });
    expect(await teamSnapshot(company.id)).toEqual(before);
  });

  it('reads a user of another company as not found', async () => {
    const { admin } = await signUpCompany();
    const other = await signUpCompany();
    expect(await runAction(setLicence, { ...as(admin.id), input: { id: other.admin.id, licence: 'free' } })).toEqual({
      formError: 'This item no longer exists in your company.',
    });
    expect((await userRow(other.admin.id)).licence).toBe('office');
  });
});

describe('buySeats', () => {
  it('orders seats at the country price and adds them to the company at once', async () => {
    const { company, admin } = await signUpCompany({ officeSeats: 5 });
    const key = randomUUID();
    const result = await runAction(buySeats, { ...as(admin.id), input: { quantity: '3', idempotencyKey: key } });
    expect(result.ok).toBe(true);
    expect(result.data).toMatchObject({
      created: true,
      officeSeats: 8,
      order: { status: 'pending', currency: 'EUR', totalMinor: 3 * 1995, idempotencyKey: key, createdBy: admin.id },
    });
    expect((await companyRow(company.id)).officeSeats).toBe(8);
    const lines = await linesOf(result.data!.order.id);
    expect(lines).toEqual([expect.objectContaining({ kind: 'office_seats', quantity: 3, unitMinor: 1995 })]);

    const entries = await auditEntries(company.id, 'seats.bought');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ card: 'licences', before: { officeSeats: 5 }, after: { officeSeats: 8, quantity: 3 } });
  });

  it('uses the currency of the company’s country', async () => {
    const { admin } = await signUpCompany({ country: 'US' });
    const result = await runAction(buySeats, { ...as(admin.id), input: { quantity: 2, idempotencyKey: randomUUID() } });
    expect(result.data!.order).toMatchObject({ currency: 'USD', totalMinor: 3990 });
  });

  it('is idempotent: the same key again returns the same order and adds nothing', async () => {
    const { company, admin } = await signUpCompany({ officeSeats: 5 });
    const input = { quantity: 2, idempotencyKey: randomUUID() };
    const first = await runAction(buySeats, { ...as(admin.id), input });
    const again = await runAction(buySeats, { ...as(admin.id), input });
    expect(again.ok).toBe(true);
    expect(again.data).toMatchObject({ created: false, officeSeats: 7, order: { id: first.data!.order.id } });
    expect(await ordersOf(company.id)).toHaveLength(1);
    expect(await linesOf(first.data!.order.id)).toHaveLength(1);
    expect((await companyRow(company.id)).officeSeats).toBe(7);
    expect(await auditEntries(company.id, 'seats.bought')).toHaveLength(1);

    // A new key is a new purchase.
    await runAction(buySeats, { ...as(admin.id), input: { quantity: 1, idempotencyKey: randomUUID() } });
    expect(await ordersOf(company.id)).toHaveLength(2);
    expect((await companyRow(company.id)).officeSeats).toBe(8);
  });

  it('scopes keys per company', async () => {
    const a = await signUpCompany();
    const b = await signUpCompany();
    const input = { quantity: 1, idempotencyKey: randomUUID() };
    expect((await runAction(buySeats, { ...as(a.admin.id), input })).data?.created).toBe(true);
    expect((await runAction(buySeats, { ...as(b.admin.id), input })).data?.created).toBe(true);
    expect(await ordersOf(b.company.id)).toHaveLength(1);
  });

  it.each([1, 2, 3])('a double submit at the same moment creates one order (round %i)', async () => {
    const { company, admin } = await signUpCompany({ officeSeats: 5 });
    const input = { quantity: 4, idempotencyKey: randomUUID() };
    const results = await Promise.all([
      runAction(buySeats, { ...as(admin.id), input }),
      runAction(buySeats, { ...as(admin.id), input }),
      runAction(buySeats, { ...as(admin.id), input }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.data?.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.data!.order.id)).size).toBe(1);
    expect(await ordersOf(company.id)).toHaveLength(1);
    expect((await companyRow(company.id)).officeSeats).toBe(9);
  });

  it('validates the quantity and the key on the server', async () => {
    const { company, admin } = await signUpCompany();
    const before = await teamSnapshot(company.id);
    expect(await runAction(buySeats, { ...as(admin.id), input: { quantity: '0', idempotencyKey: randomUUID() } })).toEqual({
      fieldErrors: { quantity: 'Enter a whole number of seats between 1 and 1,000.' },
    });
    expect((await runAction(buySeats, { ...as(admin.id), input: { quantity: 1, idempotencyKey: 'x' } })).fieldErrors).toEqual({
      idempotencyKey: 'This value is not valid.',
    });
    expect(await teamSnapshot(company.id)).toEqual(before);
  });
});

describe('completeLicencesCard', () => {
  it('verifies the card', async () => {
    const { company, admin } = await signUpCompany();
    expect((await runAction(completeLicencesCard, { ...as(admin.id), input: {} })).ok).toBe(true);
    expect(await cardStatus(company.id, 'licences')).toBe('verified');
    expect(await auditEntries(company.id, 'card.verified')).toHaveLength(1);
  });

  it('refuses while more Office licences are used than bought (after a data fix)', async () => {
    const { company, admin } = await signUpCompany({ officeSeats: 1 });
    await addMemberWithExtension(company.id, '102', { licence: 'office' });
    await db().update(companies).set({ officeSeats: 1 }).where(eq(companies.id, company.id));
    expect(await runAction(completeLicencesCard, { ...as(admin.id), input: {} })).toEqual({
      formError: 'More Office licences are in use (2) than bought (1). Buy more or switch some users to Free.',
    });
    expect(await cardStatus(company.id, 'licences')).toBe('not_started');
  });
});

describe('the Desk phones list', () => {
  it('comes a page of 25 at a time, in model then MAC order, and says how many pages past the last', async () => {
    const { company } = await signUpCompany({});
    for (let i = 0; i < 30; i++) await addDeskPhone(company.id, { mac: `00:15:65:00:00:${String(i).padStart(2, '0')}` });
    const first = (await getLicencesCardData(company.id)).devices;
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 30 });
    expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(first.rows[0]!.mac).toBe('00:15:65:00:00:00');
    const second = (await getLicencesCardData(company.id, db(), 2)).devices;
    expect(second.rows.map((d) => d.mac)).toEqual(['25', '26', '27', '28', '29'].map((n) => `00:15:65:00:00:${n}`));
    const past = (await getLicencesCardData(company.id, db(), 3)).devices;
    expect(past).toMatchObject({ rows: [], page: 3, pageCount: 2, total: 30 });
  });
});
