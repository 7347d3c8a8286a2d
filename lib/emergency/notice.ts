import type { CountryCode } from '@/lib/countries/rules';

/**
 * The VoIP emergency limitations notice an admin must acknowledge before finishing setup:
 * CA (CRTC: customers told of the limits of VoIP 9-1-1 at sign-up, express consent on record),
 * GB (Ofcom: the limits acknowledged at sale; the location is the installation address) and CH
 * (OFCOM: users told that VoIP emergency calls can be misrouted). Its text is in the catalogs
 * (`emergency.notice.<country>`, en and fr); the version names that exact text, so an
 * acknowledgement always says what was read. Changing a text means a new version (the Review
 * asks again) and a new `sha256` (of JSON [en title, en body, fr title, fr body]): tests/unit/emergency-notice.test.ts fails until both are done.
 */
export const EMERGENCY_NOTICES = {
  CA: { version: 'ca-2026-1', sha256: '7ce50ab1242e9bdca82a348952de6bc2ed6baaab47365281e37aa5f67430b108' },
  GB: { version: 'gb-2026-1', sha256: '87bd23797dbf1c6206e09ed6317eb949481a618c89697a7956e9594a75b18157' },
  CH: { version: 'ch-2026-1', sha256: '4f6dcea14b9e0bfc906967ce7dad9314784d29375a867a9a3aa0e9108be83468' },
} as const satisfies Partial<Record<CountryCode, { version: string; sha256: string }>>;

export type NoticeCountry = keyof typeof EMERGENCY_NOTICES;

export function hasEmergencyNotice(country: string): country is NoticeCountry {
  return Object.hasOwn(EMERGENCY_NOTICES, country);
}

/** The version of the notice the company's country needs acknowledged, or null (none needed). */
export function currentNoticeVersion(country: string): string | null {
  return hasEmergencyNotice(country) ? EMERGENCY_NOTICES[country].version : null;
}

/** Kari's Law: in the US, someone must be told when an emergency code is dialled. */
export const recipientsRequired = (country: string) => country === 'US';

/** Recipients per company: a central point (a desk, a security team), not a mailing list. */
export const MAX_EMERGENCY_RECIPIENTS = 10;

/** The notice's paragraphs: its body in the catalog is paragraphs separated by blank lines. */
export const paragraphsOf = (body: string) => body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** When the yearly reminder of an acknowledgement is due: the same day and time a year later. */
export function reminderDate(acknowledgedAt: Date) {
  const due = new Date(acknowledgedAt);
  due.setUTCFullYear(due.getUTCFullYear() + 1);
  return due;
}
