import fs from 'node:fs';
import path from 'node:path';
import en from '../../../messages/en.json' with { type: 'json' };
import fr from '../../../messages/fr.json' with { type: 'json' };
import { baseURL } from '../../../playwright.config';
import { bindings, type BindingKind } from '../../helpers/bindings';
import { ADMIN_STATE, expect, test } from '../fixtures';

// Server actions are public endpoints: called over HTTP the way React calls them, with
// arguments no form of ours sends, each answers 200 with the translated form message.

type Manifest = { node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }> };

function actionIds() {
  const file = path.join(process.env.NEXT_DIST_DIR ?? '.next', 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    // A page without a dynamic segment that imports the action: 'app/(auth)/sign-in/page' -> '/sign-in'.
    const worker = Object.keys(entry.workers).find((w) => w.startsWith('app/') && !w.includes('['));
    if (!entry.exportedName || !worker) continue;
    const page = worker.replace(/^app/, '').replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '') || '/';
    out.set(entry.exportedName, { id, page });
  }
  return out;
}

/** What React's encodeReply makes of plain arguments. */
const encode = (args: unknown[]) => JSON.stringify(args.map((a) => (a === undefined ? '$undefined' : a)));

const WRONG: Record<BindingKind, unknown[][]> = {
  formAction: [[{}, { email: 'ada@example.com', password: 'x' }], [{}, 'email=ada@example.com'], [{}, null], [{}, []], [{}, 42], [{ email: 'ada@example.com' }]],
  submitAction: [[{ locale: 'fr' }], ['fr'], [null], [[]]],
  callAction: [['id'], [null], [[{ id: 'x' }]], [42]],
};

test('every binding called over HTTP with a wrong argument type answers with a form message', async ({ playwright }) => {
  test.setTimeout(180_000);
  const ids = actionIds();
  const all = bindings();
  expect(all.map((b) => b.name)).toEqual(expect.arrayContaining(['signInAction', 'signUpAction', 'activateAction']));
  expect(all.filter((b) => ids.has(b.name)).length).toBeGreaterThan(30);
  const failures: string[] = [];
  for (const locale of ['fr', 'en'] as const) {
    const request = await playwright.request.newContext({
      baseURL,
      storageState: ADMIN_STATE,
      extraHTTPHeaders: { 'accept-language': locale, origin: baseURL },
      maxRedirects: 0,
    });
    const message = JSON.stringify({ fr, en }[locale].errors.badInput).slice(1, -1);
    for (const binding of all) {
      const action = ids.get(binding.name);
      // A binding no component imports is not in the build: nothing can call it over HTTP.
      if (!action) continue;
      for (const args of WRONG[binding.kind]) {
        const response = await request.post(action.page, {
          headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
          data: encode(args),
        });
        const body = await response.text();
        const label = `${binding.name}(${encode(args)}) [${locale}]`;
        if (response.status() !== 200) failures.push(`${label}: status ${response.status()}`);
        // A submit binding returns nothing: no message to read, only no failure.
        else if (binding.kind !== 'submitAction' && !body.includes(message)) failures.push(`${label}: ${body.slice(0, 200)}`);
      }
    }
    await request.dispose();
  }
  expect(failures).toEqual([]);
});
