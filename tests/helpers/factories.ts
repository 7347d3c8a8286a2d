import { randomUUID } from 'node:crypto';
import { db } from '@/db';
import { users, type NewUser } from '@/db/schema';
import { hashPassword } from '@/lib/secrets/password';
import { signUpSchema, type SignUpInput } from '@/lib/auth/schema';
import { createCompanyWithAdmin } from '@/lib/auth/sign-up';

export const TEST_PASSWORD = 'correct horse battery';

/** A company and its first admin, through the real sign-up (parsed like the form is). */
export function signUpCompany(overrides: Partial<SignUpInput> = {}) {
  return createCompanyWithAdmin(
    signUpSchema.parse({
      firstName: 'Ada',
      lastName: 'Admin',
      email: `admin-${randomUUID()}@example.com`,
      password: TEST_PASSWORD,
      companyName: 'Acme SAS',
      country: 'FR',
      officeSeats: 5,
      ...overrides,
    }),
  );
}

/** A plain member of the company, inserted directly. */
export async function addMember(companyId: string, overrides: Partial<NewUser> = {}) {
  const [member] = await db()
    .insert(users)
    .values({
      companyId,
      firstName: 'Max',
      lastName: 'Member',
      email: `member-${randomUUID()}@example.com`,
      passwordHash: await hashPassword(TEST_PASSWORD),
      role: 'member',
      ...overrides,
    })
    .returning();
  return member;
}
