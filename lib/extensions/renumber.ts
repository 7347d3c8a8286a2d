import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { extensions, type Company, type Extension } from '@/db/schema';
import type { Translate } from '@/lib/i18n/messages';
import { assertExtensionAvailable } from './numbering';

/**
 * Gives an extension a new number, in place. Ring-group memberships, no-answer targets,
 * number mappings and history all point at the row's id, never at its number, so they follow.
 *
 * The company's numbering rules (lib/extensions/numbering.ts) and a pre-check that names the
 * holder come first; the extensions_company_number_unique index decides any race past it
 * (mapped to the `extension` field in lib/actions/errors.ts).
 */
export async function renumberInPlace(tx: Tx, t: Translate, company: Company, extension: Extension, number: string) {
  if (number === extension.number) return false;
  await assertExtensionAvailable(tx, t, company, number, extension.id);
  await tx
    .update(extensions)
    .set({ number })
    .where(and(eq(extensions.id, extension.id), eq(extensions.companyId, company.id)));
  return true;
}
