import type { SearchParams } from '@/lib/format/pages';

/**
 * Values a careless hand, a cut link or a script puts in a query parameter or a route segment:
 * not numbers, out of range, empty, huge, control characters, repeated, injection-looking.
 */
export const BAD_VALUES: readonly (string | string[])[] = [
  'abc',
  '-1',
  '0',
  '1e20',
  '1e400',
  '2.5',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '９',
  '1,000',
  '9'.repeat(400),
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0007\u001b\u007f',
  '\u0085\u009b',
  '%00',
  '%E0%A4%A',
  'x'.repeat(101),
  'é'.repeat(150),
  '😀'.repeat(120),
  'a'.repeat(10_000),
  "' or 1=1 --",
  '%_\\',
  '<script>alert(1)</script>',
  '\u202eevil',
  '\ud800',
  'null',
  '{}',
  ['1', '2'],
  ['abc', 'def'],
  [],
  ['', '\u0000'],
];

/** Every bad value for each parameter on its own, then all parameters bad at once. */
export function badSearchParams(names: readonly string[]): SearchParams[] {
  const out: SearchParams[] = [];
  for (const name of names) for (const value of BAD_VALUES) out.push({ [name]: value });
  BAD_VALUES.forEach((value, i) => {
    out.push(Object.fromEntries(names.map((name, j) => [name, BAD_VALUES[(i + j) % BAD_VALUES.length] ?? value])));
  });
  // Parameters the page does not read at all.
  out.push({ unknown: 'x', constructor: 'x', __proto__: 'x' } as SearchParams);
  return out;
}

/** What a bad search param is allowed to become: a clean, bounded text. */
export const CONTROL = /\p{Cc}/u;
