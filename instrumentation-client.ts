// Runs in the browser before the app's own modules (Next's client instrumentation hook).
// Zod 4 compiles object parsers with `new Function` after probing for it; the app's CSP has no
// 'unsafe-eval', so the probe is refused and logged as a violation on every form page (issue 15,
// best practices). Jitless parsing skips the probe, and must be set before any schema is built.
// z.config({ jitless: true }) writes to this very object (zod keeps its config on globalThis so
// that every copy of zod shares it); setting it here, before zod loads, costs no zod code in
// pages that have no form (importing z.config pulled 5 kB of zod core into every page).
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };
