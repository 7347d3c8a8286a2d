import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { extensions } from '@/db/schema';
import { extensionsBreakingRules } from '@/lib/extensions/breaking-rules';
import { renumberExtension } from '@/lib/extensions/actions';
import { translator } from '@/lib/i18n/messages';
import { finishSetup } from '@/lib/review/finish';
import { describeMissing, getMissing } from '@/lib/review/missing';
import { runAction } from '@/lib/runner/run-action';
import { useTestDatabase } from '../../helpers/db';
import { act } from '../../helpers/extensions';
import { signUpCompany } from '../../helpers/factories';
import { addRingGroup, readyCompany, setCardStatus } from '../../helpers/review';
import { addMemberWithExtension } from '../../helpers/team';

// Issue 14 reserved more short codes (FR 191, 196, 197, 116117; US/CA 988; GB 101, 105, 111,
// 116xxx; every BE and CH 1xx). Extensions given before the rule existed are inserted directly
// here, as the old rules allowed them: they are listed for renumbering and block Finish, and
// nothing renumbers them behind the admin's back.

useTestDatabase();

const en = translator('en');
const fr = translator('fr');

async function numbersOf(companyId: string) {
  const rows = await db().select({ number: extensions.number }).from(extensions).where(eq(extensions.companyId, companyId));
  return rows.map((r) => r.number).sort();
}

describe('extensions that break a newer numbering rule', () => {
  it('are listed with the reason, block Finish in words, and stay as they are until renumbered', async () => {
    const { company, admin } = await readyCompany();
    const { user: zoe, extension: zoeExtension } = await addMemberWithExtension(company.id, '191', {
      firstName: 'Zoé',
      lastName: 'Petit',
      licence: 'free',
    });
    const group = await addRingGroup(company.id, '197', 'Accueil', [zoe.id]);

    const breaking = await extensionsBreakingRules(company.id);
    expect(breaking).toEqual([
      {
        id: zoeExtension.id,
        number: '191',
        type: 'user',
        name: 'Zoé Petit',
        problem: { key: 'errors.extensionReservedEmergency', params: { code: '191' } },
      },
      {
        id: group.id,
        number: '197',
        type: 'ring_group',
        name: 'Accueil',
        problem: { key: 'errors.extensionReservedEmergency', params: { code: '197' } },
      },
    ]);
    // The reason in words, as the Extensions card prints it.
    const problem = breaking[0]!.problem as { key: 'errors.extensionReservedEmergency'; params: { code: string } };
    expect(en(problem.key, problem.params)).toBe('This number is reserved for the emergency number 191.');
    expect(fr(problem.key, problem.params)).toBe('Ce numéro est réservé au numéro d’urgence 191.');

    const items = await getMissing(company.id);
    expect(items).toEqual([
      {
        code: 'extensionReserved',
        severity: 'blocker',
        card: 'extensions',
        href: '/setup/extensions',
        count: 2,
        names: ['191 (Zoé Petit)', '197 (Accueil)'],
      },
    ]);
    expect(describeMissing(items[0]!, en)).toBe(
      '2 extensions use numbers reserved for emergency or service calls, so nobody can call them: 191 (Zoé Petit), 197 (Accueil). Renumber them.',
    );
    expect(describeMissing(items[0]!, fr)).toBe(
      '2 postes utilisent des numéros réservés aux appels d’urgence ou de service, personne ne peut donc les appeler : 191 (Zoé Petit), 197 (Accueil). Changez leurs numéros.',
    );

    const refused = await runAction(finishSetup, { userId: admin.id, locale: 'en', input: {} });
    expect(refused.formError).toContain('so nobody can call them: 191 (Zoé Petit), 197 (Accueil)');
    // Never changed silently: neither reading the list nor Finish touched the numbers.
    expect(await numbersOf(company.id)).toEqual(['101', '191', '197']);

    // Renumbering one through the usual action takes it off the list.
    expect((await act(renumberExtension, admin.id, { id: zoeExtension.id, extension: '102' })).ok).toBe(true);
    expect((await extensionsBreakingRules(company.id)).map((e) => e.number)).toEqual(['197']);
    const one = (await getMissing(company.id)).find((i) => i.code === 'extensionReserved')!;
    expect(describeMissing(one, en)).toBe(
      '1 extension uses a number reserved for emergency or service calls, so nobody can call it: 197 (Accueil). Renumber it.',
    );

    expect((await act(renumberExtension, admin.id, { id: group.id, extension: '500' })).ok).toBe(true);
    expect(await extensionsBreakingRules(company.id)).toEqual([]);
    // Renumbering edits the Extensions card; once verified again, Finish goes through.
    await setCardStatus(company.id, 'extensions', 'verified');
    expect(await getMissing(company.id)).toEqual([]);
    expect((await runAction(finishSetup, { userId: admin.id, locale: 'en', input: {} })).ok).toBe(true);
  });

  it('names the BE 1xx range for a Belgian extension from before the rule, and the emergency code before it', async () => {
    const { company } = await signUpCompany({ country: 'BE' });
    await addMemberWithExtension(company.id, '102', { firstName: 'Lou', lastName: 'Janssens' });
    await addMemberWithExtension(company.id, '101', { firstName: 'Tom', lastName: 'Peeters' });
    const breaking = await extensionsBreakingRules(company.id);
    expect(breaking.map((e) => [e.number, e.name, e.problem])).toEqual([
      ['101', 'Tom Peeters', { key: 'errors.extensionReservedEmergency', params: { code: '101' } }],
      ['102', 'Lou Janssens', { key: 'errors.extensionReserved', params: { code: '1xx' } }],
    ]);
    expect(en('errors.extensionReserved', { code: '1xx' })).toBe('This number is reserved for the service number 1xx.');
    // The sign-up's own extension (200) follows the new rule and is not listed.
    expect(await numbersOf(company.id)).toEqual(['101', '102', '200']);
  });

  it('lists nothing for a company whose numbers all follow the rules, and nothing of another company', async () => {
    const { company } = await signUpCompany({ country: 'GB' });
    await addMemberWithExtension(company.id, '150');
    const other = await signUpCompany({ country: 'GB' });
    await addMemberWithExtension(other.company.id, '105');
    expect(await extensionsBreakingRules(company.id)).toEqual([]);
    expect((await extensionsBreakingRules(other.company.id)).map((e) => e.number)).toEqual(['105']);
  });
});
