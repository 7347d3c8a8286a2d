import fs from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The project's own eslint.config.mjs, less the type-aware rules: they build the whole
 * TypeScript program (tens of seconds), which the boundaries rule does not need.
 */
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

/** Lints `source` written at `relativePath` (removed afterwards) and returns its boundary errors. */
async function boundaryErrors(relativePath: string, source: string): Promise<Linter.LintMessage[]> {
  const file = path.join(root, relativePath);
  fs.writeFileSync(file, source);
  try {
    const [result] = await eslint.lintFiles([file]);
    return result.messages.filter((m) => m.ruleId === 'boundaries/dependencies' && m.severity === 2);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const tmp = (dir: string, ext = 'ts') => `${dir}/__lint-boundaries-${process.pid}.${ext}`;
/** Any module of lib/team (the domain is being reorganised: its file names may change). */
const teamModule = `@/lib/team/${fs
  .readdirSync(path.join(root, 'lib/team'))
  .find((f) => f.endsWith('.ts') && f !== 'bindings.ts')!
  .replace(/\.ts$/, '')}`;

describe('ESLint boundaries', () => {
  it('refuses an import of app/ from outside app/', async () => {
    const errors = await boundaryErrors(tmp('components', 'tsx'), "import x from '@/app/(setup)/setup/page';\nexport default x;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('Only app/ may import app/');
  });

  it('refuses an import of a later lib domain, type-only included', async () => {
    const errors = await boundaryErrors(
      tmp('lib/i18n'),
      `import * as team from '${teamModule}';\nimport type { Anything } from '${teamModule}';\nexport const a: [typeof team, Anything?] = [team];\n`,
    );
    expect(errors).toHaveLength(2);
    expect(errors[0].message).toContain('lib/i18n may import only the lib domains before it');
  });

  it('refuses a bindings file from lib/, even inside its own domain', async () => {
    const errors = await boundaryErrors(tmp('lib/team'), "export * from './bindings';\n");
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('bindings');
  });

  it('keeps the throttle mechanism below the domains it serves: team may use it, it may not use auth', async () => {
    const allowed = await boundaryErrors(tmp('lib/team'), "import { admitAttempt } from '@/lib/throttle/attempts';\nexport const a = admitAttempt;\n");
    expect(allowed).toEqual([]);
    const refused = await boundaryErrors(tmp('lib/throttle'), "import { THROTTLE } from '@/lib/auth/throttle';\nexport const a = THROTTLE;\n");
    expect(refused).toHaveLength(1);
    expect(refused[0].message).toContain('lib/throttle may import only the lib domains before it');
  });

  it('allows the imports the order permits', async () => {
    const errors = await boundaryErrors(
      tmp('lib/team'),
      "import { env } from '@/lib/env';\nimport { db } from '@/db';\nimport { formatDate } from '@/lib/format/date';\nexport const a = [env, db, formatDate];\n",
    );
    expect(errors).toEqual([]);
  });
});
