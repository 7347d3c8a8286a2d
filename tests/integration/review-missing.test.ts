import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { companies, phoneNumbers } from '@/db/schema';
import { translator } from '@/lib/i18n/messages';
import { describeMissing, getMissing } from '@/lib/review/missing';
import { useTestDatabase } from '../helpers/db';
import { addDeskPhone, addMemberWithExtension } from '../helpers/team';
import {
  addConference,
  addOwnedNumber,
  addRingGroup,
  giveDirectNumber,
  readyCompany,
  setCardStatus,
  setEmergencyAddress,
} from '../helpers/review';

useTestDatabase();

const en = translator('en');
const fr = translator('fr');
const codes = (items: { code: string; severity: string; card: string }[]) =>
  items.map((i) => `${i.severity}:${i.code}:${i.card}`);

describe('getMissing', () => {
  it('a ready company has nothing missing', async () => {
    const { company } = await readyCompany();
    expect(await getMissing(company.id)).toEqual([]);
  });

  it('no emergency address: a blocker linking to Company details', async () => {
    const { company } = await readyCompany();
    await setEmergencyAddress(company.id, null);
    const items = await getMissing(company.id);
    expect(items).toEqual([
      { code: 'emergencyAddress', severity: 'blocker', card: 'company', href: '/setup/company', count: 1, names: [] },
    ]);
    expect(describeMissing(items[0], en)).toBe('No emergency address is on file.');
    expect(describeMissing(items[0], fr)).toBe('Aucune adresse d’urgence n’est enregistrée.');
  });

  it('a blank street counts as no address', async () => {
    const { company } = await readyCompany();
    await setEmergencyAddress(company.id, '   ');
    expect(codes(await getMissing(company.id))).toEqual(['blocker:emergencyAddress:company']);
  });

  it('an Office user without a direct number: a blocker naming them, linking to Phone numbers', async () => {
    const { company } = await readyCompany({ officeSeats: 2 });
    await addMemberWithExtension(company.id, '102', { firstName: 'Inès', lastName: 'Bernard', licence: 'office' });
    // A Free user without a number is fine.
    await addMemberWithExtension(company.id, '103', { firstName: 'Paul', lastName: 'Free', licence: 'free' });
    const items = await getMissing(company.id);
    expect(codes(items)).toEqual(['blocker:officeUserNoNumber:numbers']);
    expect(items[0]).toMatchObject({ href: '/setup/numbers', count: 1, names: ['Inès Bernard'] });
    expect(describeMissing(items[0], en)).toBe('1 Office user has no direct number: Inès Bernard.');
    expect(describeMissing(items[0], fr)).toBe('1 utilisateur Office n’a pas de numéro direct : Inès Bernard.');
  });

  it('names a few and counts the rest', async () => {
    const { company } = await readyCompany({ officeSeats: 8 });
    for (let i = 0; i < 7; i++) {
      await addMemberWithExtension(company.id, String(110 + i), { firstName: 'User', lastName: `N${i}`, licence: 'office' });
    }
    const [item] = await getMissing(company.id);
    expect(item).toMatchObject({ code: 'officeUserNoNumber', count: 7 });
    expect(item.names).toHaveLength(5);
    expect(describeMissing(item, en)).toBe(
      '7 Office users have no direct number: User N0, User N1, User N2, User N3, User N4 and 2 more.',
    );
  });

  it('a number owned by someone else is not a direct number', async () => {
    const { company } = await readyCompany({ officeSeats: 2 });
    const { extension } = await addMemberWithExtension(company.id, '102', { licence: 'office' });
    // Mapped number of another company pointing at this extension id cannot count.
    const other = await readyCompany();
    await addOwnedNumber(other.company.id, { extensionId: extension.id });
    expect(codes(await getMissing(company.id))).toEqual(['blocker:officeUserNoNumber:numbers']);
  });

  it('a conference bridge without a direct number: a blocker', async () => {
    const { company } = await readyCompany();
    await addConference(company.id, '800', 'Weekly');
    const bridge = await addConference(company.id, '801', 'Board');
    await addOwnedNumber(company.id, { extensionId: bridge.id });
    const items = await getMissing(company.id);
    expect(codes(items)).toEqual(['blocker:conferenceNoNumber:numbers']);
    expect(items[0].names).toEqual(['Weekly']);
    expect(describeMissing(items[0], en)).toBe('1 conference bridge has no direct number: Weekly.');
  });

  it('a ring group with no member: a blocker linking to Extensions', async () => {
    const { company, admin } = await readyCompany();
    await addRingGroup(company.id, '500', 'Sales');
    await addRingGroup(company.id, '501', 'Support', [admin.id]);
    const items = await getMissing(company.id);
    expect(codes(items)).toEqual(['blocker:ringGroupNoMember:extensions']);
    expect(items[0]).toMatchObject({ href: '/setup/extensions', names: ['Sales'] });
    expect(describeMissing(items[0], fr)).toBe('1 groupe d’appels n’a aucun membre : Sales.');
  });

  it('no main number: a blocker when the company owns numbers, and also when it owns none', async () => {
    const { company, main } = await readyCompany();
    await db().update(phoneNumbers).set({ isMain: false }).where(eq(phoneNumbers.id, main.id));
    expect(codes(await getMissing(company.id))).toEqual(['blocker:noMainNumber:numbers']);

    await db().delete(phoneNumbers).where(eq(phoneNumbers.companyId, company.id));
    expect(codes(await getMissing(company.id))).toEqual([
      'blocker:officeUserNoNumber:numbers',
      'blocker:noMainNumber:numbers',
    ]);
  });

  it('every card but Review must be verified', async () => {
    const { company } = await readyCompany();
    await setCardStatus(company.id, 'team', 'in_progress');
    await setCardStatus(company.id, 'numbers', 'not_started');
    const items = await getMissing(company.id);
    expect(codes(items)).toEqual(['blocker:cardNotVerified:team', 'blocker:cardNotVerified:numbers']);
    expect(describeMissing(items[0], en)).toBe('The “Team members” card is not verified.');
    expect(describeMissing(items[1], fr)).toBe('La carte « Numéros de téléphone » n’est pas vérifiée.');
  });

  it('seats bought but unused: a warning, not a blocker', async () => {
    const { company } = await readyCompany({ officeSeats: 4 });
    const items = await getMissing(company.id);
    expect(items).toEqual([
      // Issue 10: the warning carries the unused seats' monthly cost.
      { code: 'seatsUnused', severity: 'warning', card: 'licences', href: '/setup/licences', count: 3, names: [], amountMinor: 3 * 1995 },
    ]);
    expect(describeMissing(items[0], en)).toBe('3 Office seats are paid for but not assigned.');
    expect(describeMissing(items[0], fr)).toBe('3 licences Office payées ne sont pas attribuées.');
  });

  it('Office users on App only while desk phones sit unassigned: a warning', async () => {
    const { company, admin } = await readyCompany({ officeSeats: 2 });
    const { user } = await addMemberWithExtension(company.id, '102', { firstName: 'Léa', lastName: 'Roux', licence: 'office' });
    await giveDirectNumber(company.id, user.id);
    // App only with no spare phone: a deliberate choice, nothing to report.
    expect(await getMissing(company.id)).toEqual([]);
    await addDeskPhone(company.id, { userId: admin.id });
    await addDeskPhone(company.id);
    const items = await getMissing(company.id);
    expect(codes(items)).toEqual(['warning:officeUserAppOnly:team']);
    expect(items[0]).toMatchObject({ count: 1, names: ['Léa Roux'], href: '/setup/team' });
  });

  it('everything at once, blockers first', async () => {
    const { company } = await readyCompany({ officeSeats: 3 });
    await db().update(companies).set({ emergencyStreet: null }).where(eq(companies.id, company.id));
    await addMemberWithExtension(company.id, '102', { licence: 'office' });
    await addConference(company.id, '800');
    await addRingGroup(company.id, '500', 'Empty');
    await setCardStatus(company.id, 'licences', 'in_progress');
    expect(codes(await getMissing(company.id))).toEqual([
      'blocker:emergencyAddress:company',
      'blocker:officeUserNoNumber:numbers',
      'blocker:conferenceNoNumber:numbers',
      'blocker:ringGroupNoMember:extensions',
      'blocker:cardNotVerified:licences',
      'warning:seatsUnused:licences',
    ]);
  });
});
