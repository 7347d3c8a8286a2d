import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { auditLog } from '@/db/schema';
import { runAction } from '@/lib/runner/run-action';
import { describeEntry, historyPage, HISTORY_PAGE_SIZE, loadHistory } from '@/lib/audit/history';
import { saveCompanyDetails, verifyCompanyCard } from '@/lib/company/actions';
import { signUpCompany } from '../helpers/factories';
import { useTestDatabase } from '../helpers/db';

useTestDatabase();

const details = (city: string) => ({
  name: 'Acme SAS',
  country: 'FR',
  timeZone: 'Europe/Paris',
  locale: 'fr',
  extensionLength: '3',
  street: '10 rue de Rivoli',
  city,
  postalCode: '75001',
  region: '',
  addressCountry: 'FR',
});

describe('History', () => {
  it('lists a card’s entries newest first: who, when (company time zone), what from what to what', async () => {
    const { company, admin } = await signUpCompany({ firstName: 'Ada', lastName: 'Admin' });
    const as = { userId: admin.id, locale: 'en' as const };
    expect((await runAction(saveCompanyDetails, { ...as, input: details('Paris') })).ok).toBe(true);
    expect((await runAction(saveCompanyDetails, { ...as, input: details('Lyon') })).ok).toBe(true);
    expect((await runAction(verifyCompanyCard, { ...as, input: {} })).ok).toBe(true);

    const en = await loadHistory(company.id, 'company', 1, 'en');
    expect(en.total).toBe(4);
    expect(en.entries.map((e) => e.action)).toEqual([
      'Card verified',
      'Company details changed',
      'Company details changed',
      'Company created',
    ]);
    const [verified, moved] = en.entries;
    expect(verified.who).toBe('Ada Admin');
    expect(verified.changes).toEqual([{ field: 'status', label: 'Status', before: 'In progress', after: 'Verified' }]);
    expect(moved.changes).toEqual([{ field: 'city', label: 'City', before: 'Paris', after: 'Lyon' }]);

    const fr = await loadHistory(company.id, 'company', 1, 'fr');
    expect(fr.entries[0].action).toBe('Carte vérifiée');
    expect(fr.entries[0].changes[0]).toMatchObject({ label: 'Statut', before: 'En cours', after: 'Vérifié' });
    expect(fr.entries[1].changes[0]).toMatchObject({ label: 'Ville', before: 'Paris', after: 'Lyon' });
    // Another card's history is separate.
    expect((await loadHistory(company.id, 'team', 1, 'en')).entries).toEqual([]);
  });

  it('formats the time in the company time zone and the user language; unknown fields stay raw', () => {
    const row = {
      id: 1,
      companyId: 'c',
      actorId: null,
      actorName: 'Ada Admin',
      card: 'licences' as const,
      action: 'seats.bought',
      target: null,
      before: { officeSeats: 5 },
      after: { officeSeats: 7, quantity: 2, somethingNew: { a: true }, expiresAt: '2026-03-09T09:30:00.000Z' },
      at: new Date('2026-03-02T09:30:00Z'),
    };
    const en = describeEntry(row, 'en', 'America/New_York');
    expect(en.when).toBe('March 2, 2026 at 4:30 AM');
    expect(en.action).toBe('Office seats bought');
    expect(en.changes).toEqual([
      { field: 'officeSeats', label: 'Office seats', before: '5', after: '7' },
      { field: 'quantity', label: 'Quantity', before: null, after: '2' },
      // New York switched to summer time on March 8.
      { field: 'expiresAt', label: 'Expires', before: null, after: 'March 9, 2026 at 5:30 AM' },
      // Fields the catalog does not name come after the ones it orders (issue 10 item 6).
      { field: 'somethingNew', label: 'somethingNew', before: null, after: 'a: yes' },
    ]);
    const fr = describeEntry(row, 'fr', 'Europe/Paris');
    expect(fr.when).toBe('2 mars 2026 à 10:30');
    expect(describeEntry({ ...row, action: 'brand.new' }, 'en', 'UTC').action).toBe('brand.new');
  });

  it('names instead of ids, translated codes, no no-op lines, one field order (issue 10 item 6)', () => {
    const base = {
      id: 2,
      companyId: 'c',
      actorId: null,
      actorName: 'Ada Admin',
      card: 'licences' as const,
      at: new Date('2026-03-02T09:30:00Z'),
    };
    // An order id as target: the entry says what was bought instead.
    const seats = {
      ...base,
      action: 'seats.bought',
      target: 'e4dd8dbc-1f2a-4b3c-9d8e-0123456789ab',
      before: { officeSeats: 0 },
      after: { officeSeats: 5, quantity: 5, totalMinor: 9975, currency: 'EUR' },
    };
    expect(describeEntry(seats, 'en', 'UTC').target).toBe('5 Office seats');
    expect(describeEntry(seats, 'fr', 'UTC').target).toBe('5 licences Office');
    expect(describeEntry({ ...seats, after: { ...seats.after, quantity: 1 } }, 'fr', 'UTC').target).toBe('1 licence Office');
    // An id with no description of its own is not shown at all; a name is kept.
    expect(describeEntry({ ...seats, action: 'brand.new' }, 'en', 'UTC').target).toBeNull();
    expect(describeEntry({ ...seats, target: 'Eve Martin' }, 'en', 'UTC').target).toBe('Eve Martin');

    // Country codes and enum values in the reader's language; a field that did not change is left out.
    const company = {
      ...base,
      card: 'company' as const,
      action: 'company.updated',
      target: 'Acme SAS',
      before: { type: 'user', city: 'Paris', country: 'FR', locale: 'fr', addressCountry: 'BE' },
      after: { type: 'user', city: 'Lyon', country: 'DE', locale: 'en', addressCountry: 'BE' },
    };
    const en = describeEntry(company, 'en', 'UTC');
    // Catalog order (history.fields): country, locale, city, addressCountry, ... whatever the stored order.
    expect(en.changes).toEqual([
      { field: 'country', label: 'Country', before: 'France', after: 'Germany' },
      { field: 'locale', label: 'Language', before: 'French', after: 'English' },
      { field: 'city', label: 'City', before: 'Paris', after: 'Lyon' },
    ]);
    const fr = describeEntry(company, 'fr', 'UTC');
    expect(fr.changes.map((c) => [c.before, c.after])).toEqual([
      ['France', 'Allemagne'],
      ['Français', 'Anglais'],
      ['Paris', 'Lyon'],
    ]);
    const reversed = { ...company, before: Object.fromEntries(Object.entries(company.before).reverse()) };
    expect(describeEntry(reversed, 'en', 'UTC').changes.map((c) => c.field)).toEqual(['country', 'locale', 'city']);
    // Inside a value too: a no-answer target reads the same whatever order JSONB stored it in.
    const noAnswer = { ...company, before: {}, after: { noAnswer: { name: 'Eve Martin', kind: 'voicemail', extension: '101' } } };
    expect(describeEntry(noAnswer, 'en', 'UTC').changes[0]?.after).toBe('Name: Eve Martin, Extension: 101, Target type: Voicemail');
    // Number types: toll-free is never "Free".
    const number = { ...base, card: 'numbers' as const, action: 'number.mapped', target: '01 23 45 67 89', before: { type: 'local' }, after: { type: 'toll_free' } };
    expect(describeEntry(number, 'fr', 'UTC').changes[0]).toMatchObject({ before: 'Local', after: 'Numéro vert' });
    expect(describeEntry(number, 'en', 'UTC').changes[0]).toMatchObject({ before: 'Local', after: 'Toll-free' });
  });

  it('pages of ten, through the admin-only action', async () => {
    const { company, admin } = await signUpCompany();
    await db()
      .insert(auditLog)
      .values(
        Array.from({ length: 24 }, (_, i) => ({
          companyId: company.id,
          actorId: admin.id,
          actorName: 'Ada Admin',
          card: 'team' as const,
          action: 'user.added',
          target: `User ${i}`,
          at: new Date(Date.UTC(2026, 0, 1, 0, i)),
        })),
      );
    const page3 = await runAction(historyPage, { userId: admin.id, locale: 'en', input: { card: 'team', page: 3 } });
    expect(page3.ok).toBe(true);
    expect(page3.data).toMatchObject({ page: 3, pageCount: 3, total: 24 });
    expect(page3.data!.entries.map((e) => e.target)).toEqual(['User 3', 'User 2', 'User 1', 'User 0']);
    const first = await loadHistory(company.id, 'team', 1, 'en');
    expect(first.entries).toHaveLength(HISTORY_PAGE_SIZE);
    expect(first.entries[0].target).toBe('User 23');
    const beyond = await loadHistory(company.id, 'team', 9, 'en');
    expect(beyond).toMatchObject({ page: 9, pageCount: 3, total: 24, entries: [] });
    expect(await runAction(historyPage, { userId: admin.id, locale: 'en', input: { card: 'nope', page: 1 } })).toMatchObject({
      fieldErrors: { card: expect.any(String) },
    });
  });
});
