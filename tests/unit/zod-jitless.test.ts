import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

describe('zod runs without its JIT wherever schemas are built (lib/zod-jitless.ts)', () => {
  it('every module that imports zod for values imports lib/zod-jitless first', () => {
    // lib/env.ts runs only on the server, where the CSP does not apply.
    const files = ['app', 'components', 'lib'].flatMap(sources).filter((f) => f !== 'lib/env.ts' && f !== 'lib/zod-jitless.ts');
    const builders = files.filter((f) => /^import \{[^}]*\} from 'zod';$/m.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(builders.length).toBeGreaterThan(20);
    const unconfigured = builders.filter((f) => {
      const source = fs.readFileSync(path.join(root, f), 'utf8');
      const jitless = source.indexOf("import '@/lib/zod-jitless';");
      return jitless < 0 || jitless > source.search(/^import \{[^}]*\} from 'zod';$/m);
    });
    expect(unconfigured).toEqual([]);
  });

  it('an object schema built after it parses without calling Function (the eval the CSP refuses)', async () => {
    const made: unknown[][] = [];
    const original = globalThis.Function;
    globalThis.Function = new Proxy(original, {
      construct: (target, args: unknown[]) => (made.push(args), Reflect.construct(target, args)),
      apply: (target, self, args: unknown[]) => (made.push(args), Reflect.apply(target, self, args)),
    });
    try {
      await import('@/lib/zod-jitless');
      const { z } = await import('zod');
      const schema = z.object({ name: z.string().min(1), seats: z.number().int() });
      expect(schema.parse({ name: 'Claire', seats: 3 })).toEqual({ name: 'Claire', seats: 3 });
      expect(schema.safeParse({ name: '', seats: 3 }).success).toBe(false);
    } finally {
      globalThis.Function = original;
    }
    expect(made).toEqual([]);
  });
});
