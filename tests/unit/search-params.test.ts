import { describe, expect, it } from 'vitest';
import { signInPageSchema } from '@/lib/auth/schema';
import { COUNTRIES } from '@/lib/countries/rules';
import { EXTENSION_FILTERS, extensionFilterSchema } from '@/lib/extensions/schema';
import { decodeSegment, PAGE_MAX, pageSearchSchema, repairedPath, SEARCH_TEXT_MAX } from '@/lib/format/pages';
import { NUMBER_TYPES } from '@/lib/numbers/schema';
import { parseNumberSearch } from '@/lib/numbers/search-params';
import { teamSearchSchema } from '@/lib/team/schema';
import { BAD_VALUES, badSearchParams, CONTROL } from '../helpers/bad-input';

const expectPage = (page: number) => {
  expect(Number.isInteger(page)).toBe(true);
  expect(page).toBeGreaterThanOrEqual(1);
  expect(page).toBeLessThanOrEqual(PAGE_MAX);
};
const expectCleanText = (text: string, max: number) => {
  expect(typeof text).toBe('string');
  expect(text).not.toMatch(CONTROL);
  expect(Array.from(text).length).toBeLessThanOrEqual(max);
  // Never half of a surrogate pair: PostgreSQL would get invalid UTF-8.
  expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
};

describe('every page’s search params parse to usable values, whatever the URL', () => {
  it('generates at least 30 bad cases per page', () => {
    expect(badSearchParams(['page']).length).toBeGreaterThanOrEqual(30);
  });

  it('/setup/team: q and page', () => {
    for (const params of badSearchParams(['q', 'page'])) {
      const { q, page } = teamSearchSchema.parse(params);
      expectCleanText(q, SEARCH_TEXT_MAX);
      expectPage(page);
    }
  });

  it('/setup/outbox and /setup/numbers: page', () => {
    for (const params of badSearchParams(['page'])) expectPage(pageSearchSchema.parse(params).page);
  });

  it('/setup/extensions: type', () => {
    for (const params of badSearchParams(['type'])) {
      const { type } = extensionFilterSchema.parse(params);
      expect(type === undefined || EXTENSION_FILTERS.includes(type)).toBe(true);
    }
  });

  it('/setup/numbers/buy: country, type, area, digits, page (a typed field in error gets a message)', () => {
    for (const params of badSearchParams(['country', 'type', 'area', 'digits', 'page'])) {
      const { values, errors, valid } = parseNumberSearch(params, 'FR');
      expect(COUNTRIES).toContain(values.country);
      expect(NUMBER_TYPES).toContain(values.type);
      expect(values.page).toBeGreaterThanOrEqual(1);
      expectCleanText(values.area, 60);
      expectCleanText(values.digits, 20);
      if (!valid) expect(errors.area ?? errors.digits).toMatch(/^errors\./);
    }
  });

  it('/sign-in: callbackUrl', () => {
    for (const params of badSearchParams(['callbackUrl'])) expectCleanText(signInPageSchema.parse(params).callbackUrl, 2_000);
  });

  it('/activate/[token]: a malformed or odd segment reads as text or as nothing, never throws', () => {
    for (const value of [...BAD_VALUES.flat(), '%', '%E0%A4%A', '%FF', '%u0041', undefined, 42]) {
      expect(typeof decodeSegment(value)).toBe('string');
    }
    expect(decodeSegment('%E0%A4%A')).toBe('');
    expect(decodeSegment('abc%2Dd')).toBe('abc-d');
  });
});

describe('the fallbacks are the ones a user expects', () => {
  it('a bad page is page 1; a good one is kept', () => {
    for (const page of ['abc', '-1', '0', '1e20', '2.5', '', ['x', '3']]) expect(pageSearchSchema.parse({ page }).page).toBe(1);
    expect(pageSearchSchema.parse({ page: '3' }).page).toBe(3);
    expect(pageSearchSchema.parse({ page: ['4', 'x'] }).page).toBe(4);
    expect(pageSearchSchema.parse({}).page).toBe(1);
  });

  it('a search text keeps its first 100 characters, loses control characters, and a repeated q counts once', () => {
    expect(teamSearchSchema.parse({ q: 'x'.repeat(150) }).q).toBe('x'.repeat(100));
    expect(teamSearchSchema.parse({ q: '%00' }).q).toBe('%00');
    expect(teamSearchSchema.parse({ q: '\u0000' }).q).toBe('');
    expect(teamSearchSchema.parse({ q: ' Lé\u0000a ' }).q).toBe('Léa');
    expect(teamSearchSchema.parse({ q: ['ada', 'bob'] }).q).toBe('ada');
  });

  it('Buy numbers: an unknown country or type falls back to the company’s defaults and still searches', () => {
    expect(parseNumberSearch({ country: 'ZZ', type: 'satellite', page: '1e20' }, 'FR')).toEqual({
      values: { country: 'FR', type: 'local', area: '', digits: '', page: 1 },
      errors: {},
      valid: true,
    });
    expect(parseNumberSearch({ country: ['US', 'FR'], type: 'toll_free' }, 'FR').values).toMatchObject({ country: 'US', type: 'toll_free' });
  });

  it('Buy numbers: bad digits or area keep what was typed (printable) with their message', () => {
    const digits = parseNumberSearch({ digits: '12a\u0000' }, 'FR');
    expect(digits).toMatchObject({ valid: false, errors: { digits: 'errors.digitsInvalid' }, values: { digits: '12a' } });
    const area = parseNumberSearch({ area: 'Par\u0000is' }, 'FR');
    expect(area).toMatchObject({ valid: false, errors: { area: 'errors.controlCharacters' }, values: { area: 'Paris' } });
    expect(parseNumberSearch({ area: 'x'.repeat(80) }, 'FR').errors.area).toBe('errors.tooLong');
  });
});

describe('a path with malformed percent-encoding is routed as text (proxy.ts)', () => {
  it('makes every bad escape a literal % and leaves good paths alone', () => {
    for (const path of ['/activate/%E0%A4%A', '/activate/%', '/activate/%ZZ', '/activate/%C0%80', '/%ED%A0%80', '/setup/team/%']) {
      const repaired = repairedPath(path);
      expect(repaired, path).toBeDefined();
      expect(decodeURIComponent(repaired!)).toBe(path);
    }
    expect(repairedPath('/activate/%C3%A9%')).toBe('/activate/%C3%A9%25');
    for (const path of ['/activate/abc-DEF_123', '/setup/team', '/activate/%C3%A9', '/']) expect(repairedPath(path)).toBeUndefined();
  });
});
