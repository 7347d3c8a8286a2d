import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { devices, users } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import { fullName } from '@/lib/format/person';

/**
 * Who a desk phone added on the Licences card goes to, chosen with the owner picker: a user of
 * this company (another company's id reads as not found), with an Office licence, who holds no
 * desk phone yet (changing someone's phone is the Team card's user form). Returns their name.
 */
export async function deskPhoneOwner(tx: Tx, companyId: string, userId: string): Promise<string> {
  const [owner] = await tx
    .select({ firstName: users.firstName, lastName: users.lastName, licence: users.licence, held: devices.model })
    .from(users)
    .leftJoin(devices, eq(devices.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.companyId, companyId)));
  if (!owner) throw new ActionError('errors.notFound', { field: 'userId' });
  const name = fullName(owner);
  if (owner.licence !== 'office') throw new ActionError('errors.deskPhoneNeedsOffice', { field: 'userId', params: { name } });
  if (owner.held) throw new ActionError('errors.ownerHasPhone', { field: 'userId', params: { name, model: owner.held } });
  return name;
}
