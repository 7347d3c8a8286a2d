import { db, type Tx } from '@/db';
import { first } from '@/db/rows';
import { auditLog, companies, extensions, setupProgress, users } from '@/db/schema';
import { COUNTRY_RULES } from '@/lib/countries/rules';
import { nextFree } from '@/lib/extensions/numbering';
import { fullName } from '@/lib/format/person';
import { personRow } from '@/lib/team/rules';
import { hashPassword } from '@/lib/secrets/password';
import type { SignUp } from './schema';

/**
 * The company, its first admin (holding the first Office seat, extension 101) and the
 * company card's progress, in one transaction: a failed sign-up leaves nothing behind.
 */
export async function createCompanyWithAdmin(input: SignUp) {
  const passwordHash = await hashPassword(input.password);
  return db().transaction((tx) => insertCompanyWithAdmin(tx, input, passwordHash));
}

/** createCompanyWithAdmin inside the caller's transaction (the sign-up action's). */
export async function insertCompanyWithAdmin(tx: Tx, input: SignUp, passwordHash: string) {
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
  await tx.insert(extensions).values({ companyId: company.id, number, type: 'user', userId: admin.id });
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
