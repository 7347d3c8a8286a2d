import { and, asc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { extensions, phoneNumbers, users, type Company, type ExtensionType, type User } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import type { AuditEntry, CardWriter } from '@/lib/actions/define';
import type { CountryCode } from '@/lib/countries/rules';
import { applyNumberDecisions, type NumberDecision } from './consequences';
import { extensionLabels } from './labels';
import { formatNational } from '@/lib/format/phone';
import { preferredAreaCodes } from './areas';
import { rowsOf } from './inventory-seed';
import { numberAllowance, numberCap, numberCapError } from './limits';

/*
 * Direct numbers: every Office user and every conference bridge gets a local number of the
 * company's country when it is created, in the creating transaction, nearest to the emergency
 * address when the data allows. Ring groups get none (a number is mapped to them).
 */

/**
 * Who needs a direct number: an Office user's user extension and every conference bridge;
 * a Free user's extension and ring groups never. `licence` is the extension's user's.
 */
export function needsDirectNumber(extension: { type: ExtensionType; licence?: User['licence'] | null }): boolean {
  return extension.type === 'conference' || (extension.type === 'user' && extension.licence === 'office');
}

/** The same rule in SQL, over the outer query's extension type and its user's licence (null without one). */
export function needsDirectNumberSql(type: AnyColumn | SQL, licence: AnyColumn | SQL): SQL {
  return sql`((${type} = 'user' and ${licence} = 'office') or ${type} = 'conference')`;
}

/** No number the company owns rings the extension (the outer query's columns). */
export function withoutDirectNumberSql(extensionId: AnyColumn | SQL, companyId: AnyColumn | SQL): SQL {
  return sql`not exists (select 1 from phone_numbers pn
    where pn.extension_id = ${extensionId} and pn.company_id = ${companyId} and pn.status = 'owned')`;
}

export type DirectNumberCompany = Pick<
  Company,
  'id' | 'country' | 'emergencyPostalCode' | 'emergencyRegion' | 'emergencyCity'
>;

export type AssignOptions = {
  /** Leave the extensions without a number instead of refusing when the inventory is empty. */
  optional?: boolean;
};

const CARD = 'numbers' as const;

export type Assigned = { id: string; e164: string; extensionId: string };

/** A Postgres array literal of uuids or plain codes (no quoting needed). */
const arrayLiteral = (values: readonly string[]) => `{${values.join(',')}}`;

/**
 * One statement for any number of extensions: locks the first n takeable local numbers (in the
 * preferred area codes when given), pairs them with the extensions in order, makes them owned
 * and mapped. SKIP LOCKED: two companies assigning at once take different numbers, never wait.
 */
async function take(
  tx: Tx,
  company: DirectNumberCompany,
  extensionIds: readonly string[],
  now: Date,
  areaCodes: readonly string[] | undefined,
): Promise<Assigned[]> {
  if (extensionIds.length === 0) return [];
  const inAreas = areaCodes?.length ? sql`and area_code = any(${arrayLiteral(areaCodes)}::text[])` : sql``;
  const result = await tx.execute(sql`
    with wanted as (
      select ext_id, ord from unnest(${arrayLiteral(extensionIds)}::uuid[]) with ordinality as w(ext_id, ord)
    ),
    picked as (
      select id, e164 from phone_numbers
      where country = ${company.country} and type = 'local'
        and (status = 'available' or (status = 'held' and held_until <= ${now}))
        ${inAreas}
      order by e164
      limit ${extensionIds.length}
      for update skip locked
    ),
    paired as (
      select picked.id, wanted.ext_id
      from (select id, row_number() over (order by e164) as ord from picked) picked
      join wanted using (ord)
    )
    update phone_numbers p
    set status = 'owned', company_id = ${company.id}, held_until = null, extension_id = paired.ext_id,
        acquired_at = ${now}, order_id = null, is_main = false
    from paired
    where p.id = paired.id
    returning p.id, p.e164, p.extension_id as "extensionId"`);
  return rowsOf<Assigned>(result);
}

/**
 * Reuse before buying (issue 10): the company's own unassigned local numbers, oldest first
 * (acquired_at, e164), go to the extensions before anything is taken from the inventory. The
 * main number is left alone: where it rings stays the admin's decision. Callers hold the
 * company lock, so two assignments of one company never reuse the same number.
 */
async function reuse(tx: Tx, company: DirectNumberCompany, extensionIds: readonly string[]): Promise<Assigned[]> {
  if (extensionIds.length === 0) return [];
  const result = await tx.execute(sql`
    with wanted as (
      select ext_id, ord from unnest(${arrayLiteral(extensionIds)}::uuid[]) with ordinality as w(ext_id, ord)
    ),
    picked as (
      select id, acquired_at, e164 from phone_numbers
      where company_id = ${company.id} and status = 'owned' and type = 'local'
        and extension_id is null and not is_main
      order by acquired_at nulls first, e164
      limit ${extensionIds.length}
      for update
    ),
    paired as (
      select picked.id, wanted.ext_id
      from (select id, row_number() over (order by acquired_at nulls first, e164) as ord from picked) picked
      join wanted using (ord)
    )
    update phone_numbers p set extension_id = paired.ext_id
    from paired
    where p.id = paired.id
    returning p.id, p.e164, p.extension_id as "extensionId"`);
  return rowsOf<Assigned>(result);
}


/**
 * The first number a company gets becomes its main number; afterwards the main number only
 * moves (setMainNumber), it is never cleared. Callers hold the company lock.
 */
export async function ensureMainNumber(w: CardWriter) {
  const { tx } = w;
  const companyId = w.company.id;
  const result = await tx.execute(sql`
    update phone_numbers set is_main = true
    where id = (
      select id from phone_numbers where company_id = ${companyId} and status = 'owned'
      order by acquired_at, e164 limit 1)
    and not exists (select 1 from phone_numbers where company_id = ${companyId} and is_main)
    returning e164`);
  const [main] = rowsOf<{ e164: string }>(result);
  if (main) {
    await w.record({
      card: CARD,
      action: 'number.mainChanged',
      target: formatNational(main.e164),
      before: { main: null },
      after: { main: formatNational(main.e164) },
    });
  }
}

/**
 * Gives each extension a direct number: an unassigned local number the company already owns
 * first, then from the inventory nearest to the emergency address, then anywhere in the country. Refuses (ActionError, the caller's transaction rolls back) when the inventory
 * has too few, unless `optional`.
 */
export async function assignDirectNumbers(
  w: CardWriter,
  extensionIds: readonly string[],
  opts: AssignOptions = {},
): Promise<Assigned[]> {
  const { tx, company } = w;
  const now = w.now();
  const preferred = preferredAreaCodes(company.country as CountryCode, {
    postalCode: company.emergencyPostalCode,
    region: company.emergencyRegion,
    city: company.emergencyCity,
  });
  const assigned = await reuse(tx, company, extensionIds);
  // Until the first setup is finished, only what the cap leaves comes from the inventory
  // (lib/numbers/limits.ts); more than that refuses the whole change, however many are free.
  const room = await numberAllowance(tx, company, now);
  const cap = numberCap(company);
  const wanted = extensionIds.filter((id) => !assigned.some((a) => a.extensionId === id));
  if (wanted.length > room && !opts.optional && cap !== null) throw numberCapError(cap);
  const allowed = new Set(wanted.slice(0, room));
  const left = () => {
    const done = new Set(assigned.map((a) => a.extensionId));
    return extensionIds.filter((id) => allowed.has(id) && !done.has(id));
  };
  if (preferred.length) assigned.push(...(await take(tx, company, left(), now, preferred)));
  assigned.push(...(await take(tx, company, left(), now, undefined)));
  if (assigned.length < extensionIds.length && !opts.optional) {
    throw new ActionError('errors.noNumberLeft', {
      params: { needed: extensionIds.length, available: assigned.length, country: company.country },
    });
  }
  if (assigned.length === 0) return assigned;
  const labels = await extensionLabels(tx, company.id, assigned.map((a) => a.extensionId));
  await w.record(
    assigned.map(
      (a): AuditEntry => ({
        card: CARD,
        action: 'number.assigned',
        target: formatNational(a.e164),
        before: { extension: null },
        after: { extension: labels.get(a.extensionId) ?? null },
      }),
    ),
  );
  await ensureMainNumber(w);
  return assigned;
}

export async function assignDirectNumber(w: CardWriter, extensionId: string) {
  const [assigned] = await assignDirectNumbers(w, [extensionId]);
  return assigned;
}

/**
 * The Office users among these users who have a user extension and no number yet get one, in
 * one statement: what the CSV import calls for the users it created.
 */
export async function assignDirectNumbersToUsers(w: CardWriter, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  const { tx, company } = w;
  const rows = await tx
    .select({ id: extensions.id })
    .from(extensions)
    .innerJoin(users, eq(users.id, extensions.userId))
    .where(
      and(
        eq(extensions.companyId, company.id),
        eq(extensions.type, 'user'),
        needsDirectNumberSql(extensions.type, users.licence),
        inArray(users.id, [...userIds]),
        withoutDirectNumberSql(extensions.id, extensions.companyId),
      ),
    )
    .orderBy(sql`length(${extensions.number})`, asc(extensions.number));
  return assignDirectNumbers(w, rows.map((r) => r.id));
}

/**
 * After a user's licence is saved (Team or Licences card), one call: becoming or staying
 * Office without a number gets one; going from Office to Free applies the admin's decisions
 * from the confirm dialog to the numbers that rang them (move, keep unassigned, release; a
 * number without a decision stays in the company, unassigned: never silently released).
 * Free staying Free changes nothing, so a number an admin mapped to a Free user's extension on
 * purpose stays. Decisions for any other change refuse it.
 */
export async function syncDirectNumber(
  w: CardWriter,
  extensionId: string | null | undefined,
  licence: { from: 'free' | 'office'; to: 'free' | 'office' },
  decisions: readonly NumberDecision[] = [],
) {
  const needs = (userLicence: User['licence']) => needsDirectNumber({ type: 'user', licence: userLicence });
  const losesNumber = Boolean(extensionId) && needs(licence.from) && !needs(licence.to);
  if (decisions.length > 0 && !losesNumber) throw new ActionError('errors.notFound', { field: 'numbers' });
  if (!extensionId || (!needs(licence.from) && !needs(licence.to))) return;
  if (losesNumber) {
    await applyNumberDecisions(w, [extensionId], decisions);
    return;
  }
  const { tx, company } = w;
  const [mapped] = await tx
    .select({ id: phoneNumbers.id })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.extensionId, extensionId), eq(phoneNumbers.companyId, company.id), eq(phoneNumbers.status, 'owned')))
    .limit(1);
  if (!mapped) await assignDirectNumber(w, extensionId);
}

/** Office users' and conference bridges' extensions that no owned number rings. */
export async function extensionsWithoutNumber(exec: Db | Tx, companyId?: string) {
  return exec
    .select({ id: extensions.id, companyId: extensions.companyId })
    .from(extensions)
    .leftJoin(users, eq(users.id, extensions.userId))
    .where(
      and(
        companyId ? eq(extensions.companyId, companyId) : undefined,
        needsDirectNumberSql(extensions.type, users.licence),
        withoutDirectNumberSql(extensions.id, extensions.companyId),
      ),
    )
    .orderBy(asc(extensions.companyId), sql`length(${extensions.number})`, asc(extensions.number));
}

/**
 * Catch-up for Office users and bridges created before numbers existed (or while the inventory
 * was empty): the Phone numbers tab offers it to the admin, and `npm run db:seed-numbers` runs it
 * for every company (scripts/seed-numbers.ts), each under its company lock.
 */
export async function backfillDirectNumbers(w: CardWriter, opts: AssignOptions = {}) {
  const wanted = await extensionsWithoutNumber(w.tx, w.company.id);
  const assigned = await assignDirectNumbers(w, wanted.map((x) => x.id), opts);
  return { assigned: assigned.length, missing: wanted.length - assigned.length };
}
