import { describe, expect, it } from 'vitest';
import { EXTENSION_TYPES, type ExtensionType } from '@/db/schema';
import { COUNTRIES, type CountryCode } from '@/lib/countries/rules';
import { block, checkExtensionNumber, nextFree, type ExtensionLength } from '@/lib/extensions/numbering';

const rules = (country: CountryCode, length: ExtensionLength = 3) => ({ country, length });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** Every number auto-assignment hands out, in order, by calling nextFree until the block is full. */
function assignAll(type: ExtensionType, country: CountryCode, length: ExtensionLength = 3) {
  const used: string[] = [];
  for (let next = nextFree(type, rules(country, length), used); next; next = nextFree(type, rules(country, length), used)) {
    used.push(next);
  }
  return used;
}

describe('checkExtensionNumber', () => {
  it.each(['12a', '', ' 101', '101 ', '-101', '1e2', '1.0', '１０１'])('refuses non-digits: %j', (number) => {
    expect(checkExtensionNumber(number, rules('FR'))).toEqual({ key: 'errors.extensionDigits' });
  });

  it('requires exactly the company’s length', () => {
    expect(checkExtensionNumber('10', rules('FR', 3))).toEqual({ key: 'errors.extensionLength', params: { length: 3 } });
    expect(checkExtensionNumber('1010', rules('FR', 3))).toEqual({ key: 'errors.extensionLength', params: { length: 3 } });
    expect(checkExtensionNumber('101', rules('FR', 4))).toEqual({ key: 'errors.extensionLength', params: { length: 4 } });
    expect(checkExtensionNumber('10101', rules('FR', 4))).toEqual({ key: 'errors.extensionLength', params: { length: 4 } });
    expect(checkExtensionNumber('1010', rules('FR', 4))).toBeUndefined();
  });

  it('refuses a leading zero', () => {
    expect(checkExtensionNumber('012', rules('FR', 3))).toEqual({ key: 'errors.extensionLeadingZero' });
    expect(checkExtensionNumber('0123', rules('US', 4))).toEqual({ key: 'errors.extensionLeadingZero' });
    expect(checkExtensionNumber('000', rules('GB', 3))).toEqual({ key: 'errors.extensionLeadingZero' });
  });

  const reserved = (code: string) => ({ key: 'errors.extensionReserved', params: { code } });

  it.each<[CountryCode, ExtensionLength, string, string]>([
    ['FR', 3, '112', '112'],
    ['FR', 4, '1120', '112'],
    ['FR', 3, '150', '15'],
    ['FR', 3, '155', '15'],
    ['FR', 3, '159', '15'],
    ['FR', 4, '1500', '15'],
    ['FR', 3, '170', '17'],
    ['FR', 3, '189', '18'],
    ['FR', 3, '114', '114'],
    ['FR', 3, '115', '115'],
    ['FR', 3, '119', '119'],
    ['FR', 3, '116', '116'],
    ['FR', 4, '1160', '116'],
    ['FR', 4, '1169', '116'],
    ['US', 3, '911', '911'],
    ['US', 4, '9110', '911'],
    ['US', 3, '933', '933'],
    ['US', 3, '411', '411'],
    ['CA', 3, '911', '911'],
    ['CA', 4, '8110', '811'],
    ['GB', 3, '999', '999'],
    ['GB', 3, '112', '112'],
    ['BE', 3, '100', '100'],
    ['BE', 3, '101', '101'],
    ['BE', 4, '1015', '101'],
    ['BE', 3, '112', '112'],
    ['CH', 3, '117', '117'],
    ['CH', 3, '118', '118'],
    ['CH', 3, '144', '144'],
    ['CH', 4, '1440', '144'],
  ])('%s %i digits: %s is reserved for %s', (country, length, number, code) => {
    expect(checkExtensionNumber(number, rules(country, length))).toEqual(reserved(code));
  });

  it.each<[CountryCode, ExtensionLength, string]>([
    ['FR', 3, '101'],
    ['FR', 3, '113'],
    ['FR', 3, '117'],
    ['FR', 3, '149'],
    ['FR', 3, '160'],
    ['FR', 3, '190'],
    ['FR', 3, '200'],
    ['FR', 3, '911'],
    ['FR', 4, '1010'],
    ['FR', 4, '1130'],
    ['US', 3, '112'],
    ['US', 3, '101'],
    ['US', 4, '9120'],
    ['GB', 3, '101'],
    ['GB', 3, '911'],
    ['BE', 3, '102'],
    ['BE', 4, '1020'],
    ['CH', 3, '101'],
    ['CH', 3, '911'],
  ])('%s %i digits: %s is allowed', (country, length, number) => {
    expect(checkExtensionNumber(number, rules(country, length))).toBeUndefined();
  });
});

describe('block', () => {
  it('gives the 3-digit blocks and the same blocks times ten for 4 digits', () => {
    expect(block('user', 3)).toEqual([101, 499]);
    expect(block('ring_group', 3)).toEqual([500, 599]);
    expect(block('conference', 3)).toEqual([800, 899]);
    expect(block('user', 4)).toEqual([1010, 4999]);
    expect(block('ring_group', 4)).toEqual([5000, 5999]);
    expect(block('conference', 4)).toEqual([8000, 8999]);
  });
});

describe('nextFree', () => {
  it.each<[ExtensionType, ExtensionLength, string]>([
    ['user', 3, '101'],
    ['ring_group', 3, '500'],
    ['conference', 3, '800'],
    ['user', 4, '1010'],
    ['ring_group', 4, '5000'],
    ['conference', 4, '8000'],
  ])('FR %s, %i digits, starts at %s', (type, length, first) => {
    expect(nextFree(type, rules('FR', length), [])).toBe(first);
  });

  it('skips numbers already used', () => {
    expect(nextFree('user', rules('FR'), ['101'])).toBe('102');
    expect(nextFree('user', rules('FR'), new Set(['101', '102', '104']))).toBe('103');
    expect(nextFree('ring_group', rules('FR'), ['500', '501'])).toBe('502');
    expect(nextFree('conference', rules('FR', 4), ['8000'])).toBe('8001');
    // Numbers of other blocks do not matter.
    expect(nextFree('user', rules('FR'), ['500', '800'])).toBe('101');
  });

  it('skips reserved numbers as well as used ones', () => {
    expect(nextFree('user', rules('FR'), range(101, 111))).toBe('113');
    expect(nextFree('user', rules('FR'), range(101, 113))).toBe('117');
    expect(nextFree('user', rules('FR'), [...range(101, 113), '117', '118'])).toBe('120');
    expect(nextFree('user', rules('FR'), range(101, 149))).toBe('160');
    expect(nextFree('user', rules('FR'), range(101, 169))).toBe('190');
    expect(nextFree('conference', rules('US'), range(800, 810))).toBe('812');
    expect(nextFree('user', rules('US'), range(101, 210))).toBe('212');
  });

  it('never hands a French user 112, 114, 115, 116, 119, 150-159 or 170-189', () => {
    const all = assignAll('user', 'FR');
    const forbidden = ['112', '114', '115', '116', '119', ...range(150, 159), ...range(170, 189)];
    expect(all.filter((n) => forbidden.includes(n))).toEqual([]);
    expect(all).toHaveLength(399 - forbidden.length);
    expect(all.slice(0, 14)).toEqual([...range(101, 111), '113', '117', '118']);
  });

  it('gives a Belgian company’s first user 102, and in 4 digits skips 1010-1019', () => {
    expect(nextFree('user', rules('BE'), [])).toBe('102');
    expect(nextFree('user', rules('BE', 4), [])).toBe('1020');
    expect(nextFree('user', rules('CH'), [])).toBe('101');
  });

  it('hands out only valid, distinct numbers of the type’s block, in every country', () => {
    for (const country of COUNTRIES) {
      for (const type of EXTENSION_TYPES) {
        const all = assignAll(type, country);
        const [from, to] = block(type, 3);
        expect(all.length, `${country} ${type}`).toBeGreaterThan(0);
        expect(new Set(all).size).toBe(all.length);
        for (const n of all) {
          expect(Number(n) >= from && Number(n) <= to, `${country} ${type} ${n} in block`).toBe(true);
          expect(checkExtensionNumber(n, rules(country)), `${country} ${type} ${n}`).toBeUndefined();
        }
      }
    }
  });

  it('answers undefined when the block is full', () => {
    expect(nextFree('ring_group', rules('FR'), range(500, 599))).toBeUndefined();
    expect(nextFree('ring_group', rules('FR', 4), range(5000, 5999))).toBeUndefined();
    expect(nextFree('conference', rules('GB'), range(800, 899))).toBeUndefined();
    // Full even with 811 unused in the US: a reserved code is never handed out.
    expect(nextFree('conference', rules('US'), range(800, 899).filter((n) => n !== '811'))).toBeUndefined();
    // One free number left is found.
    expect(nextFree('ring_group', rules('FR'), range(500, 599).filter((n) => n !== '577'))).toBe('577');
  });
});
