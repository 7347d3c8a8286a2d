// `npm start`: secret, build when needed, migrate, serve. Nothing else to set up on a fresh machine.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const env = { ...process.env };

if (!env.AUTH_SECRET) {
  if (env.DATABASE_URL && !/^(file|pglite):/.test(env.DATABASE_URL)) {
    console.error(
      'AUTH_SECRET is required when DATABASE_URL is set: every server instance must sign sessions with the same secret.\n' +
        'Generate one with `openssl rand -base64 32` and set it in the environment of every instance.',
    );
    process.exit(1);
  }
  // Kept beside the embedded database so sessions survive restarts.
  const file = path.join('.data', 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync('.data', { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}

const next = path.join('node_modules', 'next', 'dist', 'bin', 'next');
const SOURCES = ['app', 'components', 'lib', 'db', 'messages', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package-lock.json'];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

function needsBuild() {
  const buildId = path.join(env.NEXT_DIST_DIR || '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

function run(args, label) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`${label} failed`);
    process.exit(result.status ?? 1);
  }
}

if (needsBuild()) run([next, 'build'], 'next build');
run(['--import', 'tsx', 'scripts/migrate.ts'], 'migration');
for (const extra of ['scripts/seed-numbers.ts']) {
  if (fs.existsSync(extra)) run(['--import', 'tsx', extra, '--if-empty'], extra);
}

const server = spawn(process.execPath, [next, 'start', '-p', env.PORT ?? '3000'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
