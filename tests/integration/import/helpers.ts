import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { companies, extensions } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { signUpCompany } from '../../helpers/factories';

/** What the browser uploads: the file itself. */
export const fileOf = (content: string | Uint8Array, name = 'users.csv', type = 'text/csv') =>
  new File([content as BlobPart], name, { type });

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Windows-1252 letters that are not ISO-8859-1 (the bytes 0x80-0x9F) these tests use. */
const CP1252_EXTRAS: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, 'Œ': 0x8c, 'œ': 0x9c };

/** Windows-1252 bytes of a text (Excel's "CSV (separated by semicolons)" on French Windows). */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const b = CP1252_EXTRAS[c] ?? c.charCodeAt(0);
    if (b > 0xff) throw new Error(`${c} has no Windows-1252 byte here`);
    return b;
  }));
}

/**
 * A 4-digit French company (user block 1000-4999): room for 5,000 imported users. The admin
 * holds `adminExtension`.
 */
export async function bigCompany(opts: { officeSeats?: number; adminExtension?: string } = {}) {
  const officeSeats = opts.officeSeats ?? 50;
  const { company, admin } = await signUpCompany({ companyName: `Big ${randomUUID()}`, country: 'FR' });
  await db().update(companies).set({ extensionLength: 4, officeSeats }).where(eq(companies.id, company.id));
  await db()
    .update(extensions)
    .set({ number: opts.adminExtension ?? '1010' })
    .where(eq(extensions.userId, admin.id));
  return { company: { ...company, extensionLength: 4, officeSeats }, admin, actor: (await loadActor(admin.id))! };
}
