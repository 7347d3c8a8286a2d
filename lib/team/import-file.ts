import iconv from 'iconv-lite';
import { readSheet } from 'read-excel-file/node';
import type { Locale } from '@/lib/i18n/locales';
import { parseUserCsv, parseUserSheet, type ParsedCsv } from './import-parse';

/*
 * What an uploaded file is, from its bytes rather than its name (an .xlsx renamed .csv still
 * imports): a workbook (a ZIP), an old binary .xls (refused), or a CSV text in UTF-8 (with or
 * without BOM) or Windows-1252, the encoding Excel uses on French and English Windows for
 * "CSV (separated by semicolons)". UTF-16 ("Unicode text") is refused with a message saying how
 * to save the file, as the tests ask.
 */

type Failure = Extract<ParsedCsv, { ok: false }>;
export type DecodedText = { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' } | Failure;

const fail = (key: string): Failure => ({ ok: false, error: { key } });
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: Excel 97-2003 .xls. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** UTF-16 with a BOM, or without one: NUL bytes on one side of most characters of Latin text. */
function looksUtf16(bytes: Uint8Array) {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => {
    if (b !== 0) return;
    if (i % 2) odd++;
    else even++;
  });
  return Math.max(even, odd) > sample.length / 4;
}

/**
 * Bytes of a CSV text -> the text. A file that is valid UTF-8 is UTF-8 (a Windows-1252 file
 * with any accented letter almost never is: é is one byte 0xE9, a lone lead byte in UTF-8);
 * otherwise it is Windows-1252, which also covers ISO-8859-1 (the same bytes for every letter;
 * browsers read "ISO-8859-1" labels as Windows-1252 too). Windows-1252 is decoded by iconv-lite:
 * Node's own TextDecoder('windows-1252') reads 0x80-0x9F (€, Œ, curly quotes) as control
 * characters since Node 20.18.3 (nodejs/node#60888).
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (looksUtf16(bytes)) return fail('errors.importUtf16');
  // A text file has no NUL byte; a picture or a PDF does.
  if (bytes.includes(0)) return fail('errors.importUnreadable');
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    // A UTF-8 BOM followed by invalid UTF-8 is a damaged file, not a Windows one.
    if (startsWith(bytes, UTF8_BOM)) return fail('errors.importUnreadable');
    return { ok: true, text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** The first sheet of a workbook, numbers kept as written (an extension stays "0101"-safe text). */
async function readWorkbook(bytes: Uint8Array, locale: Locale): Promise<ParsedCsv> {
  let table;
  try {
    table = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { parseNumber: (n) => n });
  } catch {
    // Not a workbook after all (another kind of ZIP), or a damaged one.
    return fail('errors.importBadWorkbook');
  }
  return parseUserSheet(table, locale);
}

/** Any uploaded file -> its rows, or the one reason it cannot be read. */
export async function readImportFile(file: Blob, locale: Locale): Promise<ParsedCsv> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) return fail('errors.importEmpty');
  if (startsWith(bytes, ZIP)) return readWorkbook(bytes, locale);
  if (startsWith(bytes, OLE)) return fail('errors.importXls');
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  return parseUserCsv(decoded.text, locale);
}
