import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORM_ERROR_KEYS, MESSAGE_SCOPES, messagesFor, type MessageScope } from '@/lib/i18n/client-messages';
import { catalogs } from '@/lib/i18n/messages';
import { clientErrorKeys, clientNamespaces, root } from './helpers/client-namespaces';

const known = Object.keys(catalogs.en);
const app = path.join(root, 'app');

/** Every route file: pages, layouts and the boundaries Next renders in their place. */
function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(file);
    // The global error page replaces the root layout, provider and all: it loads its own strings.
    return /^(page|layout|error|not-found|forbidden)\.tsx$/.test(entry.name) ? [file] : [];
  });
}

/** The scope whose provider a route file renders under: the nearest layout that declares one. */
function scopeOf(file: string): MessageScope {
  for (let dir = path.dirname(file); dir.startsWith(app); dir = path.dirname(dir)) {
    const layout = path.join(dir, 'layout.tsx');
    const declared = fs.existsSync(layout) && /<ScopedMessages scope="(\w+)"/.exec(fs.readFileSync(layout, 'utf8'));
    if (declared) return declared[1] as MessageScope;
  }
  return 'root';
}

const files = routeFiles(app);
const byScope = new Map<MessageScope, string[]>();
for (const file of files) byScope.set(scopeOf(file), [...(byScope.get(scopeOf(file)) ?? []), file]);
const rel = (file: string) => path.relative(root, file);
/** The namespaces a scope sends: `formErrors` is part of `errors`. */
const namespacesOf = (scope: MessageScope): string[] => MESSAGE_SCOPES[scope].map((ns) => (ns === 'formErrors' ? 'errors' : ns));
const errorKeys = Object.keys(catalogs.en.errors);

describe('the catalogue each page sends to the browser', () => {
  it('has every namespace its client components name', () => {
    expect(files.length).toBeGreaterThan(20);
    const missing = files.flatMap((file) => {
      const scope = namespacesOf(scopeOf(file));
      return [...clientNamespaces([file], known)].filter((ns) => !scope.includes(ns)).map((ns) => `${rel(file)} (${scopeOf(file)}): ${ns}`);
    });
    expect(missing).toEqual([]);
  });

  it('sends no namespace that none of its pages names', () => {
    const unused = (Object.keys(MESSAGE_SCOPES) as MessageScope[]).flatMap((scope) => {
      const used = clientNamespaces(byScope.get(scope) ?? [], known);
      return namespacesOf(scope).filter((ns) => !used.has(ns)).map((ns) => `${scope}: ${ns}`);
    });
    expect(unused).toEqual([]);
  });

  it('is that scope of the catalogue, in both languages, and far less than all of it', () => {
    for (const locale of ['en', 'fr'] as const) {
      const whole = JSON.stringify(catalogs[locale]).length;
      for (const scope of Object.keys(MESSAGE_SCOPES) as MessageScope[]) {
        const sent = messagesFor(scope, catalogs[locale]);
        expect(Object.keys(sent).sort()).toEqual(namespacesOf(scope).sort());
        for (const [ns, value] of Object.entries(sent)) {
          const whole = catalogs[locale][ns as keyof typeof sent];
          if (ns === 'errors' && MESSAGE_SCOPES[scope].includes('formErrors' as never)) {
            expect(Object.keys(value).sort()).toEqual([...FORM_ERROR_KEYS].sort());
            for (const [key, text] of Object.entries(value)) expect(text).toBe((whole as Record<string, string>)[key]);
          } else expect(value).toEqual(whole);
        }
        // The largest (Extensions: users, groups, numbers and pickers) is a little over half.
        expect(JSON.stringify(sent).length).toBeLessThan(whole * 0.6);
      }
    }
  });

  it('sends a form page the error keys its forms name, and only keys some form names', () => {
    const missing = files
      .filter((file) => MESSAGE_SCOPES[scopeOf(file)].includes('formErrors' as never))
      .flatMap((file) => [...clientErrorKeys([file], errorKeys)].filter((key) => !(FORM_ERROR_KEYS as readonly string[]).includes(key)).map((key) => `${rel(file)}: errors.${key}`));
    expect(missing).toEqual([]);
    const named = clientErrorKeys(files, errorKeys);
    expect(FORM_ERROR_KEYS.filter((key) => !named.has(key))).toEqual([]);
    for (const key of FORM_ERROR_KEYS) expect(typeof catalogs.fr.errors[key], key).toBe('string');
  });
});
