/** Thrown by a handler to refuse with a message the user can act on; rolls the transaction back. */
export class ActionError extends Error {
  constructor(
    readonly key: string,
    readonly options: { field?: string; params?: Record<string, string | number> } = {},
  ) {
    super(key);
  }
}

/** Unique constraints that map to a form field, so a lost race reads like the pre-check. */
const constraintFields: Readonly<Record<string, { field: string; key: string }>> = {
  users_email_unique: { field: 'email', key: 'errors.emailTaken' },
  // The holder's name is unknown here, hence a message without one.
  extensions_company_number_unique: { field: 'extension', key: 'errors.extensionTakenRace' },
  devices_user_unique: { field: 'phone', key: 'errors.phoneUnavailable' },
  devices_mac_unique: { field: 'mac', key: 'errors.macTaken' },
  sites_company_name_unique: { field: 'name', key: 'errors.siteNameTaken' },
  // buySeats inserts with ON CONFLICT DO NOTHING, so this only fires if that path changes.
  orders_company_key_unique: { field: 'quantity', key: 'errors.conflict' },
};

type PgError = { code?: string; constraint?: string; constraint_name?: string; message?: string };

/** Drizzle wraps driver errors; the Postgres code sits on the cause. */
export function pgErrorOf(error: unknown): PgError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as PgError & { cause?: unknown };
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    current = e.cause;
  }
  return undefined;
}

export function constraintError(error: unknown): ActionError | undefined {
  const pg = pgErrorOf(error);
  if (!pg || pg.code !== '23505') return undefined;
  const name = pg.constraint ?? pg.constraint_name ?? /"([^"]+)"/.exec(pg.message ?? '')?.[1];
  const mapped = name ? constraintFields[name] : undefined;
  return mapped ? new ActionError(mapped.key, { field: mapped.field }) : new ActionError('errors.conflict');
}
