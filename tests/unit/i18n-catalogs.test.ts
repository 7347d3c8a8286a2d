import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '@/lib/i18n/locales';
import { catalogs as appCatalogs } from '@/lib/i18n/messages';

type Tree = { [key: string]: string | Tree };

/** "a.b.c" -> message, for every leaf. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** What the translator actually resolves keys against (messages/*.json as lib/i18n/messages.ts loads them). */
const catalogs = { en: flatten(appCatalogs.en as unknown as Tree), fr: flatten(appCatalogs.fr as unknown as Tree) };

const messagesDir = path.resolve(import.meta.dirname, '../../messages');
const readCatalog = (file: string) => flatten(JSON.parse(fs.readFileSync(path.join(messagesDir, file), 'utf8')) as Tree);

/** en.json/fr.json and every X.en.json/X.fr.json pair in messages/. */
function catalogFilePairs(): [string, string][] {
  const files = fs.readdirSync(messagesDir).filter((f) => /^(?:.+\.)?en\.json$/.test(f));
  return files.map((f) => [f, f.replace(/en\.json$/, 'fr.json')]);
}

function keyDifference(a: Map<string, string>, b: Map<string, string>) {
  return {
    onlyEn: [...a.keys()].filter((k) => !b.has(k)),
    onlyFr: [...b.keys()].filter((k) => !a.has(k)),
  };
}

function libSources(): { file: string; text: string }[] {
  const root = path.resolve(import.meta.dirname, '../../lib');
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => ({ file: path.join('lib', f), text: fs.readFileSync(path.join(root, f), 'utf8') }));
}

/** Every "errors.x" string literal in lib/, with the files that use it. */
function errorKeysUsedInLib(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const { file, text } of libSources()) {
    for (const m of text.matchAll(/(['"`])(errors\.[a-zA-Z]+)\1/g)) {
      const files = used.get(m[2]) ?? [];
      if (!files.includes(file)) files.push(file);
      used.set(m[2], files);
    }
  }
  return used;
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('messages/en.json and messages/fr.json have exactly the same keys', () => {
    const { onlyEn, onlyFr } = keyDifference(readCatalog('en.json'), readCatalog('fr.json'));
    expect({ onlyEn, onlyFr }, `keys missing from fr: ${onlyEn.join(', ')}; missing from en: ${onlyFr.join(', ')}`).toEqual({
      onlyEn: [],
      onlyFr: [],
    });
  });

  it('every other messages/*.en.json has a *.fr.json twin with the same keys', () => {
    const problems: string[] = [];
    for (const [enFile, frFile] of catalogFilePairs()) {
      if (!fs.existsSync(path.join(messagesDir, frFile))) {
        problems.push(`${frFile} is missing`);
        continue;
      }
      const { onlyEn, onlyFr } = keyDifference(readCatalog(enFile), readCatalog(frFile));
      if (onlyEn.length) problems.push(`${frFile} lacks ${onlyEn.join(', ')}`);
      if (onlyFr.length) problems.push(`${enFile} lacks ${onlyFr.join(', ')}`);
    }
    const strayFr = fs.readdirSync(messagesDir).filter(
      (f) => /fr\.json$/.test(f) && !fs.existsSync(path.join(messagesDir, f.replace(/fr\.json$/, 'en.json'))),
    );
    problems.push(...strayFr.map((f) => `${f} has no English twin`));
    expect(problems, problems.join('; ')).toEqual([]);
  });

  it('the catalogs the app loads have the same keys in en and fr', () => {
    const { onlyEn, onlyFr } = keyDifference(catalogs.en, catalogs.fr);
    expect({ onlyEn, onlyFr }, `keys missing from fr: ${onlyEn.join(', ')}; missing from en: ${onlyFr.join(', ')}`).toEqual({
      onlyEn: [],
      onlyFr: [],
    });
  });

  it('no message is empty, and each translation uses the same {placeholders}', () => {
    const problems: string[] = [];
    for (const [key, enText] of catalogs.en) {
      const frText = catalogs.fr.get(key);
      if (!enText.trim()) problems.push(`en ${key} is empty`);
      if (frText === undefined) continue;
      if (!frText.trim()) problems.push(`fr ${key} is empty`);
      if (placeholders(enText).join() !== placeholders(frText).join()) {
        problems.push(`${key}: en {${placeholders(enText)}} vs fr {${placeholders(frText)}}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('every errors.* key used in lib/ exists in both catalogs the app loads', () => {
    const used = errorKeysUsedInLib();
    // The scan itself must find the keys (schemas, actions, numbering), or this test proves nothing.
    expect(used.size).toBeGreaterThan(15);
    expect([...used.keys()]).toEqual(
      expect.arrayContaining(['errors.signedOut', 'errors.forbidden', 'errors.extensionLengthLocked', 'errors.emailTaken']),
    );
    const missing = [...used]
      .flatMap(([key, files]) =>
        (['en', 'fr'] as const).filter((l) => !catalogs[l].has(key)).map((l) => `${key} (${l}, used in ${files.join(', ')})`),
      )
      .sort();
    expect(missing, `missing: ${missing.join('; ')}`).toEqual([]);
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['en-US,en;q=0.9', 'en'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,fr;q=0.5', 'fr'],
    ['de-DE,en;q=0.5,fr;q=0.4', 'en'],
    ['fr;q=0.3, en;q=0.7', 'en'],
    ['de', 'fr'],
    ['', 'fr'],
    ['en;q=0', 'fr'],
    ['en;q=0,de', 'fr'],
    ['*', 'fr'],
  ])('%j -> %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it('falls back to French without a header', () => {
    expect(localeFromAcceptLanguage(null)).toBe('fr');
    expect(localeFromAcceptLanguage(undefined)).toBe('fr');
  });
});
