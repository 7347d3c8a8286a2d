import { isBuildPhase } from '../lib/env';
import { connect, resolveTarget, type Connection, type Db } from './driver';

export type { Db, Tx } from './driver';
export * as schema from './schema';

const globalKey = Symbol.for('switchboard.db');
type Holder = { [globalKey]?: Connection };
const holder = globalThis as Holder;

/**
 * The process-wide connection, opened on first use: importing this module never touches
 * `.data/`, so `next build` can load route modules. Kept on globalThis so dev reloads
 * don't open PGlite twice (it has no locking between instances).
 */
export function getConnection(): Connection {
  if (isBuildPhase()) {
    throw new Error('The database is not available while building.');
  }
  holder[globalKey] ??= connect(resolveTarget());
  return holder[globalKey];
}

export function db(): Db {
  return getConnection().db;
}

/** Tests and scripts install their own connection. */
export function setConnection(conn: Connection | undefined) {
  holder[globalKey] = conn;
}
