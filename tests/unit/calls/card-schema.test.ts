import { describe, expect, it } from 'vitest';
import { addClosureSchema, encodeTarget, saveHoursSchema, setTargetsSchema } from '@/lib/calls/card-schema';
import { suggestedCalendar } from '@/lib/calls/defaults';

const ID = '0b8a4a9e-5c1f-4a59-9f7e-3f0f6b2b9d11';
const week = { mon: [{ start: '09:00', end: '18:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe('the Call handling forms', () => {
  it('reads the week from its JSON field, and an override needs its owner id', () => {
    expect(saveHoursSchema.safeParse({ week: JSON.stringify(week) })).toMatchObject({ success: true, data: { owner: 'company' } });
    const noId = saveHoursSchema.safeParse({ week: JSON.stringify(week), owner: 'ring_group' });
    expect(noId.success).toBe(false);
    expect(noId.error?.issues[0]).toMatchObject({ path: ['ownerId'], message: 'errors.notFound' });
    expect(saveHoursSchema.safeParse({ week: '{not json' }).success).toBe(false);
  });

  it('a closure without a last day is that one day; a last day before the first is refused on `to`', () => {
    expect(addClosureSchema.parse({ label: 'Inventaire', from: '2026-03-09', to: '' })).toMatchObject({ from: '2026-03-09', to: '2026-03-09' });
    const backwards = addClosureSchema.safeParse({ label: 'x', from: '2026-03-09', to: '2026-03-08' });
    expect(backwards.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['to', 'calls.errors.closureEndBeforeStart']]);
  });

  it('targets: the select values decode to their kind and id; another number needs its number', () => {
    const parsed = setTargetsSchema.parse({
      open: encodeTarget('extension', ID),
      closed: encodeTarget('ring_group', ID.toUpperCase()),
      holiday: 'number',
      holidayNumber: ' +41 21 555 01 00 ',
    });
    expect(parsed.targets).toEqual({
      open: { kind: 'extension', id: ID },
      closed: { kind: 'ring_group', id: ID },
      holiday: { kind: 'number', number: '+41 21 555 01 00' },
    });
    const refused = setTargetsSchema.safeParse({ open: `user:${ID}`, closed: 'number', holiday: '' });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['open', 'errors.notFound'],
      ['closedNumber', 'calls.errors.numberRequired'],
      ['holiday', 'calls.errors.targetRequired'],
    ]);
  });

  it('suggests the calendar of the emergency address when it names one', () => {
    const at = (country: string, emergencyRegion: string | null = null, emergencyPostalCode: string | null = null) =>
      suggestedCalendar({ country, emergencyRegion, emergencyPostalCode });
    expect(at('FR')).toBe('FR');
    expect(at('FR', null, '57000')).toBe('FR-ALSACE-MOSELLE');
    expect(at('CH', 'vd')).toBe('CH-VD');
    expect(at('CH', 'Genève')).toBe('CH-GE');
    expect(at('CH')).toBeNull();
    expect(at('CA', 'QC')).toBe('CA-QC');
    expect(at('GB', 'Scotland')).toBe('GB-SCT');
    expect(at('GB')).toBe('GB-ENG');
    expect(at('US', 'NY')).toBe('US');
  });
});
