import { describe, expect, it } from 'vitest';
import { EXTENSION_TYPES, type ExtensionType } from '@/db/schema';
import { COUNTRIES, type CountryCode } from '@/lib/countries/rules';
import { block, checkExtensionNumber, nextFree, reservedPrefixes, type ExtensionLength } from '@/lib/extensions/numbering';

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

  const emergency = (code: string) => ({ key: 'errors.extensionReservedEmergency', params: { code } });
  const service = (code: string) => ({ key: 'errors.extensionReserved', params: { code } });

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
    ['FR', 4, '1150', '115'],
    ['FR', 3, '119', '119'],
    // 116 starts 116000 and 116117: the emergency numbers are named before the 116xxx range.
    ['FR', 3, '116', '116000'],
    ['FR', 4, '1160', '116000'],
    ['FR', 4, '1161', '116117'],
    ['FR', 3, '191', '191'],
    ['FR', 4, '1910', '191'],
    ['FR', 3, '196', '196'],
    ['FR', 3, '197', '197'],
    ['FR', 4, '1979', '197'],
    ['US', 3, '911', '911'],
    ['US', 4, '9110', '911'],
    ['US', 3, '933', '933'],
    ['US', 4, '9339', '933'],
    ['CA', 3, '911', '911'],
    ['CA', 3, '933', '933'],
    ['GB', 3, '999', '999'],
    ['GB', 3, '112', '112'],
    ['GB', 4, '9990', '999'],
    ['BE', 3, '100', '100'],
    ['BE', 3, '101', '101'],
    ['BE', 4, '1015', '101'],
    ['BE', 3, '112', '112'],
    ['CH', 3, '112', '112'],
    ['CH', 3, '117', '117'],
    ['CH', 3, '118', '118'],
    ['CH', 3, '144', '144'],
    ['CH', 4, '1440', '144'],
    ['CH', 3, '145', '145'],
    ['CH', 4, '1414', '1414'],
    ['CH', 3, '141', '1414'],
  ])('%s %i digits: %s is reserved for the emergency number %s', (country, length, number, code) => {
    expect(checkExtensionNumber(number, rules(country, length))).toEqual(emergency(code));
  });

  it.each<[CountryCode, ExtensionLength, string, string]>([
    ['FR', 4, '1169', '116xxx'],
    ['FR', 4, '1162', '116xxx'],
    ['US', 3, '988', '988'],
    ['US', 4, '9880', '988'],
    ['US', 3, '411', '411'],
    ['US', 3, '211', '211'],
    ['CA', 3, '988', '988'],
    ['CA', 4, '8110', '811'],
    ['GB', 3, '101', '101'],
    ['GB', 3, '105', '105'],
    ['GB', 3, '111', '111'],
    ['GB', 4, '1010', '101'],
    ['GB', 4, '1119', '111'],
    ['GB', 3, '116', '116xxx'],
    ['GB', 4, '1161', '116xxx'],
    ['BE', 3, '102', '1xx'],
    ['BE', 3, '150', '1xx'],
    ['BE', 3, '199', '1xx'],
    ['BE', 4, '1020', '1xxx'],
    ['BE', 4, '1999', '1xxx'],
    ['BE', 4, '1160', '116xxx'],
    ['CH', 3, '101', '1xx'],
    ['CH', 3, '143', '1xx'],
    ['CH', 3, '199', '1xx'],
    ['CH', 4, '1813', '1xxx'],
  ])('%s %i digits: %s is reserved for the service number %s', (country, length, number, code) => {
    expect(checkExtensionNumber(number, rules(country, length))).toEqual(service(code));
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
    ['FR', 3, '190'],
    ['FR', 3, '192'],
    ['FR', 3, '198'],
    ['FR', 4, '1170'],
    ['US', 4, '9120'],
    ['US', 3, '987'],
    ['US', 3, '934'],
    ['CA', 3, '989'],
    // GB reserves single 1xx codes only: the others may be typed, though the block starts at 200.
    ['GB', 3, '102'],
    ['GB', 3, '110'],
    ['GB', 3, '150'],
    ['GB', 3, '911'],
    ['GB', 4, '1020'],
    ['BE', 3, '200'],
    ['BE', 4, '2000'],
    ['CH', 3, '200'],
    ['CH', 3, '911'],
    ['CH', 4, '2000'],
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

  it('starts the user block at 200 in GB, BE and CH, at 101 in FR, US and CA', () => {
    for (const country of ['GB', 'BE', 'CH'] as const) {
      expect(block('user', 3, country)).toEqual([200, 499]);
      expect(block('user', 4, country)).toEqual([2000, 4999]);
      expect(block('ring_group', 3, country)).toEqual([500, 599]);
      expect(block('conference', 4, country)).toEqual([8000, 8999]);
    }
    for (const country of ['FR', 'US', 'CA'] as const) {
      expect(block('user', 3, country)).toEqual([101, 499]);
      expect(block('user', 4, country)).toEqual([1010, 4999]);
    }
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

  it('never hands a French user 112, 114, 115, 116, 119, 150-159, 170-189, 191, 196 or 197', () => {
    const all = assignAll('user', 'FR');
    const forbidden = ['112', '114', '115', '116', '119', ...range(150, 159), ...range(170, 189), '191', '196', '197'];
    expect(all.filter((n) => forbidden.includes(n))).toEqual([]);
    expect(all).toHaveLength(399 - forbidden.length);
    expect(all.slice(0, 14)).toEqual([...range(101, 111), '113', '117', '118']);
  });

  it('gives the first user 200 in GB, BE and CH (2000 in 4 digits), 101 in FR, US and CA (1010)', () => {
    for (const country of ['GB', 'BE', 'CH'] as const) {
      expect(nextFree('user', rules(country), []), country).toBe('200');
      expect(nextFree('user', rules(country, 4), []), country).toBe('2000');
      expect(nextFree('user', rules(country), ['200', '201']), country).toBe('202');
      // Ring groups and conferences keep their blocks.
      expect(nextFree('ring_group', rules(country), []), country).toBe('500');
      expect(nextFree('conference', rules(country), []), country).toBe('800');
    }
    for (const country of ['FR', 'US', 'CA'] as const) {
      expect(nextFree('user', rules(country), []), country).toBe('101');
      expect(nextFree('user', rules(country, 4), []), country).toBe('1010');
    }
  });

  it('hands a BE or CH user no 1xx number at all, and a GB user none below 200', () => {
    for (const country of ['GB', 'BE', 'CH'] as const) {
      const all = assignAll('user', country);
      expect(all, country).toHaveLength(300);
      expect(all[0]).toBe('200');
      expect(all.at(-1)).toBe('499');
    }
  });

  it('never hands a 4-digit US user a number that starts with 211, 311 or 411', () => {
    // 911, 933 and 988 are outside every block: the prefix rule refuses them when typed.
    const all = assignAll('user', 'US', 4);
    expect(all.filter((n) => /^(211|311|411)/.test(n))).toEqual([]);
    expect(all).toHaveLength(3990 - 30);
  });

  it('hands out only valid, distinct numbers of the type’s block, in every country', () => {
    for (const country of COUNTRIES) {
      for (const type of EXTENSION_TYPES) {
        const all = assignAll(type, country);
        const [from, to] = block(type, 3, country);
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

describe('reservedPrefixes: what the breaking-rules query may leave out', () => {
  it('every number of the length that starts with none of them, digits only and no leading zero, passes the check', () => {
    const disagreeing: string[] = [];
    for (const country of COUNTRIES) {
      for (const length of [3, 4] as const) {
        const prefixes = reservedPrefixes(rules(country, length));
        for (const number of range(10 ** (length - 1), 10 ** length - 1)) {
          const leftOut = !prefixes.some((p) => number.startsWith(p));
          if ((checkExtensionNumber(number, rules(country, length)) === undefined) !== leftOut) disagreeing.push(`${country} ${number}`);
        }
      }
    }
    expect(disagreeing).toEqual([]);
    expect(reservedPrefixes(rules('FR', 3))).toEqual(expect.arrayContaining(['15', '112', '116', '191']));
  });
});
