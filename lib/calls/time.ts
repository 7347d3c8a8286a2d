/*
 * Wall-clock arithmetic for business hours: "HH:MM" times, weekdays, and an instant's local date
 * and time in an IANA zone (Intl, so daylight-saving changes come from the platform's tz data).
 * No holiday data here: the browser form's schema uses these.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MINUTES_PER_DAY = 24 * 60;
export const STEP_MINUTES = 15;

/** Minutes after midnight of an "HH:MM" ("24:00" is 1440); NaN when it is no such time. */
export function minutesOfTime(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return Number.NaN;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours === 24 && minutes === 0) return MINUTES_PER_DAY;
  if (hours > 23 || minutes > 59) return Number.NaN;
  return hours * 60 + minutes;
}

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  weekday: Weekday;
  /** Minutes after local midnight, 0-1439. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows `timeZone` as an IANA zone name (not an offset such as "+02:00"). */
export function isTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local date, weekday and minute of `instant` in `timeZone`. */
export function localTimeAt(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterOf(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  // getUTCDay of the local date at UTC midnight: 0 is Sunday.
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekday = WEEKDAYS[(day + 6) % 7] ?? 'mon';
  return { date, weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}


/** "HH:MM" of minutes after midnight (1440 is "24:00"): how the database's minutes are shown. */
export function timeOfMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
