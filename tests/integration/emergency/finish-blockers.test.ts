import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { emergencyNoticeAcks, outbox } from '@/db/schema';
import { acknowledgeEmergencyNotice, addEmergencyRecipient } from '@/lib/emergency/actions';
import { EMERGENCY_NOTICES } from '@/lib/emergency/notice';
import { finishSetup } from '@/lib/review/finish';
import { getMissing } from '@/lib/review/missing';
import { runAction } from '@/lib/runner/run-action';
import { useTestDatabase } from '../../helpers/db';
import { companyById, readyCompany } from '../../helpers/review';

useTestDatabase();

// Issue 14: each country's emergency duty is a Review blocker until met, and Finish refuses.
const BASE = 'https://switchboard.example';
const T0 = new Date('2026-03-02T09:30:00Z');
const finish = (userId: string) => runAction(finishSetup, { userId, locale: 'en', input: {}, baseUrl: BASE, now: () => T0 });

describe.each([
  { country: 'CA', version: 'ca-2026-1' },
  { country: 'GB', version: 'gb-2026-1' },
  { country: 'CH', version: 'ch-2026-1' },
] as const)('a $country company', ({ country, version }) => {
  it('cannot finish until an admin accepted the current notice, and can after', async () => {
    const { company, admin } = await readyCompany({ country });
    expect(EMERGENCY_NOTICES[country].version).toBe(version);
    expect(await getMissing(company.id)).toEqual([
      { code: 'emergencyNotice', severity: 'blocker', card: 'company', href: '/setup/company#emergency', count: 1, names: [] },
    ]);
    expect(await finish(admin.id)).toEqual({
      formError:
        'Setup cannot be finished yet (1 item to fix): The notice on the limits of emergency calls over the internet has not ' +
        'been accepted: read and accept it in the emergency section of the Company card.',
    });
    expect((await companyById(company.id)).setupCompletedAt).toBeNull();

    // An acknowledgement of an older text does not count.
    await db().insert(emergencyNoticeAcks).values({ companyId: company.id, userId: admin.id, userName: 'Ada Admin', locale: 'en', version: `${country.toLowerCase()}-2025-1` });
    expect((await getMissing(company.id)).map((m) => m.code)).toEqual(['emergencyNotice']);

    const accepted = await runAction(acknowledgeEmergencyNotice, { userId: admin.id, locale: 'fr', input: { version }, baseUrl: BASE, now: () => T0 });
    expect(accepted.ok, JSON.stringify(accepted)).toBe(true);
    expect(await getMissing(company.id)).toEqual([]);
    expect(await finish(admin.id)).toMatchObject({ ok: true });
    expect((await companyById(company.id)).setupCompletedAt).toEqual(T0);
  });
});

describe('a US company', () => {
  it('cannot finish without someone to tell of emergency calls, and can once an address is added', async () => {
    const { company, admin } = await readyCompany({ country: 'US' });
    expect(await getMissing(company.id)).toEqual([
      { code: 'emergencyRecipients', severity: 'blocker', card: 'company', href: '/setup/company#emergency', count: 1, names: [] },
    ]);
    const refused = await runAction(finishSetup, { userId: admin.id, locale: 'fr', input: {}, baseUrl: BASE, now: () => T0 });
    expect(refused).toEqual({
      formError:
        'La configuration ne peut pas encore être terminée (1 élément à corriger) : Personne n’est prévenu quand quelqu’un compose ' +
        'le 911 : ajoutez au moins une adresse e-mail dans la partie urgences de la fiche Entreprise (loi Kari).',
    });
    // No notice to accept in the US.
    expect(await runAction(acknowledgeEmergencyNotice, { userId: admin.id, locale: 'en', input: { version: 'ca-2026-1' } })).toEqual({
      formError: 'Your country has no emergency calling notice to accept.',
    });

    expect((await runAction(addEmergencyRecipient, { userId: admin.id, locale: 'en', input: { email: 'Front.Desk@Example.com' } })).ok).toBe(true);
    expect(await getMissing(company.id)).toEqual([]);
    expect(await finish(admin.id)).toMatchObject({ ok: true });
    // Finish queued welcome e-mails, nothing for emergencies (no call was made).
    const kinds = await db().select({ kind: outbox.kind }).from(outbox).where(and(eq(outbox.companyId, company.id)));
    expect(kinds.map((k) => k.kind)).toEqual(['welcome']);
  });
});

describe('FR and BE companies', () => {
  it('have no emergency duty beyond the address', async () => {
    for (const country of ['FR', 'BE'] as const) {
      const { company } = await readyCompany({ country });
      expect(await getMissing(company.id), country).toEqual([]);
    }
  });
});
