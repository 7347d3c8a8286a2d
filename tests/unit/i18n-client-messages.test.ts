import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMessages, SERVER_ONLY_NAMESPACES } from '@/lib/i18n/client-messages';
import { catalogs } from '@/lib/i18n/messages';

const root = path.resolve(import.meta.dirname, '../..');

/** Every source file that translates with a hook: what may run in the browser. */
function hookFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return hookFiles(rel);
    if (!/\.tsx?$/.test(entry.name)) return [];
    return /\buse(Translations|Messages)\(/.test(fs.readFileSync(path.join(root, rel), 'utf8')) ? [rel] : [];
  });
}

describe('the catalogue sent to the browser', () => {
  it('leaves out the server-only namespaces and keeps every other one, in both languages', () => {
    for (const locale of ['en', 'fr'] as const) {
      const sent = clientMessages(catalogs[locale]);
      for (const ns of SERVER_ONLY_NAMESPACES) expect(sent).not.toHaveProperty(ns);
      expect(Object.keys(sent).sort()).toEqual(
        Object.keys(catalogs[locale])
          .filter((ns) => !(SERVER_ONLY_NAMESPACES as readonly string[]).includes(ns))
          .sort(),
      );
    }
  });

  it('has every message a hook-translating component names: none of them reads a server-only namespace', () => {
    const files = ['app', 'components', 'lib'].flatMap(hookFiles);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) => {
      const source = fs.readFileSync(path.join(root, file), 'utf8');
      return SERVER_ONLY_NAMESPACES.filter((ns) => new RegExp(`['"\`]${ns}[.'"\`]`).test(source)).map((ns) => `${file}: ${ns}`);
    });
    expect(offenders).toEqual([]);
  });
});
