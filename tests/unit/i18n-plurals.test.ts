import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '@/lib/format/date';
import { elides, named } from '@/lib/format/elision';
import { catalogs, type Messages } from '@/lib/i18n/messages';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const full = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[full, value] as [string, string]] : flatten(value, full);
  });
}

/** Parameters that carry a count (never a phone or extension number, a position or a step). */
const COUNT_PARAMS = /^(count|total|used|bought|needed|free|max|min|shown|done|minutes|seconds|n|seats|users|cards|hours|days|size|left|remaining|missing|available|more|digits|length)$/;
/** Words after a count that do not agree with it (English participles do not agree). */
const NOT_A_NOUN = new Set(['of', 'to', 'and', 'or', 'per', 'found', 'sur', 'à', 'et', 'ou', 'de', 'par']);

/** How many ICU braces are open before `index` (a bare `{param}` at the top level is at depth 0). */
function depthAt(message: string, index: number) {
  let depth = 0;
  for (const char of message.slice(0, index)) depth += char === '{' ? 1 : char === '}' ? -1 : 0;
  return depth;
}

/** "key: {param} word" for every count parameter used bare and followed by a noun (or verb) that agrees with it. */
function countsWithoutPlural(messages: [string, string][]) {
  const offenders: string[] = [];
  for (const [key, message] of messages) {
    for (const match of message.matchAll(/\{(\w+)\}\s+([\p{L}’']+)/gu)) {
      const [, param = '', word = ''] = match;
      if (!COUNT_PARAMS.test(param) || NOT_A_NOUN.has(word.toLowerCase())) continue;
      // Inside a plural or select branch the wording was chosen for that form.
      if (depthAt(message, match.index) > 0) continue;
      offenders.push(`${key}: {${param}} ${word}`);
    }
  }
  return offenders;
}

describe('plural forms in the catalogs', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`every count in ${locale} followed by a noun goes through an ICU plural`, () => {
      expect(countsWithoutPlural(flatten(catalogs[locale] as unknown as Tree))).toEqual([]);
    });
  }

  it('the scan catches a bare count before a noun, and lets a plural or a phone number through', () => {
    expect(
      countsWithoutPlural([
        ['a', '{used} licences Office utilisées sur {bought}'],
        ['b', '{count, plural, one {# poste} other {# postes}}'],
        ['c', 'Le {number} fait sonner {target}.'],
        ['d', 'Step {step} of {total}'],
        ['e', '{used, plural, one {{used} licence utilisée sur {bought}} other {{used} licences utilisées sur {bought}}}'],
      ]),
    ).toEqual(['a: {used} licences']);
  });
});

const fr = createTranslator({ locale: 'fr', messages: catalogs.fr as Messages });
const en = createTranslator({ locale: 'en', messages: catalogs.en as Messages });

describe('French wording', () => {
  it('agrees counts with their noun', () => {
    expect(fr('team.seats', { used: 1, bought: 5 })).toBe('1 licence Office utilisée sur 5');
    expect(fr('team.seats', { used: 3, bought: 5 })).toBe('3 licences Office utilisées sur 5');
    expect(fr('setup.progress', { done: 1, total: 6 })).toBe('1 carte vérifiée sur 6');
    expect(fr('setup.progress', { done: 2, total: 6 })).toBe('2 cartes vérifiées sur 6');
    expect(en('team.seats', { used: 1, bought: 1 })).toBe('1 of 1 Office licence in use');
    expect(en('setup.progress', { done: 1, total: 6 })).toBe('1 of 6 cards verified');
    expect(en('extensions.ringsConference', { count: 1 })).toBe('Up to 1 participant');
  });

  it('elides "de" before a vowel or a mute h', () => {
    expect(elides('Eve')).toBe('yes');
    expect(elides('Émile')).toBe('yes');
    expect(elides('Hugo')).toBe('yes');
    expect(elides('Paul')).toBe('no');
    expect(elides('')).toBe('no');
    expect(fr('team.roleChanged', named('Eve'))).toBe('Le rôle d’Eve a été modifié.');
    expect(fr('team.roleChanged', named('Paul'))).toBe('Le rôle de Paul a été modifié.');
    expect(fr('extensions.voicemailOfName', named('Émile Roux'))).toBe('Messagerie vocale d’Émile Roux');
    expect(en('team.roleChanged', named('Eve'))).toBe(en('team.roleChanged', { name: 'Eve' }));
  });

  it('writes the first of the month as an ordinal in French only', () => {
    const first = new Date('2026-12-01T10:00:00Z');
    expect(formatDate(first, 'fr', 'Europe/Paris')).toBe('1er décembre 2026');
    expect(formatDateTime(first, 'fr', 'Europe/Paris')).toMatch(/^1er décembre 2026 à 11:00$/);
    expect(formatDate(new Date('2026-12-02T10:00:00Z'), 'fr', 'Europe/Paris')).toBe('2 décembre 2026');
    expect(formatDate(new Date('2026-12-11T10:00:00Z'), 'fr', 'Europe/Paris')).toBe('11 décembre 2026');
    expect(formatDate(first, 'en', 'Europe/Paris')).toBe('December 1, 2026');
  });

  it('calls toll-free numbers "Numéro vert" / "Toll-free", never "Gratuit", which stays the Free licence', () => {
    expect(fr('numbers.types.toll_free')).toBe('Numéro vert');
    expect(en('numbers.types.toll_free')).toBe('Toll-free');
    const tollFree = flatten(catalogs.fr as unknown as Tree).filter(([key]) => /toll_?free/i.test(key));
    expect(tollFree.length).toBeGreaterThan(0);
    for (const [key, message] of tollFree) expect(`${key}: ${message}`).not.toMatch(/gratuit/i);
  });
});
