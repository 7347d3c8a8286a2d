import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { currentNoticeVersion, EMERGENCY_NOTICES, paragraphsOf, recipientsRequired, reminderDate } from '@/lib/emergency/notice';

describe('the VoIP emergency notice', () => {
  it.each(Object.entries(EMERGENCY_NOTICES))('%s: the catalogs hold the very text its version names', (country, notice) => {
    const c = country as keyof typeof EMERGENCY_NOTICES;
    const texts = [en.emergency.notice[c].title, en.emergency.notice[c].body, fr.emergency.notice[c].title, fr.emergency.notice[c].body];
    // A changed text needs a new version (so admins accept it again) and this hash updated with it.
    expect(createHash('sha256').update(JSON.stringify(texts)).digest('hex'), `${notice.version}: bump the version`).toBe(notice.sha256);
    expect(notice.version).toMatch(new RegExp(`^${country.toLowerCase()}-\\d{4}-\\d+$`));
    expect(paragraphsOf(en.emergency.notice[c].body).length).toBe(paragraphsOf(fr.emergency.notice[c].body).length);
  });

  it('is needed in CA, GB and CH only; recipients in the US only', () => {
    expect(['FR', 'US', 'CA', 'GB', 'BE', 'CH'].map((c) => [c, currentNoticeVersion(c), recipientsRequired(c)])).toEqual([
      ['FR', null, false],
      ['US', null, true],
      ['CA', 'ca-2026-1', false],
      ['GB', 'gb-2026-1', false],
      ['BE', null, false],
      ['CH', 'ch-2026-1', false],
    ]);
  });

  it('is reminded a year later, a 29 February on 1 March', () => {
    expect(reminderDate(new Date('2026-03-02T09:30:00Z')).toISOString()).toBe('2027-03-02T09:30:00.000Z');
    expect(reminderDate(new Date('2028-02-29T12:00:00Z')).toISOString()).toBe('2029-03-01T12:00:00.000Z');
  });
});
