/**
 * The time the numbers actions judge holds by. Holds expire by time alone, so tests move this
 * clock (vi.spyOn(clock, 'now')) instead of sleeping; the carrier functions take `now` directly.
 */
export const clock = {
  now: (): Date => new Date(),
};
