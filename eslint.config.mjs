import boundaries from 'eslint-plugin-boundaries';
import drizzle from 'eslint-plugin-drizzle';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The lib domains, lowest first (README, "Domain order"): `lib/<domain>/` may import only the
 * domains before it, and itself. Files directly in lib/ (env.ts, utils.ts) and db/ serve all.
 */
export const DOMAIN_ORDER = [
  'i18n', 'format', 'countries', 'secrets', 'actions', 'forms', 'prices', 'audit', 'throttle', 'setup', 'telephony', 'sites', 'calls', 'numbers',
  'extensions', 'company', 'licences', 'team', 'auth', 'mail', 'emergency', 'review', 'me', 'runner',
];

const inLib = [{ element: { type: 'lib-domain' } }, { file: { categories: 'lib-root' } }];
const domain = (names) => ({ element: { type: 'lib-domain', captured: { domain: names } } });
const bindings = { file: { categories: 'bindings' } };

const boundariesConfig = {
  files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': [
      { type: 'app', pattern: 'app', partialMatch: false },
      { type: 'components', pattern: 'components', partialMatch: false },
      { type: 'lib-domain', pattern: 'lib/*', capture: ['domain'], partialMatch: false },
      { type: 'db', pattern: 'db', partialMatch: false },
    ],
    'boundaries/files': [
      { category: 'bindings', pattern: 'lib/*/bindings.ts' },
      { category: 'lib-root', pattern: 'lib/*.{ts,tsx}' },
      // Every file is known, so tests/, scripts/ and the root files are checked too.
      { category: 'source', pattern: '**/*' },
    ],
    // Re-exports and import() count as much as imports; type-only ones too (no importKind below).
    'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    'boundaries/additional-dependency-nodes': [
      { selector: 'TSImportType > Literal', kind: 'type', name: 'import-type' },
    ],
    'boundaries/legacy-templates': false,
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        // Same-domain imports are checked too: a bindings file is off limits inside its domain.
        checkInternals: true,
        // Last matching policy wins.
        policies: [
          {
            disallow: { to: { element: { type: 'app' } } },
            message: 'Only app/ may import app/: move what is shared into components/ or lib/',
          },
          { from: { element: { type: 'app' } }, allow: { to: { element: { type: 'app' } } } },
          {
            from: inLib,
            disallow: { to: { element: { type: 'components' } } },
            message: 'lib/ must not import components/: components use lib, not the other way round',
          },
          {
            from: { element: { type: 'lib-domain' } },
            disallow: { to: { element: { type: 'lib-domain' } } },
            message: `lib/{{from.element.captured.domain}} may import only the lib domains before it (README, "Domain order": ${DOMAIN_ORDER.join(' → ')}), not lib/{{to.element.captured.domain}}`,
          },
          ...DOMAIN_ORDER.map((name, i) => ({
            from: domain(name),
            allow: { to: domain(DOMAIN_ORDER.slice(0, i + 1)) },
          })),
          {
            from: [{ file: { categories: 'lib-root' } }, { element: { type: 'db' } }],
            disallow: { to: { element: { type: 'lib-domain' } } },
            message: 'lib/*.ts and db/ serve every domain, so they must not import one',
          },
          {
            from: inLib,
            disallow: { to: bindings },
            message: 'Nothing in lib/ but another bindings file may import a bindings file: components import them',
          },
          { from: bindings, allow: { to: inLib } },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Playwright's fixture `use()` and vitest's `useTestDatabase()` are not React hooks.
    files: ['tests/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  boundariesConfig,
  {
    // Type-aware rules: a promise nobody awaits loses its errors.
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // React's form `action` and event props take async functions on purpose.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Drizzle's update() and delete() without where() touch every row.
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    // lib/env.ts is the one reader of the environment, validated (tests and scripts set their own).
    files: ['app/**', 'components/**', 'lib/**', 'db/**', '*.ts'],
    ignores: ['lib/env.ts', 'playwright.config.ts', 'vitest.config.ts', 'drizzle.config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: "Read the environment through `env` from '@/lib/env' (validated)." },
      ],
    },
  },
  {
    ignores: ['.next/**', '.next-*/**', '.data/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
];

export default config;
