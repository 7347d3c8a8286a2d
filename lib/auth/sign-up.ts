import { db, type Tx } from '@/db';
import { first } from '@/db/rows';
import { auditLog, companies, extensions, setupProgress, users, type Company, type User } from '@/db/schema';
import { COUNTRY_RULES } from '@/lib/countries/rules';
import { nextFree } from '@/lib/extensions/numbering';
import { fullName } from '@/lib/format/person';
import { personRow } from '@/lib/team/rules';
import { hashPassword } from '@/lib/secrets/password';
import { writeAudit } from '@/lib/audit/log';
import type { CardWriter } from '@/lib/actions/define';
import { assignDirectNumbers } from '@/lib/numbers/direct';
import type { SignUp } from './schema';

/** A card writer for the sign-up transaction: history on the Phone numbers card, in the admin's name. */
function signUpWriter(tx: Tx, company: Company, admin: User, now: () => Date): CardWriter {
  const actor = { id: admin.id, companyId: company.id, role: admin.role, name: fullName(admin), email: admin.email };
  return {
    tx,
    company,
    now,
    record: async (entry) =>
      writeAudit(tx, { companyId: company.id, actor, card: 'numbers' }, Array.isArray(entry) ? entry : [entry]),
  };
}

/**
 * The company, its first admin (holding the first Office seat, extension 101) and the
 * company card's progress, in one transaction: a failed sign-up leaves nothing behind.
 */
export async function createCompanyWithAdmin(input: SignUp) {
  const passwordHash = await hashPassword(input.password);
  return db().transaction((tx) => insertCompanyWithAdmin(tx, input, passwordHash));
}

/** createCompanyWithAdmin inside the caller's transaction (the sign-up action's). */
export async function insertCompanyWithAdmin(tx: Tx, input: SignUp, passwordHash: string, now: () => Date = () => new Date()) {
  const rules = COUNTRY_RULES[input.country];
  const details = { name: input.companyName, country: input.country, officeSeats: input.officeSeats };
  const defaults = { timeZone: rules.defaultTimeZone, locale: rules.defaultLocale };
  const company = first(await tx.insert(companies).values({ ...details, ...defaults }).returning());
  const admin = first(
    await tx
      .insert(users)
      // The first admin holds the first Office seat and signs in with the sign-up password.
      .values({ ...personRow(company.id, input), passwordHash, role: 'admin', licence: 'office' })
      .returning(),
  );
  const number = nextFree('user', { length: 3, country: input.country }, [])!;
  const [extension] = await tx
    .insert(extensions)
    .values({ companyId: company.id, number, type: 'user', userId: admin.id })
    .returning({ id: extensions.id });
  // Like every Office user, the admin gets a direct number in this transaction (which also makes
  // it the main number). Decision: with the inventory empty the sign-up still succeeds, without a
  // number; the Review then reports it and the Phone numbers tab offers the catch-up.
  await assignDirectNumbers(signUpWriter(tx, company, admin, now), [extension!.id], { optional: true });
  await tx.insert(setupProgress).values({ companyId: company.id, card: 'company', status: 'in_progress' });
  await tx.insert(auditLog).values({
    companyId: company.id,
    actorId: admin.id,
    actorName: fullName(admin),
    card: 'company',
    action: 'company.created',
    target: company.name,
    after: { name: company.name, country: company.country, officeSeats: company.officeSeats, admin: admin.email },
  });
  return { company, admin };
}
