import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ActionDef } from '@/lib/actions/define';

// Every action definition under lib/, found on disk, so an action added later is covered by the
// suites that go through all of them (member access, the attack suite) without editing them.

export type AnyDef = ActionDef<z.ZodType, unknown>;
const isActionDef = (value: unknown): value is AnyDef =>
  typeof value === 'object' && value !== null && 'schema' in value && 'handler' in value && typeof (value as AnyDef).handler === 'function';

export async function allActionDefinitions() {
  const root = path.resolve(import.meta.dirname, '../../lib');
  const files = (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.ts$/.test(f))
    .map((f) => path.join(root, f))
    .filter((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return text.includes('defineAction(') && !text.includes("'server-only'") && !f.endsWith('run-action.ts');
    });
  const defs: { name: string; def: AnyDef }[] = [];
  for (const file of files) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (isActionDef(value)) defs.push({ name: `${path.relative(root, file)}:${name}`, def: value });
    }
  }
  return defs;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; out?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/** The object keys an action's schema reads, through preprocess, pipes, optionals and defaults. */
export function schemaKeys(schema: z.ZodType): string[] {
  let s: z.ZodType | undefined = schema;
  for (let i = 0; i < 10 && s; i++) {
    const d = defOf(s);
    if (d.type === 'object') return Object.keys(d.shape ?? {});
    s = d.type === 'pipe' ? (defOf(d.in!).type === 'transform' ? d.out : d.in) : d.innerType;
  }
  return [];
}
