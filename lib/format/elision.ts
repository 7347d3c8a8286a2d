/**
 * Whether French elides "de"/"le" before this name: "d’Eve", "d’Hugo" but "de Paul". A vowel (accented
 * or not) or a mute h; the catalogs take it as `{elision, select, yes {d’} other {de }}{name}`.
 */
export function elides(name: string): 'yes' | 'no' {
  const first = name.trim().normalize('NFD').charAt(0).toLowerCase();
  return 'aeiouh'.includes(first) && first !== '' ? 'yes' : 'no';
}

/** `{ name, elision }` for a message that puts a preposition before the name. */
export const named = (name: string) => ({ name, elision: elides(name) });
