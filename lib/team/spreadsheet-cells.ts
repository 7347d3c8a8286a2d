/*
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula ("CSV injection", OWASP): a user named "=HYPERLINK(...)" must not become a live formula
 * in the admin's Excel. Exported cells get an apostrophe in front; the import takes it away, so
 * a file exported then imported gives back exactly the same values.
 */

/** Also matches values that already start with apostrophes: "'=x" is written "''=x" and read back as "'=x". */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** The value as written in an exported cell. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The value a cell read from a file stands for: the exact inverse of neutraliseFormula. */
export function restoreFormula(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}
