import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/actions/define';
import { fullName } from '@/lib/format/person';

/** The user behind a session, from the database: a demoted admin's cookie still says nothing. */
export async function loadActor(userId: string | null | undefined): Promise<Actor | undefined> {
  if (!userId || !/^[0-9a-f-]{36}$/i.test(userId)) return undefined;
  const [row] = await db()
    .select({
      id: users.id,
      companyId: users.companyId,
      role: users.role,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return undefined;
  return {
    id: row.id,
    companyId: row.companyId,
    role: row.role === 'admin' ? 'admin' : 'member',
    name: fullName(row),
    email: row.email,
  };
}
