import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { companies, extensions, phoneNumbers, users } from '@/db/schema';
import { checkExtensionNumber } from '@/lib/extensions/numbering';
import { signUpCompanyWithSeats } from './factories';
import { addConference, addRingGroup, e164 } from './review';
import { addDeskPhone } from './team';

/**
 * A company of `size` users (the admin included) inserted in bulk, like an import leaves them:
 * every third user Office with a direct number, three ring groups of five, a conference bridge,
 * five desk phones. Through the actions a few hundred users would take minutes.
 */
export async function bulkCompany(size: number) {
  const { company, admin } = await signUpCompanyWithSeats(size);
  const length = size > 300 ? 4 : 3;
  if (length === 4) {
    await db().update(companies).set({ extensionLength: 4 }).where(eq(companies.id, company.id));
    await db().update(extensions).set({ number: '1010' }).where(eq(extensions.userId, admin.id));
  }
  const numbers: string[] = [];
  for (let n = length === 4 ? 1011 : 102; numbers.length < size - 1; n++) {
    if (!checkExtensionNumber(String(n), { length, country: 'FR' })) numbers.push(String(n));
  }
  const tag = randomUUID().slice(0, 8);
  const userIds: string[] = [];
  for (let start = 0; start < numbers.length; start += 250) {
    const batch = numbers.slice(start, start + 250);
    const inserted = await db()
      .insert(users)
      .values(
        batch.map((n) => ({
          companyId: company.id,
          firstName: `First${n}`,
          lastName: `Last${n}`,
          email: `u${n}-${tag}@bulk.example.com`,
          licence: Number(n) % 3 === 0 ? ('office' as const) : ('free' as const),
        })),
      )
      .returning({ id: users.id, licence: users.licence });
    const exts = await db()
      .insert(extensions)
      .values(inserted.map((u, i) => ({ companyId: company.id, number: batch[i], type: 'user' as const, userId: u.id })))
      .returning({ id: extensions.id, userId: extensions.userId });
    const office = new Set(inserted.filter((u) => u.licence === 'office').map((u) => u.id));
    const direct = exts.filter((e) => e.userId && office.has(e.userId));
    if (direct.length > 0) {
      await db()
        .insert(phoneNumbers)
        .values(
          direct.map((e) => ({
            e164: e164('FR'),
            country: 'FR',
            type: 'local' as const,
            areaCode: '1',
            regionName: 'Paris',
            status: 'owned' as const,
            companyId: company.id,
            extensionId: e.id,
            acquiredAt: new Date(),
          })),
        )
        // A number that happens to be in the test inventory is taken over (like addOwnedNumber).
        .onConflictDoUpdate({
          target: phoneNumbers.e164,
          set: { status: 'owned', companyId: company.id, extensionId: sql`excluded.extension_id`, heldUntil: null, acquiredAt: new Date() },
        });
    }
    userIds.push(...inserted.map((u) => u.id));
  }
  const groupBase = length === 4 ? 5000 : 500;
  for (let g = 0; g < 3; g++) await addRingGroup(company.id, String(groupBase + g), `Group ${g}`, userIds.slice(g * 5, g * 5 + 5));
  await addConference(company.id, length === 4 ? '8000' : '800');
  for (let i = 0; i < 5; i++) await addDeskPhone(company.id);
  return { company, admin, userIds };
}
