import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { extensions, phoneNumbers, ringGroupMembers, users } from '@/db/schema';
import { createConference, createRingGroup } from '@/lib/extensions/actions';
import { translator } from '@/lib/i18n/messages';
import { holdNumbers, mapNumber, purchaseNumbers } from '@/lib/numbers/actions';
import { getNumbersCardData } from '@/lib/numbers/queries';
import { computeBill, type BillableNumber, type BillingInput } from '@/lib/prices/billing';
import { formatMoney } from '@/lib/prices/money';
import { getCostSummary } from '@/lib/review/cost';
import { describeMissing, getMissing } from '@/lib/review/missing';
import { addUser } from '@/lib/team/actions';
import { setLicence } from '@/lib/team/licence';
import { APP_ONLY } from '@/lib/team/schema';
import { useTestDatabase } from '../../helpers/db';
import { ringGroupInput } from '../../helpers/extensions';
import { readyCompany } from '../../helpers/review';
import { extensionOf, userInput } from '../../helpers/team';
import { act, company, key, someNumbers } from '../numbers/helpers';
import { LIST_PAGE_SIZE } from '@/lib/format/pages';

useTestDatabase();

const EUR = { office_licence: 1995, local_number: 995, toll_free_number: 995 };
const USD = { office_licence: 2499, local_number: 1099, toll_free_number: 1299 };
const office = { licence: 'office' as const, phone: APP_ONLY };
const en = translator('en');
const fr = translator('fr');

const num = (id: string, e164: string, acquired: number, extensionId: string | null = null, type: BillableNumber['type'] = 'local'): BillableNumber => ({
  id,
  e164,
  type,
  acquiredAt: new Date(Date.UTC(2026, 0, acquired)),
  extensionId,
});
const byKind = <L extends { kind: string }>(lines: L[]) => Object.fromEntries(lines.map((l) => [l.kind, l])) as Record<string, L>;

describe('computeBill (the one rule, pure)', () => {
  const holders: BillingInput['holders'] = [
    { extensionId: 'x101', number: '101', kind: 'office_user', label: 'Ada Admin' },
    { extensionId: 'x102', number: '102', kind: 'office_user', label: 'Léa Roux' },
    { extensionId: 'x800', number: '800', kind: 'conference', label: 'Board' },
  ];
  const input = (prices: BillingInput['prices']): BillingInput => ({
    holders,
    ringGroups: 1,
    seatsBought: 5,
    prices,
    numbers: [
      num('n1', '+33100000001', 1, 'x101'),
      num('n2', '+33100000002', 2, 'x101'), // Ada's second number: extra
      num('n3', '+33100000003', 3, 'x500'), // a ring group's: no allowance of its own
      num('n4', '+33100000004', 4, null), // unassigned
      num('n5', '+33100000005', 5, 'x800'),
      num('t1', '+33800000001', 1, 'x500', 'toll_free'),
    ],
  });

  it('EUR: seats as bought (5, 2 used), one included number per Office user and bridge, the rest extra, toll-free billed', () => {
    const bill = computeBill(input(EUR));
    const lines = byKind(bill.lines);
    expect(lines.office_licence).toMatchObject({ quantity: 5, unitMinor: 1995, monthlyMinor: 9975 });
    expect(lines.included_local_number).toMatchObject({ quantity: 3, monthlyMinor: 0, included: true });
    expect(lines.extra_local_number).toMatchObject({ quantity: 2, unitMinor: 995, monthlyMinor: 1990 });
    expect(lines.toll_free_number).toMatchObject({ quantity: 1, monthlyMinor: 995 });
    expect(lines.conference).toMatchObject({ quantity: 1, monthlyMinor: 0 });
    expect(lines.ring_group).toMatchObject({ quantity: 1, monthlyMinor: 0 });
    expect(bill.totalMinor).toBe(9975 + 1990 + 995);
    expect(Number.isInteger(bill.totalMinor)).toBe(true);
    expect(bill.numbersMinor).toBe(1990 + 995);

    // Which ones: each holder's own oldest number; Léa has none, so the oldest other one
    // (n2, acquired before n3 and n4) is included with her; the rest is extra.
    const who = (id: string) => {
      const b = bill.numbers.get(id)!;
      return b.kind === 'included' ? `included:${b.holder.label}` : `${b.kind}:${b.monthlyMinor}`;
    };
    expect(['n1', 'n2', 'n3', 'n4', 'n5', 't1'].map(who)).toEqual([
      'included:Ada Admin',
      'included:Léa Roux',
      'extra:995',
      'extra:995',
      'included:Board',
      'toll_free:995',
    ]);
  });

  it('USD prices, deterministic whatever the input order', () => {
    const a = computeBill(input(USD));
    const shuffled = input(USD);
    const b = computeBill({ ...shuffled, numbers: [...shuffled.numbers].reverse(), holders: [...holders].reverse() });
    expect([...a.numbers.entries()].sort()).toEqual([...b.numbers.entries()].sort());
    expect(a.totalMinor).toBe(5 * 2499 + 2 * 1099 + 1299);
    expect(formatMoney(a.totalMinor, 'USD', 'en')).toBe('$159.92');
  });

  it('fewer numbers than the allowance: nothing extra; no seats bought: nothing billed for seats', () => {
    const bill = computeBill({ holders, ringGroups: 0, seatsBought: 0, prices: EUR, numbers: [num('n1', '+33100000001', 1)] });
    expect(byKind(bill.lines).extra_local_number!.quantity).toBe(0);
    expect(bill.totalMinor).toBe(0);
    expect(bill.numbers.get('n1')).toMatchObject({ kind: 'included', holder: { label: 'Ada Admin' } });
  });
});

describe('sign-up gives the first admin a direct number', () => {
  it('owned, mapped to 101, the main number; the new account’s Review has no number blocker', async () => {
    const { company: c, admin } = await company({}, { keepSignUpNumber: true });
    const ext = await extensionOf(admin.id);
    const owned = await db().select().from(phoneNumbers).where(eq(phoneNumbers.companyId, c.id));
    expect(owned).toEqual([expect.objectContaining({ status: 'owned', type: 'local', extensionId: ext.id, isMain: true, country: 'FR' })]);
    const codes = (await getMissing(c.id)).map((m) => m.code);
    expect(codes).not.toContain('officeUserNoNumber');
    expect(codes).not.toContain('noMainNumber');
    // Included with the admin on the tab.
    const tab = await getNumbersCardData(c.id);
    expect(tab.rows[0]!.billing).toEqual({ kind: 'included', monthlyMinor: 0, includedWith: 'Ada Admin' });
  });

  it('with the inventory empty, the sign-up still succeeds, without a number', async () => {
    const { company: donor } = await company({ country: 'BE' }, { keepSignUpNumber: true });
    // Everything BE left in the inventory goes to another company.
    await db()
      .update(phoneNumbers)
      .set({ status: 'owned', companyId: donor.id })
      .where(and(eq(phoneNumbers.country, 'BE'), eq(phoneNumbers.status, 'available')));
    const { company: c } = await company({ country: 'BE' }, { keepSignUpNumber: true });
    expect(await db().select().from(phoneNumbers).where(eq(phoneNumbers.companyId, c.id))).toEqual([]);
    expect((await getMissing(c.id)).map((m) => m.code)).toContain('officeUserNoNumber');
  });
});

describe('reuse before buying', () => {
  it('an Office licence takes an unassigned local number the company owns before the inventory', async () => {
    const { company: c, admin } = await company({ officeSeats: 5 }, { keepSignUpNumber: true });
    const [spare] = await someNumbers('FR', 1, c.id);
    await act(holdNumbers, admin.id, { ids: [spare!.id] });
    expect((await act(purchaseNumbers, admin.id, { idempotencyKey: key(), ids: [spare!.id] })).ok).toBe(true);
    const ownedBefore = (await db().select().from(phoneNumbers).where(eq(phoneNumbers.companyId, c.id))).length;

    const added = await act(addUser, admin.id, userInput({ ...office, extension: '130' }));
    expect(added.ok).toBe(true);
    const ext = await extensionOf(added.data!.id);
    const [row] = await db().select().from(phoneNumbers).where(eq(phoneNumbers.id, spare!.id));
    expect(row!.extensionId).toBe(ext.id);
    expect((await db().select().from(phoneNumbers).where(eq(phoneNumbers.companyId, c.id))).length).toBe(ownedBefore);

    // Free -> Office -> Free -> Office: the same number each time, never a new one.
    for (const licence of ['free', 'office', 'free', 'office'] as const) {
      expect((await act(setLicence, admin.id, { id: added.data!.id, licence })).ok).toBe(true);
    }
    const mine = await db().select().from(phoneNumbers).where(eq(phoneNumbers.extensionId, ext.id));
    expect(mine.map((n) => n.id)).toEqual([spare!.id]);
    expect((await db().select().from(phoneNumbers).where(eq(phoneNumbers.companyId, c.id))).length).toBe(ownedBefore);
  });
});

describe('Review catches leftovers', () => {
  it('the main number rings nobody: a blocker on the Phone numbers card', async () => {
    const { company: c, main } = await readyCompany();
    expect(await getMissing(c.id)).toEqual([]);
    await db().update(phoneNumbers).set({ extensionId: null }).where(eq(phoneNumbers.id, main.id));
    const items = await getMissing(c.id);
    const item = items.find((i) => i.code === 'mainRingsNobody');
    expect(item).toMatchObject({ severity: 'blocker', card: 'numbers', href: '/setup/numbers' });
    expect(describeMissing(item!, en)).toMatch(/^The main number .+ rings nobody\.$/);
    // It is not counted a second time among the unassigned numbers.
    expect(items.map((i) => i.code)).not.toContain('numbersUnassigned');
  });

  it('a no-answer target that no longer exists: a blocker on the Extensions card', async () => {
    const { company: c, admin } = await readyCompany({ officeSeats: 3 });
    const a = await act(addUser, admin.id, userInput({ ...office, extension: '130', firstName: 'Eve', lastName: 'Roux' }));
    const b = await act(addUser, admin.id, userInput({ ...office, extension: '131' }));
    const group = await act(createRingGroup, admin.id, ringGroupInput([a.data!.id, b.data!.id], { name: 'Sales' }));
    expect(group.ok).toBe(true);
    const before = (await getMissing(c.id)).map((i) => i.code);
    expect(before).not.toContain('noAnswerTargetGone');
    // Eve is no longer a member, but the group still goes to her voicemail.
    const [g] = await db().select().from(extensions).where(and(eq(extensions.companyId, c.id), eq(extensions.type, 'ring_group')));
    await db().delete(ringGroupMembers).where(and(eq(ringGroupMembers.ringGroupId, g!.id), eq(ringGroupMembers.userId, a.data!.id)));
    let item = (await getMissing(c.id)).find((i) => i.code === 'noAnswerTargetGone');
    expect(item).toMatchObject({ severity: 'blocker', card: 'extensions', href: '/setup/extensions', count: 1, names: ['Sales'] });
    expect(describeMissing(item!, fr)).toBe('1 groupe d’appels a une destination de non-réponse qui n’existe plus : Sales.');
    // A removed user (the column set null) is the same leftover.
    await db().delete(users).where(eq(users.id, a.data!.id));
    item = (await getMissing(c.id)).find((i) => i.code === 'noAnswerTargetGone');
    expect(item).toMatchObject({ count: 1 });
  });

  it('unassigned owned numbers and unused seats: warnings with their monthly cost', async () => {
    const { company: c, admin } = await readyCompany({ officeSeats: 3 });
    const spares = await someNumbers('FR', 2, c.id);
    await act(holdNumbers, admin.id, { ids: spares.map((n) => n.id) });
    expect((await act(purchaseNumbers, admin.id, { idempotencyKey: key(), ids: spares.map((n) => n.id) })).ok).toBe(true);
    const items = await getMissing(c.id);
    const numbers = items.find((i) => i.code === 'numbersUnassigned');
    // 1 Office user: allowance 1, used by the admin's own number, so both spares are extras.
    expect(numbers).toMatchObject({ severity: 'warning', card: 'numbers', count: 2, amountMinor: 2 * 995 });
    const money = (m: number) => formatMoney(m, 'EUR', 'en');
    expect(describeMissing(numbers!, en, money)).toMatch(/^2 owned numbers ring nobody: .+\. Cost: €19\.90 \/ month\.$/);
    const seats = items.find((i) => i.code === 'seatsUnused');
    expect(seats).toMatchObject({ count: 2, amountMinor: 2 * 1995 });
    expect(describeMissing(seats!, fr, (m) => formatMoney(m, 'EUR', 'fr'))).toBe(
      '2 licences Office payées ne sont pas attribuées. Coût : 39,90\u00a0€ / mois.',
    );
  });
});

/** A small seeded PRNG (mulberry32): the same configurations on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function tabTotal(companyId: string) {
  let page = 1;
  let total = 0;
  let rows = 0;
  for (;;) {
    const data = await getNumbersCardData(companyId, { page });
    total += data.rows.reduce((a, r) => a + r.billing.monthlyMinor, 0);
    rows += data.rows.length;
    if (data.rows.length < LIST_PAGE_SIZE) return { total, rows, numbersMinor: data.numbersMinor };
    page++;
  }
}

describe('the Phone numbers tab adds up to the Review’s number lines', () => {
  it('for 50 generated companies built through the actions', { timeout: 600_000 }, async () => {
    const rand = prng(20261201);
    const pick = (n: number) => Math.floor(rand() * n);
    for (let i = 0; i < 50; i++) {
      const country = rand() < 0.5 ? 'FR' : 'US';
      const { company: c, admin } = await company({ country, officeSeats: 2 + pick(5) }, { keepSignUpNumber: true });
      const people: string[] = [];
      for (let u = 0, n = pick(4); u < n; u++) {
        const licence = rand() < 0.6 ? office : { licence: 'free' as const, phone: '' };
        const r = await act(addUser, admin.id, userInput({ ...licence, extension: String(120 + u) }));
        if (r.ok) people.push(r.data!.id);
      }
      const targets: string[] = [];
      for (let b = 0, n = pick(3); b < n; b++) {
        const r = await act(createConference, admin.id, { name: `Bridge ${b}`, extension: String(800 + b) });
        expect(r.ok).toBe(true);
      }
      if (people.length > 0 && rand() < 0.5) {
        expect((await act(createRingGroup, admin.id, ringGroupInput(people.slice(0, 2)))).ok).toBe(true);
      }
      const bought = [
        ...(await someNumbers(country, pick(3), c.id)),
        ...(await someNumbers(country, pick(2), c.id, 'toll_free')),
      ];
      if (bought.length > 0) {
        await act(holdNumbers, admin.id, { ids: bought.map((n) => n.id) });
        expect((await act(purchaseNumbers, admin.id, { idempotencyKey: key(), ids: bought.map((n) => n.id) })).ok).toBe(true);
      }
      const exts = await db().select({ id: extensions.id }).from(extensions).where(eq(extensions.companyId, c.id));
      targets.push(...exts.map((e) => e.id), '');
      for (const n of bought) {
        if (rand() < 0.6) await act(mapNumber, admin.id, { id: n.id, extensionId: targets[pick(targets.length)] });
      }
      // Some Office users go back to Free: their number stays, unassigned.
      for (const id of people) if (rand() < 0.25) await act(setLicence, admin.id, { id, licence: 'free' });

      const [cost, tab] = await Promise.all([getCostSummary(c.id), tabTotal(c.id)]);
      const lines = byKind(cost.monthly);
      const reviewNumbers = lines.extra_local_number!.monthlyMinor + lines.toll_free_number!.monthlyMinor;
      expect(tab.total, `configuration ${i}`).toBe(reviewNumbers);
      expect(tab.numbersMinor).toBe(reviewNumbers);
      expect(cost.numbersMinor).toBe(reviewNumbers);
      expect(tab.rows).toBe(lines.included_local_number!.quantity + lines.extra_local_number!.quantity + lines.toll_free_number!.quantity);
      expect(cost.monthlyTotalMinor).toBe(lines.office_licence!.quantity * lines.office_licence!.unitMinor + reviewNumbers);
      expect(cost.currency).toBe(country === 'FR' ? 'EUR' : 'USD');
    }
  });
});
