import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { neonConfig } from '@neondatabase/serverless';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ws from 'ws';
import { setConnection } from '@/db';
import { connect, type Connection } from '@/db/driver';
import { companies, users } from '@/db/schema';
import { constraintError } from '@/lib/actions/errors';
import { runAction } from '@/lib/runner/run-action';
import { saveCompanyDetails } from '@/lib/company/actions';
import type { CompanyDetailsInput } from '@/lib/company/schema';
import en from '@/messages/en.json';
import { FR_DETAILS } from '../helpers/company';
import { signUpCompany } from '../helpers/factories';
import { createTestDatabase } from '../helpers/db';

const NEON_DETAILS = { ...FR_DETAILS, name: 'Neon Paris' } satisfies CompanyDetailsInput;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`websockify exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`websockify did not listen on ${port}`);
}

/** The Neon driver speaks Postgres over a WebSocket; websockify bridges it to the local server. */
describe('Neon serverless driver (over websockify)', () => {
  let proxy: ChildProcess | undefined;
  let database: (Connection & { url?: string }) | undefined;
  let neon: Connection;

  beforeAll(async () => {
    const target = new URL(process.env.TEST_DATABASE_URL!);
    const wsPort = await freePort();
    proxy = spawn('/usr/bin/websockify', [`127.0.0.1:${wsPort}`, `${target.hostname}:${target.port || 5432}`], {
      stdio: 'ignore',
    });
    await waitForPort(wsPort, proxy);

    database = await createTestDatabase();
    // Plain websockify forwards every connection to its one target, so the address is enough.
    neonConfig.wsProxy = () => `127.0.0.1:${wsPort}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
    neonConfig.webSocketConstructor = ws;
    neon = connect({ kind: 'neon', url: database.url! });
    expect(neon.kind).toBe('neon');
  }, 60_000);

  afterAll(async () => {
    setConnection(undefined);
    await neon?.close();
    await database?.close();
    if (proxy && proxy.exitCode === null) {
      const exited = new Promise((resolve) => proxy!.once('exit', resolve));
      proxy.kill('SIGTERM');
      await exited;
    }
  });

  const company = (name: string) => ({ name, country: 'FR', timeZone: 'Europe/Paris' });

  it('selects through the WebSocket', async () => {
    const result = await neon.db.select({ n: companies.id }).from(companies).where(eq(companies.name, 'nobody'));
    expect(result).toEqual([]);
  });

  it('rolls a transaction back when it throws', async () => {
    const error = await neon.db
      .transaction(async (tx) => {
        await tx.insert(companies).values(company('Rolled Back SA'));
        const inside = await tx.select().from(companies).where(eq(companies.name, 'Rolled Back SA'));
        expect(inside).toHaveLength(1);
        throw new Error('changed my mind');
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((error as Error | undefined)?.message).toBe('changed my mind');
    expect(await neon.db.select().from(companies).where(eq(companies.name, 'Rolled Back SA'))).toEqual([]);
  });

  it('commits a transaction that completes', async () => {
    const id = await neon.db.transaction(async (tx) => {
      const [row] = await tx.insert(companies).values(company('Committed SARL')).returning({ id: companies.id });
      return row.id;
    });
    const rows = await neon.db.select().from(companies).where(eq(companies.id, id));
    expect(rows).toEqual([expect.objectContaining({ name: 'Committed SARL', country: 'FR', extensionLength: 3 })]);
  });

  it('runs the app’s sign-up and actions, with unique violations mapped like on the other drivers', async () => {
    setConnection(neon);
    const { company: created, admin } = await signUpCompany({ email: 'neon-admin@example.com' });
    const duplicate = await signUpCompany({ email: 'neon-admin@example.com' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(constraintError(duplicate)).toMatchObject({ key: 'errors.emailTaken', options: { field: 'email' } });
    expect(await neon.db.select().from(users).where(eq(users.email, 'neon-admin@example.com'))).toHaveLength(1);

    const saved = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'en',
      input: NEON_DETAILS,
    });
    expect(saved).toEqual({ ok: true, data: undefined });
    const [row] = await neon.db.select().from(companies).where(eq(companies.id, created.id));
    expect(row).toMatchObject({ name: 'Neon Paris', emergencyPostalCode: '75001' });

    const refused = await runAction(saveCompanyDetails, {
      userId: admin.id,
      locale: 'en',
      input: { ...NEON_DETAILS, name: 'Not saved', postalCode: '7500' },
    });
    expect(refused.fieldErrors).toEqual({ postalCode: en.errors.postalCodeInvalid });
    const [after] = await neon.db.select().from(companies).where(eq(companies.id, created.id));
    expect(after.name).toBe('Neon Paris');
  });
});
