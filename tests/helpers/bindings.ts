import fs from 'node:fs';
import path from 'node:path';

export type BindingKind = 'formAction' | 'callAction' | 'submitAction';
export type Binding = { name: string; kind: BindingKind; def: string; module: string; serverOnly: boolean };

/** Every one-line binding of lib/<domain>/bindings.ts, with the module its definition comes from (./x or @/lib/x). */
export function bindings(): Binding[] {
  const lib = path.resolve('lib');
  const out: Binding[] = [];
  for (const domain of fs.readdirSync(lib)) {
    const file = path.join(lib, domain, 'bindings.ts');
    if (!fs.existsSync(file)) continue;
    const source = fs.readFileSync(file, 'utf8');
    const moduleOf = new Map<string, string>();
    for (const m of source.matchAll(/import\s*\{([^}]+)\}\s*from\s*'(\.\/|@\/lib\/)([\w/-]+)'/g)) {
      const definedIn = m[2] === './' ? path.join(lib, domain, `${m[3]}.ts`) : path.join(lib, `${m[3]}.ts`);
      for (const name of m[1]!.split(',').map((s) => s.trim()).filter(Boolean)) moduleOf.set(name, definedIn);
    }
    for (const m of source.matchAll(/export const (\w+) = (formAction|callAction|submitAction)\((\w+)\);/g)) {
      const definedIn = moduleOf.get(m[3]!);
      if (!definedIn) throw new Error(`${file}: ${m[3]} is imported from nowhere this test can read`);
      const serverOnly = fs.readFileSync(definedIn, 'utf8').includes("'server-only'");
      out.push({ name: m[1]!, kind: m[2] as BindingKind, def: m[3]!, module: definedIn, serverOnly });
    }
  }
  return out;
}
