import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula } from '@/lib/team/spreadsheet-cells';

const FORMULA_LIKE = ['=SUM(A1:A2)', '+33 6 12 34 56 78', '-x', '@x', '\tTab', '\rCR', "'=x", "''+y", "'''-z"];
const PLAIN = ['Léa', "O'Brien", "'quoted'", 'a=b', 'x+y', '', "'", "''", 'Dupont; fils', ' -spaced'];

describe('formula neutralisation of exported cells', () => {
  it('puts an apostrophe before every formula-like value, even one that already starts with apostrophes', () => {
    for (const value of FORMULA_LIKE) {
      const cell = neutraliseFormula(value);
      expect(cell).toBe(`'${value}`);
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('leaves every other value as it is', () => {
    for (const value of PLAIN) expect(neutraliseFormula(value)).toBe(value);
  });

  it('is undone exactly by the import, for formula-like and plain values alike', () => {
    for (const value of [...FORMULA_LIKE, ...PLAIN]) expect(restoreFormula(neutraliseFormula(value))).toBe(value);
    // A formula typed in the file as such is read as written.
    expect(restoreFormula('=SUM(A1)')).toBe('=SUM(A1)');
  });
});
