import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog, extensions, phoneNumbers } from '@/db/schema';
import { translator } from '@/lib/i18n/messages';
import { numberChangeImpact } from '@/lib/numbers/change-impact';
import { formatMoney } from '@/lib/prices/money';
import { useTestDatabase } from '../../helpers/db';
import { addMemberWithExtension } from '../../helpers/team';
import { act, company } from './helpers';

useTestDatabase();

// Issue 10 item 3 on the Phone numbers tab: Release and Unassign say first what they change,
// the figures coming from the one billing rule (lib/prices/billing.ts computeBill).

let serial = 0;
async function ownNumber(companyId: string, extensionId: string | null, opts: { isMain?: boolean; type?: 'local' | 'toll_free' } = {}) {
  serial += 1;
  const e164 = `+3317${String(Date.now() % 100_000).padStart(5, '0')}${String(serial).padStart(2, '0')}`;
  const [row] = await db()
    .insert(phoneNumbers)
    .values({
      e164,
      country: 'FR',
      type: opts.type ?? 'local',
      areaCode: '1',
      regionName: 'Île-de-France',
      status: 'owned',
      companyId,
      extensionId,
      isMain: opts.isMain ?? false,
      acquiredAt: new Date(Date.UTC(2026, 0, serial)),
    })
    .returning();
  return row!;
}

/** The admin has their number; Alice (102, Office) has two numbers: the older one is included with her, the newer one is an extra. */
async function scene() {
  const c = await company();
  // The admin's own included number, so Alice's allowance is the only one in play.
  const [own] = await db().select({ id: extensions.id }).from(extensions).where(eq(extensions.userId, c.admin.id));
  await ownNumber(c.company.id, own!.id);
  const alice = await addMemberWithExtension(c.company.id, '102', { firstName: 'Alice', lastName: 'Martin', licence: 'office' });
  const main = await ownNumber(c.company.id, alice.extension.id, { isMain: true });
  const second = await ownNumber(c.company.id, alice.extension.id);
  return { ...c, alice, main, second };
}

const snapshot = async (companyId: string) => ({
  numbers: await db().select().from(phoneNumbers).where(eq(phoneNumbers.companyId, companyId)).orderBy(asc(phoneNumbers.e164)),
  history: await db().select().from(auditLog).where(eq(auditLog.companyId, companyId)).orderBy(asc(auditLog.id)),
});

describe('numberChangeImpact', () => {
  it('unassigning an included number: the extension it rang, the main number, included -> extra at 9,95 EUR, bill unchanged; nothing written', async () => {
    const s = await scene();
    const before = await snapshot(s.company.id);
    const result = await act(numberChangeImpact, s.admin.id, { id: s.main.id, change: 'unassign' });
    expect(result.ok).toBe(true);
    const impact = result.data!;
    expect(impact).toMatchObject({ isMain: true, extension: '102 · Alice Martin', currency: 'EUR' });
    expect(impact.before).toEqual({ kind: 'included', monthlyMinor: 0, includedWith: 'Alice Martin' });
    // Her other number takes the included place, so this one becomes the extra.
    expect(impact.after).toEqual({ kind: 'extra', monthlyMinor: 995, includedWith: null });
    expect(impact.totalDeltaMinor).toBe(0);
    expect(await snapshot(s.company.id)).toEqual(before);

    // The figure the dialog shows, in both languages.
    const line = (locale: 'en' | 'fr') => translator(locale)('billing.extra', { price: formatMoney(impact.after!.monthlyMinor, impact.currency, locale) });
    expect(line('fr')).toBe('En supplément, 9,95\u00a0€ / mois');
    expect(line('en')).toBe('Extra, €9.95 / month');
  });

  it('releasing an extra or a toll-free number lowers the bill by its price', async () => {
    const s = await scene();
    const extra = (await act(numberChangeImpact, s.admin.id, { id: s.second.id, change: 'release' })).data!;
    expect(extra).toMatchObject({ isMain: false, extension: '102 · Alice Martin', after: null, totalDeltaMinor: -995 });
    expect(extra.before).toEqual({ kind: 'extra', monthlyMinor: 995, includedWith: null });

    const tollFree = await ownNumber(s.company.id, null, { type: 'toll_free' });
    const free = (await act(numberChangeImpact, s.admin.id, { id: tollFree.id, change: 'release' })).data!;
    expect(free).toMatchObject({ extension: null, before: { kind: 'toll_free' }, after: null });
    expect(free.totalDeltaMinor).toBe(-free.before.monthlyMinor);
    expect(free.before.monthlyMinor).toBeGreaterThan(0);

    // How the dialog says the bill's change.
    const total = (locale: 'en' | 'fr', minor: number) =>
      translator(locale)('consequences.number.total', {
        direction: minor > 0 ? 'up' : minor < 0 ? 'down' : 'same',
        amount: formatMoney(Math.abs(minor), 'EUR', locale),
      });
    expect(total('fr', extra.totalDeltaMinor)).toBe('Votre facture mensuelle baisse de 9,95\u00a0€.');
    expect(total('en', extra.totalDeltaMinor)).toBe('Your monthly bill goes down by €9.95.');
    expect(total('fr', 0)).toBe('Votre facture mensuelle ne change pas.');
  });

  it('refuses another company’s number and a member', async () => {
    const s = await scene();
    const other = await company();
    expect((await act(numberChangeImpact, other.admin.id, { id: s.main.id, change: 'release' })).ok).not.toBe(true);
    expect((await act(numberChangeImpact, s.alice.user.id, { id: s.main.id, change: 'release' })).ok).not.toBe(true);
    expect((await act(numberChangeImpact, s.admin.id, { id: s.main.id, change: 'sell' })).ok).not.toBe(true);
  });
});
