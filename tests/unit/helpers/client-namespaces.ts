import fs from 'node:fs';
import path from 'node:path';

/*
 * Which message namespaces the browser needs under a route file: every module it imports, file
 * by file (the '@/' alias and relative paths; packages are not followed), and, in each module that
 * translates with a hook, every namespace it names (`useTranslations('team')`, or a key literal
 * such as 'errors.required' or `billing.${kind}`). Over-counts rather than misses: a namespace named
 * in a translating module counts even if only its server half uses it.
 */

export const root = path.resolve(import.meta.dirname, '../../..');

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * Every project file reachable by imports from `entries` (absolute paths), the entries included.
 * With `browser`, a 'use server' module is where it stops: the browser gets only references to
 * its actions, none of what it imports. Without `lazy`, `import('…')` is not followed: what is
 * left is what the page loads before anyone clicks.
 */
export function reachable(entries: string[], browser = false, lazy = true): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (browser && directive(file, 'server')) continue;
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(IMPORT)) {
      // Type-only imports bring no code, so no messages.
      if (/^import\s+type\s/.test(m[0])) continue;
      if (!lazy && m[2] !== undefined) continue;
      const target = resolve(file, m[1] ?? m[2]!);
      if (target && /\.(tsx?|mts)$/.test(target)) stack.push(target);
    }
  }
  return seen;
}

const directive = (file: string, name: string) => new RegExp(`^\\s*['"]use ${name}['"]`).test(fs.readFileSync(file, 'utf8'));
const isClient = (file: string) => directive(file, 'client');

/**
 * The namespaces (top level) the browser may translate under the route files `entries`: those
 * named in any module that runs there (a 'use client' module and all it imports), so that a key
 * a client component gets from a constant in lib/ counts too.
 */
export function clientNamespaces(entries: string[], known: readonly string[]): Set<string> {
  const clientFiles = browserFiles(entries);
  const used = new Set<string>();
  for (const file of clientFiles) {
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/useTranslations\(\s*['"](\w+)/g)) used.add(m[1]!);
    for (const ns of known) if (new RegExp(`['"\`]${ns}\\.`).test(source)) used.add(ns);
  }
  return used;
}

/** The modules that run in the browser under the route files `entries`. */
function browserFiles(entries: string[]): Set<string> {
  return reachable([...reachable(entries)].filter(isClient), true);
}

/** Those of them in the page's first load: reached without an `import('…')`. */
export function firstLoadFiles(entries: string[]): Set<string> {
  return reachable([...reachable(entries, false, false)].filter(isClient), true, false);
}

/** The `errors.*` keys those modules name as literals (a schema's message, a check's key). */
export function clientErrorKeys(entries: string[], known: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const file of browserFiles(entries)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/['"`]errors\.(\w+)/g)) if (known.includes(m[1]!)) keys.add(m[1]!);
  }
  return keys;
}
