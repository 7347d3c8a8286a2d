import { randomUUID } from 'node:crypto';
import { db } from '@/db';
import { users, type NewUser } from '@/db/schema';
import { hashPassword } from '@/lib/secrets/password';
import { signUpSchema, type SignUpInput } from '@/lib/auth/schema';
import { createCompanyWithAdmin } from '@/lib/auth/sign-up';
import { buySeats } from '@/lib/licences/actions';
import { SEATS_AT_SIGN_UP_MAX } from '@/lib/licences/schema';
import { runAction } from '@/lib/runner/run-action';

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

/** More Office seats, ordered on the Licences card as an admin does (buySeats). */
export async function buySeatsAs(adminId: string, quantity: number) {
  const result = await runAction(buySeats, { userId: adminId, locale: 'en', input: { quantity, idempotencyKey: randomUUID() } });
  if (!result.ok) throw new Error(`buySeats refused: ${JSON.stringify(result)}`);
  return result.data;
}

/**
 * A company with `officeSeats` seats: sign-up grants at most SEATS_AT_SIGN_UP_MAX (issue 12),
 * the rest is ordered from the Licences card, as a real admin would.
 */
export async function signUpCompanyWithSeats(officeSeats: number, overrides: Partial<SignUpInput> = {}) {
  const atSignUp = Math.min(officeSeats, SEATS_AT_SIGN_UP_MAX);
  const { company, admin } = await signUpCompany({ ...overrides, officeSeats: atSignUp });
  if (officeSeats > atSignUp) await buySeatsAs(admin.id, officeSeats - atSignUp);
  return { company: { ...company, officeSeats }, admin };
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
