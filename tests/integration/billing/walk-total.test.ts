import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { phoneNumbers } from '@/db/schema';
import { completeCallsCard, saveBusinessHours, setStateTargets } from '@/lib/calls/actions';
import { saveCompanyDetails, verifyCompanyCard } from '@/lib/company/actions';
import { completeExtensionsCard, createConference, createRingGroup } from '@/lib/extensions/actions';
import { completeLicencesCard } from '@/lib/licences/actions';
import { completeNumbersCard, holdNumbers, purchaseNumbers, setMainNumber } from '@/lib/numbers/actions';
import { formatMoney } from '@/lib/prices/money';
import { getCostSummary } from '@/lib/review/cost';
import { getMissing } from '@/lib/review/missing';
import { finishSetup } from '@/lib/review/finish';
import { commitUserImport } from '@/lib/team/import-commit';
import { completeTeamCard } from '@/lib/team/actions';
import { FR_DETAILS } from '../../helpers/company';
import { useTestDatabase } from '../../helpers/db';
import { fileOf } from '../import/helpers';
import { act, company, key, someNumbers } from '../numbers/helpers';

// Issue 10's walk, through the cards' own actions: a French company, 5 users (the admin and 4
// imported, all Office, 5 seats bought), a ring group, a conference bridge, one extra number,
// Finish. SPEC.md's prices: 5 x 19,95 (Office) + 9,95 (the one local number no licence or bridge
// includes) = 109,70 EUR a month; the bridge's number and each Office user's number are included.

useTestDatabase();

describe("the walk's monthly total", () => {
  it('is 109,70 € on the Review, as computed by hand from the price list', async () => {
    const c = await company({ officeSeats: 5 }, { keepSignUpNumber: true });
    const ok = (state: { ok?: boolean }) => expect(state, JSON.stringify(state)).toMatchObject({ ok: true });
    ok(await act(saveCompanyDetails, c.admin.id, FR_DETAILS, 'fr'));
    ok(await act(verifyCompanyCard, c.admin.id, {}, 'fr'));
    const csv = ['Prénom;Nom;E-mail;Type de licence;Poste', ...['Léa', 'Hugo', 'Inès', 'Marc'].map((n, i) => `${n};Martin;user${i}-${key()}@example.com;Office;${120 + i}`)].join('\n');
    ok(await act(commitUserImport, c.admin.id, { file: fileOf(csv), mode: 'all_or_nothing' }, 'fr'));
    ok(await act(completeTeamCard, c.admin.id, {}, 'fr'));
    ok(await act(completeLicencesCard, c.admin.id, {}, 'fr'));
    const group = await act(createRingGroup, c.admin.id, {
      name: 'Accueil',
      extension: '500',
      strategy: 'simultaneous',
      members: [{ userId: c.admin.id, ringSeconds: 20 }],
      noAnswer: { kind: 'voicemail', userId: c.admin.id },
    });
    ok(group);
    ok(await act(createConference, c.admin.id, { name: 'Réunion', extension: '800' }, 'fr'));
    ok(await act(completeExtensionsCard, c.admin.id, {}, 'fr'));
    const [extra] = await someNumbers('FR', 1, c.company.id);
    ok(await act(holdNumbers, c.admin.id, { ids: [extra!.id] }));
    ok(await act(purchaseNumbers, c.admin.id, { idempotencyKey: key(), ids: [extra!.id], extensionId: (group as { data: { id: string } }).data.id }));
    ok(await act(setMainNumber, c.admin.id, { id: extra!.id }));
    ok(await act(completeNumbersCard, c.admin.id, {}, 'fr'));
    // Call handling: office hours; the reception group when open, the admin's voicemail otherwise.
    const week = { mon: [{ start: '09:00', end: '18:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    ok(await act(saveBusinessHours, c.admin.id, { week: JSON.stringify(week) }, 'fr'));
    const groupId = (group as { data: { id: string } }).data.id;
    const voicemail = `voicemail:${c.admin.id}`;
    ok(await act(setStateTargets, c.admin.id, { open: `ring_group:${groupId}`, closed: voicemail, holiday: voicemail }, 'fr'));
    ok(await act(completeCallsCard, c.admin.id, {}, 'fr'));
    expect((await getMissing(c.company.id)).filter((m) => m.severity === 'blocker')).toEqual([]);
    ok(await act(finishSetup, c.admin.id, {}, 'fr'));

    const owned = await db().select().from(phoneNumbers).where(and(eq(phoneNumbers.companyId, c.company.id), eq(phoneNumbers.status, 'owned')));
    // 5 Office users' numbers, the bridge's, and the extra one.
    expect(owned).toHaveLength(7);
    const cost = await getCostSummary(c.company.id);
    const byHand = 5 * 1995 + 995;
    expect(cost.monthlyTotalMinor).toBe(byHand);
    expect(formatMoney(cost.monthlyTotalMinor, cost.currency, 'fr')).toBe('109,70\u00a0€');
  });
});
