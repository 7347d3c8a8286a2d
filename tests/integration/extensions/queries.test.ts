import { describe, expect, it } from 'vitest';
import { createConference, createRingGroup } from '@/lib/extensions/actions';
import { getExtensionsCardData, getExtensionWarnings } from '@/lib/extensions/queries';
import { signUpCompany } from '../../helpers/factories';
import { useCountingDatabase } from '../../helpers/db';
import { act, addPeople, ringGroupInput } from '../../helpers/extensions';
import { LIST_PAGE_SIZE } from '@/lib/format/pages';

// The card's queries are counted through the driver's logger. Conference bridges get a direct
// number: the inventory must have some.
const { count: counted } = useCountingDatabase({ numbers: true });

async function count<T>(run: () => Promise<T>) {
  const { result, statements } = await counted(run);
  return { result, statements: statements.length };
}

describe('getExtensionsCardData', () => {
  it('runs the same number of statements for 1 or 30 ring groups of 5 members (the page, its members, the company)', async () => {
    const small = await signUpCompany();
    const [one] = await addPeople(small.company.id, 1);
    await act(createRingGroup, small.admin.id, ringGroupInput([one.user.id]));

    const large = await signUpCompany();
    const people = await addPeople(large.company.id, 5);
    const ids = people.map((p) => p.user.id);
    for (let i = 0; i < 30; i++) {
      await act(createRingGroup, large.admin.id, ringGroupInput(ids, { name: `Group ${i}`, extension: String(500 + i) }));
    }
    await act(createConference, large.admin.id, { name: 'Board', extension: '800' });

    const a = await count(() => getExtensionsCardData(small.company.id));
    const b = await count(() => getExtensionsCardData(large.company.id));
    expect(a.statements).toBe(3);
    expect(b.statements).toBe(a.statements);
    // 37 extensions: the first page holds LIST_PAGE_SIZE of them.
    expect(b.result.total).toBe(1 + 5 + 30 + 1);
    expect(b.result.rows).toHaveLength(Math.min(LIST_PAGE_SIZE, 37));
    expect(b.result.counts).toEqual({ user: 6, ring_group: 30, conference: 1 });
    expect(b.result.rows.filter((r) => r.type === 'ring_group').every((r) => r.ringGroup!.members.length === 5)).toBe(true);

    const filtered = await count(() => getExtensionsCardData(large.company.id, { type: 'conference' }));
    expect(filtered.statements).toBeLessThanOrEqual(3);
    expect(filtered.result.rows.map((r) => [r.type, r.name, r.conference, r.directNumber])).toEqual([
      ['conference', 'Board', { maxParticipants: 10 }, expect.stringMatching(/^0\d( \d\d){4}$/)],
    ]);
    // The filter counts and the next free numbers are the company's, whatever the filter.
    expect(filtered.result.counts).toEqual({ user: 6, ring_group: 30, conference: 1 });
    expect(filtered.result.next).toEqual(b.result.next);

    const warnings = await count(() => getExtensionWarnings(large.company.id));
    expect(warnings).toEqual({ result: [], statements: 1 });
  });

  it('lists members in ringing order with their strategy, and never another company’s extensions', async () => {
    const a = await signUpCompany();
    const b = await signUpCompany();
    const [jean, ines] = await addPeople(a.company.id, 2);
    await addPeople(b.company.id, 3);
    await act(
      createRingGroup,
      a.admin.id,
      ringGroupInput([ines.user.id, jean.user.id], { strategy: 'round_robin', noAnswer: { kind: 'voicemail', userId: jean.user.id } }),
    );
    const data = await getExtensionsCardData(a.company.id);
    expect(data.rows.map((r) => `${r.number} ${r.type} ${r.name}`)).toEqual([
      '101 user Ada Admin',
      '102 user Person 1',
      '103 user Person 2',
      '500 ring_group Sales',
    ]);
    expect(data.rows[3].ringGroup).toEqual({
      strategy: 'round_robin',
      members: [
        { userId: ines.user.id, name: 'Person 2', extension: '103', ringSeconds: 20 },
        { userId: jean.user.id, name: 'Person 1', extension: '102', ringSeconds: 20 },
      ],
      noAnswer: { kind: 'voicemail', userId: jean.user.id, name: 'Person 1' },
    });
  });
});

describe('getExtensionsCardData pages and searches', () => {
  it('pages by LIST_PAGE_SIZE, searches number, name and e-mail, and says the total of the search', async () => {
    const { company, admin } = await signUpCompany({ firstName: 'Ada', lastName: 'Admin' });
    const people = await addPeople(company.id, 60);
    await act(createRingGroup, admin.id, ringGroupInput([people[0].user.id], { name: 'Support desk', extension: '500' }));

    const pageCount = Math.ceil(62 / LIST_PAGE_SIZE);
    const first = await getExtensionsCardData(company.id);
    expect(first).toMatchObject({ total: 62, page: 1, pageCount });
    expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
    const second = await getExtensionsCardData(company.id, { page: 2 });
    expect(second.rows[0].number > first.rows[LIST_PAGE_SIZE - 1].number).toBe(true);
    const last = await getExtensionsCardData(company.id, { page: pageCount });
    expect(last.rows.map((r) => r.number).at(-1)).toBe('500');
    expect(await getExtensionsCardData(company.id, { page: 9 })).toMatchObject({ rows: [], total: 62, page: 9, pageCount });
    // A filter without a search: its type's count is its total.
    expect(await getExtensionsCardData(company.id, { type: 'user', page: 3 })).toMatchObject({ total: 61, pageCount: Math.ceil(61 / LIST_PAGE_SIZE) });
    expect(await getExtensionsCardData(company.id, { type: 'ring_group' })).toMatchObject({ total: 1, pageCount: 1 });
    expect((await getExtensionsCardData(company.id, { q: 'person', type: 'user' })).total).toBe(60);

    const byName = await getExtensionsCardData(company.id, { q: 'support' });
    expect(byName.rows.map((r) => [r.number, r.ringGroup?.members.map((m) => m.name)])).toEqual([['500', ['Person 1']]]);
    expect((await getExtensionsCardData(company.id, { q: 'admin ada' })).rows.map((r) => r.number)).toEqual(['101']);
    // A number from its start (random e-mails may hold the digits too).
    expect((await getExtensionsCardData(company.id, { q: '15' })).rows.map((r) => r.number)).toEqual(
      expect.arrayContaining(['150', '151', '152', '153', '154', '155', '156', '157', '158', '159']),
    );
    expect((await getExtensionsCardData(company.id, { q: 'person 15' })).rows.map((r) => r.number)).toEqual(['116']);
    // LIKE wildcards are literal; the type filter and the search combine.
    expect((await getExtensionsCardData(company.id, { q: '%' })).total).toBe(0);
    expect((await getExtensionsCardData(company.id, { q: '5', type: 'ring_group' })).rows.map((r) => r.number)).toEqual(['500']);
    // The counts per type stay the company's.
    expect(byName.counts).toEqual({ user: 61, ring_group: 1, conference: 0 });
  });
});
