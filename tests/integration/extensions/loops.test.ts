import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { extensions } from '@/db/schema';
import { completeExtensionsCard, createRingGroup, updateRingGroup } from '@/lib/extensions/actions';
import { getExtensionWarnings } from '@/lib/extensions/queries';
import { signUpCompany } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';
import { act, addPeople, extensionRow, extensionsSnapshot, ringGroupInput } from '../../helpers/extensions';

useTestDatabase();

/** A company with one member and ring groups Sales 500, Support 501, Billing 502 (voicemail). */
async function threeGroups() {
  const { company, admin } = await signUpCompany();
  const [jean] = await addPeople(company.id, 1);
  const ids = [jean.user.id];
  const create = async (name: string, extension: string) =>
    (await act(createRingGroup, admin.id, ringGroupInput(ids, { name, extension }))).data!.id;
  const a = await create('Sales', '500');
  const b = await create('Support', '501');
  const c = await create('Billing', '502');
  const forward = (id: string, name: string, extension: string, to: string, locale: 'en' | 'fr' = 'en') =>
    act(updateRingGroup, admin.id, ringGroupInput(ids, { id, name, extension, noAnswer: { kind: 'extension', extensionId: to } }), locale);
  return { company, admin, jean, a, b, c, forward };
}

describe('no-answer loops', () => {
  it('refuses A -> B -> A, saying which way the calls would go', async () => {
    const { company, a, b, forward } = await threeGroups();
    expect((await forward(a, 'Sales', '500', b)).ok).toBe(true);
    const before = await extensionsSnapshot(company.id);
    const loop = await forward(b, 'Support', '501', a);
    expect(loop).toEqual({
      fieldErrors: {
        noAnswer: 'Unanswered calls would go round in a loop: Support (501) → Sales (500) → Support (501). Choose another extension.',
      },
    });
    const inFrench = await forward(b, 'Support', '501', a, 'fr');
    expect(inFrench.fieldErrors?.noAnswer).toMatch(/^Les appels sans réponse tourneraient en boucle : Support \(501\)/);
    expect(await extensionsSnapshot(company.id)).toEqual(before);
  });

  it('refuses A -> B -> C -> A, through other groups', async () => {
    const { a, b, c, forward } = await threeGroups();
    expect((await forward(a, 'Sales', '500', b)).ok).toBe(true);
    expect((await forward(b, 'Support', '501', c)).ok).toBe(true);
    const loop = await forward(c, 'Billing', '502', a);
    expect(loop.fieldErrors?.noAnswer).toContain('Billing (502) → Sales (500) → Support (501) → Billing (502)');
    expect((await extensionRow(c)).noAnswerExtensionId).toBeNull();
  });

  it('refuses a group forwarding to itself', async () => {
    const { a, forward } = await threeGroups();
    expect((await forward(a, 'Sales', '500', a)).fieldErrors).toEqual({
      noAnswer: 'A ring group cannot forward unanswered calls to itself.',
    });
  });

  it('names the group being renamed by its new name in the loop message', async () => {
    const { a, b, forward } = await threeGroups();
    await forward(a, 'Sales', '500', b);
    const loop = await forward(b, 'Help desk', '520', a);
    expect(loop.fieldErrors?.noAnswer).toContain('Help desk (520) → Sales (500) → Help desk (520)');
  });

  it('allows chains and shared targets without a loop, and re-pointing a chain', async () => {
    const { a, b, c, jean, forward } = await threeGroups();
    expect((await forward(a, 'Sales', '500', b)).ok).toBe(true);
    expect((await forward(c, 'Billing', '502', b)).ok).toBe(true);
    expect((await forward(b, 'Support', '501', jean.extension.id)).ok).toBe(true);
    // Moving A's target from B to C, while C -> B: still no loop.
    expect((await forward(a, 'Sales', '500', c)).ok).toBe(true);
  });

  it('a loop that only a data fix could create blocks Done, naming the group, and is flagged', async () => {
    const { company, admin, a, b } = await threeGroups();
    // The actions refuse loops, so write one behind their back.
    await db().update(extensions).set({ noAnswerKind: 'extension', noAnswerExtensionId: b, noAnswerUserId: null }).where(eq(extensions.id, a));
    await db().update(extensions).set({ noAnswerKind: 'extension', noAnswerExtensionId: a, noAnswerUserId: null }).where(eq(extensions.id, b));
    const done = await act(completeExtensionsCard, admin.id, {});
    expect(done).toEqual({
      formError:
        'The ring group Sales (500) forwards unanswered calls in a loop: Sales (500) → Support (501) → Sales (500). Change its target.',
    });
    expect((await getExtensionWarnings(company.id)).filter((w) => w.kind === 'loop').map((w) => w.name)).toEqual([
      'Sales',
      'Support',
    ]);
  });
});
