import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstLoadFiles, root } from './helpers/client-namespaces';

// Issue 15, item 3: what only an admin's action shows (a dialog, a confirmation, a combobox's
// list, a toast) loads with that action, not in the card's first load; the cards whose page is
// not a form carry no form library either. The bench measures the bytes; this keeps the imports.

const CARDS = ['company', 'team', 'licences', 'extensions', 'numbers', 'calls', 'review'] as const;
/** The cards whose page is a table or a summary: their forms are all in dialogs. */
const WITHOUT_FORMS = new Set(['company', 'team', 'extensions', 'numbers', 'review']);

const ON_ACTION = ['components/ui/dialog.tsx', 'components/ui/alert-dialog.tsx', 'components/ui/command.tsx', 'components/ui/popover.tsx', 'components/ui/toast.tsx'];
const FORM_PACKAGES = ['react-hook-form', '@hookform/resolvers/zod', 'zod'];

/** The page and every layout above it: what Next renders for the route. */
function routeEntries(card: string) {
  const dir = path.join(root, 'app', '(setup)', 'setup', card);
  const entries = [path.join(dir, 'page.tsx')];
  for (let d = dir; d.startsWith(path.join(root, 'app')); d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'layout.tsx'))) entries.push(path.join(d, 'layout.tsx'));
  }
  return entries;
}

/** The packages a module imports for values (type-only imports bring no code). */
function packagesOf(file: string) {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/^import\s+(?!type\s)[^'"]*?['"]([^'"./@][^'"]*|@[^'"/]+\/[^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe("a card's first load", () => {
  it.each(CARDS)('/setup/%s: no dialog, combobox list or toast code until an action needs it', (card) => {
    const files = [...firstLoadFiles(routeEntries(card))].map((f) => path.relative(root, f));
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((f) => ON_ACTION.includes(f))).toEqual([]);
    if (WITHOUT_FORMS.has(card)) {
      const forms = files.filter((f) => packagesOf(path.join(root, f)).some((p) => FORM_PACKAGES.includes(p)));
      expect(forms).toEqual([]);
    }
  });

});
