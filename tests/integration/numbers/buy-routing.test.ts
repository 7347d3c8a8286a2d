import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { phoneNumbers } from '@/db/schema';
import { createRingGroup } from '@/lib/extensions/actions';
import { holdNumbers, purchaseNumbers } from '@/lib/numbers/actions';
import { useTestDatabase } from '../../helpers/db';
import { act, company, key, numberRow, numbersAudit, ordersOf, ownedBy, someNumbers } from './helpers';

useTestDatabase();

// Issue 11: what the bought numbers ring and which one is main are chosen before Buy and
// written in the purchase's own transaction.

async function setUp() {
  const c = await company({ officeSeats: 2 }, { keepSignUpNumber: true });
  const group = await act(createRingGroup, c.admin.id, {
    name: 'Ventes',
    extension: '500',
    strategy: 'simultaneous',
    members: [{ userId: c.admin.id, ringSeconds: 20 }],
    noAnswer: { kind: 'voicemail', userId: c.admin.id },
  });
  const wanted = await someNumbers('FR', 2, c.company.id);
  expect((await act(holdNumbers, c.admin.id, { ids: wanted.map((n) => n.id) })).ok).toBe(true);
  const [main] = await db().select().from(phoneNumbers).where(eq(phoneNumbers.companyId, c.company.id));
  return { ...c, groupId: group.data!.id, wanted, previousMain: main! };
}

describe('Buy with routing and main number', () => {
  it('maps every bought number to the ring group and moves the main number, with history', async () => {
    const s = await setUp();
    expect(s.previousMain.isMain).toBe(true);
    const [first, second] = s.wanted;
    const result = await act(purchaseNumbers, s.admin.id, {
      idempotencyKey: key(),
      ids: s.wanted.map((n) => n.id),
      extensionId: s.groupId,
      mainId: second!.id,
    });
    expect(result.ok).toBe(true);
    for (const n of [first!, second!]) expect((await numberRow(n.id))!.extensionId).toBe(s.groupId);
    expect((await numberRow(second!.id))!.isMain).toBe(true);
    expect((await numberRow(first!.id))!.isMain).toBe(false);
    expect((await numberRow(s.previousMain.id))!.isMain).toBe(false);
    expect((await numbersAudit(s.company.id, 'number.mapped')).map((a) => a.target).sort()).toEqual(
      [first!.national, second!.national].sort(),
    );
    const mainChange = await numbersAudit(s.company.id, 'number.mainChanged');
    expect(mainChange.at(-1)?.target).toBe(second!.national);
  });

  it('without choices the numbers stay unassigned and the main number stays', async () => {
    const s = await setUp();
    expect((await act(purchaseNumbers, s.admin.id, { idempotencyKey: key(), ids: s.wanted.map((n) => n.id) })).ok).toBe(true);
    for (const n of s.wanted) expect((await numberRow(n.id))!.extensionId).toBeNull();
    expect((await numberRow(s.previousMain.id))!.isMain).toBe(true);
  });

  it('another company’s extension or a main number outside the order buys nothing', async () => {
    const s = await setUp();
    const other = await company({ officeSeats: 1 }, { keepSignUpNumber: true });
    const otherGroup = await act(createRingGroup, other.admin.id, {
      name: 'Autre',
      extension: '500',
      strategy: 'simultaneous',
      members: [{ userId: other.admin.id, ringSeconds: 20 }],
      noAnswer: { kind: 'voicemail', userId: other.admin.id },
    });
    const ids = s.wanted.map((n) => n.id);
    const linesBefore = (await ordersOf(s.company.id)).lines.length;
    const foreign = await act(purchaseNumbers, s.admin.id, { idempotencyKey: key(), ids, extensionId: otherGroup.data!.id });
    expect(foreign.fieldErrors?.extensionId).toBe('This extension no longer exists in your company. Choose another one.');
    const outside = await act(purchaseNumbers, s.admin.id, { idempotencyKey: key(), ids, mainId: s.previousMain.id });
    expect(outside.fieldErrors?.mainId).toBeTruthy();
    expect(await ownedBy(s.company.id)).toHaveLength(1);
    expect((await ordersOf(s.company.id)).lines).toHaveLength(linesBefore);
  });
});
