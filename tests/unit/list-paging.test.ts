import { describe, expect, it } from 'vitest';
import { pageWindow } from '@/components/tables/pagination';
import { e164Digits, ownedNumbersSearchSchema } from '@/lib/numbers/owned-search';
import { licencesSearchSchema } from '@/lib/team/licence-holders';
import { extensionFilterSchema } from '@/lib/extensions/schema';
import { badSearchParams } from '../helpers/bad-input';

describe('pageWindow', () => {
  it.each([
    [1, 1, [1]],
    [1, 2, [1, 2]],
    [1, 20, [1, 2, null, 20]],
    [2, 20, [1, 2, 3, null, 20]],
    // One page between two shown ones is shown rather than a gap that hides a single page.
    [4, 20, [1, 2, 3, 4, 5, null, 20]],
    [10, 20, [1, null, 9, 10, 11, null, 20]],
    [20, 20, [1, null, 19, 20]],
    [3, 5, [1, 2, 3, 4, 5]],
  ])('page %i of %i', (page, count, expected) => {
    expect(pageWindow(page, count)).toEqual(expected);
  });
});

describe('e164Digits', () => {
  it.each([
    ['01 42 68 53 00', '142685300'],
    ['+33 1 42 68 53 00', '33142685300'],
    ['06.12', '612'],
    ['(212) 555', '212555'],
    ['Alice', ''],
  ])('%j', (q, digits) => expect(e164Digits(q)).toBe(digits));
});

describe('the three cards’ URLs fall back to their defaults', () => {
  it('Licences, Extensions and Phone numbers', () => {
    for (const params of badSearchParams(['q', 'page', 'licence', 'type', 'mapping'])) {
      const l = licencesSearchSchema.parse(params);
      expect(l.licence === undefined || ['free', 'office'].includes(l.licence)).toBe(true);
      const e = extensionFilterSchema.parse(params);
      expect(e.page).toBeGreaterThanOrEqual(1);
      const n = ownedNumbersSearchSchema.parse(params);
      expect(n.mapping === undefined || ['mapped', 'unmapped'].includes(n.mapping)).toBe(true);
      for (const q of [l.q, e.q, n.q]) expect(Array.from(q).length).toBeLessThanOrEqual(100);
    }
    expect(licencesSearchSchema.parse({ q: ' Dupont ', licence: 'office', page: '2' })).toEqual({ q: 'Dupont', licence: 'office', page: 2, devicesPage: 1 });
    expect(licencesSearchSchema.parse({ devicesPage: '-3' }).devicesPage).toBe(1);
    expect(ownedNumbersSearchSchema.parse({ mapping: 'everything' })).toEqual({ q: '', mapping: undefined, page: 1 });
  });
});
