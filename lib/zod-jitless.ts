import { config } from 'zod';

/*
 * zod without its JIT. zod 4 compiles object parsers with `new Function`, probing for it first
 * with `Function("")`, which the browser's CSP (no 'unsafe-eval', lib/security-headers.ts)
 * refuses with a console error on every form page. The setting is read when a schema is built,
 * so every module that builds schemas imports this first (tests/unit/zod-jitless.test.ts checks).
 * A side-effect import rather than a re-exported `z`: through a re-export the bundler kept all
 * of zod, locales included (92 kB gzip instead of about 20).
 */
config({ jitless: true });
