import type { Tx } from '@/db';

/**
 * Refuses to delete an extension while a phone number rings it (the ring group or conference
 * would leave the number ringing nothing).
 *
 * HOOK FOR THE PHONE NUMBERS ISSUE: numbers do not exist yet, so this checks nothing today.
 * Once the numbers table exists, look up the company's numbers mapped to `extensionId` and
 * throw `new ActionError('errors.extensionMapped', { params: { numbers: '<the numbers, formatted>' } })`
 * (the message key is already in both catalogs). It runs inside the delete's transaction,
 * after the company lock, so a number cannot be mapped between this check and the delete.
 */
export async function assertNotMapped(tx: Tx, extensionId: string): Promise<void> {
  void tx;
  void extensionId;
}
