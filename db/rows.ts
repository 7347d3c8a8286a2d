/**
 * The row a statement must have produced (an INSERT ... RETURNING, an aggregate): its absence is
 * a bug, not a user error, so it throws instead of widening every caller's type to undefined.
 */
export function first<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected a row, got none');
  return row;
}
