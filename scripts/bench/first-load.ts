// First-load JavaScript per route, read from a production build (Turbopack, Next 16: the build
// no longer prints sizes, and app-build-manifest.json is webpack-only). A route's first load is
// Next's root main files plus every chunk its client-reference manifest lists for the route's
// segments (root layout, layouts, page, error and not-found boundaries); each chunk counted once,
// gzipped at level 9 like a CDN would serve it. Polyfills are left out: only browsers without
// ES modules load them.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export type RouteJs = { route: string; files: number; gzipBytes: number };

type ClientManifest = Record<string, { entryJSFiles?: Record<string, string[]> }>;

function readClientManifest(file: string): ClientManifest {
  // The file assigns globalThis.__RSC_MANIFEST[route] = {...}: run it against a scratch object.
  const sandbox: { __RSC_MANIFEST?: ClientManifest } = {};
  new Function('globalThis', 'self', fs.readFileSync(file, 'utf8'))(sandbox, sandbox);
  return sandbox.__RSC_MANIFEST ?? {};
}

function walk(dir: string, found: string[] = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, found);
    else if (entry.name === 'page_client-reference-manifest.js') found.push(p);
  }
  return found;
}

/** "/(setup)/setup/team/page" → "/setup/team"; internal pages (/_not-found, /_global-error) kept as named. */
export function routeOf(key: string) {
  const segments = key.split('/').filter((s) => s && s !== 'page' && !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

/** Next's and React's own runtime, in every route's first load whatever the app does. */
export function frameworkJs(distDir: string) {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  return build.rootMainFiles.reduce((sum, c) => sum + gzipSync(fs.readFileSync(path.join(distDir, c)), { level: 9 }).length, 0);
}

export function firstLoadJs(distDir: string): RouteJs[] {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const sizes = new Map<string, number>();
  const gz = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length;
      sizes.set(file, size);
    }
    return size;
  };
  const routes: RouteJs[] = [];
  for (const file of walk(path.join(distDir, 'server', 'app'))) {
    for (const [key, entry] of Object.entries(readClientManifest(file))) {
      const chunks = new Set(build.rootMainFiles);
      for (const list of Object.values(entry.entryJSFiles ?? {})) for (const c of list) chunks.add(c);
      const js = [...chunks].filter((c) => c.endsWith('.js'));
      routes.push({ route: routeOf(key), files: js.length, gzipBytes: js.reduce((sum, c) => sum + gz(c), 0) });
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

/** The chunks behind one route, largest first: what to look at when a route is over its budget. */
export function routeChunks(distDir: string, route: string) {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  for (const file of walk(path.join(distDir, 'server', 'app'))) {
    for (const [key, entry] of Object.entries(readClientManifest(file))) {
      if (routeOf(key) !== route) continue;
      const chunks = new Set(build.rootMainFiles);
      for (const list of Object.values(entry.entryJSFiles ?? {})) for (const c of list) chunks.add(c);
      return [...chunks]
        .filter((c) => c.endsWith('.js'))
        .map((c) => ({ chunk: c, gzipBytes: gzipSync(fs.readFileSync(path.join(distDir, c)), { level: 9 }).length }))
        .sort((a, b) => b.gzipBytes - a.gzipBytes);
    }
  }
  return [];
}

// `npx tsx scripts/bench/first-load.ts [distDir] [route]`: the table, or one route's chunks.
if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) {
  const dist = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next';
  const route = process.argv[3];
  if (route) for (const c of routeChunks(dist, route)) console.log(`${(c.gzipBytes / 1000).toFixed(1).padStart(7)} kB  ${c.chunk}`);
  else for (const r of firstLoadJs(dist)) console.log(`${(r.gzipBytes / 1000).toFixed(1).padStart(7)} kB  ${String(r.files).padStart(3)} files  ${r.route}`);
}
