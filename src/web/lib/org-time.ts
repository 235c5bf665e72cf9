/**
 * Dates and times in the org's time zone (the API's `timeZone`) for display and forms, with Intl only: no time
 * library in the bundle. Local dates are "YYYY-MM-DD" strings; instants are ISO strings. The calendar math
 * (today in a zone, adding days and months, ISO weeks) is shared/calendar.ts, which the server uses too.
 */

import { isLocalDate, localDateTime, localInstant } from '../../shared/calendar.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** The reader's own time zone (the browser's), for what is not the org's. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const dateMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** "Thu 19 Nov" (or "Thu 19 Nov 2026") for a local date (no time zone involved: it is already local). */
export const formatLocalDate = (date: string, withYear = false): string =>
  formatter('UTC', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  })
    .format(new Date(dateMs(date)))
    .replace(',', '');

/** "November 2026" */
export const formatMonth = (date: string): string =>
  formatter('UTC', { month: 'long', year: 'numeric' }).format(new Date(dateMs(date)));

/** "16:00" in the org's time zone. */
export const formatTime = (iso: string, timeZone: string): string =>
  formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** "Thu 19 Nov 2026, 16:00" in the org's time zone. */
export const formatDateTimeIn = (iso: string, timeZone: string): string =>
  formatter(timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(iso))
    .replace(',', '');

/**
 * "Thu 19 Nov 2026 16:00 (America/New_York)": how a page shows an instant, in the org's zone and saying which,
 * the same on every page (issue 17).
 */
export const formatInstant = (iso: string, timeZone: string): string =>
  Number.isNaN(Date.parse(iso)) ? iso : `${formatDateTimeIn(iso, timeZone)} (${timeZone})`;

/** The value of an <input type="datetime-local"> showing `iso` in the org's time zone. */
export function toLocalInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const { date, time } = localDateTime(new Date(ms), timeZone);
  return `${date}T${time}`;
}

/**
 * A datetime-local value read as org-local time → ISO instant; null when it is not a date-time.
 * A time skipped by a DST change lands after the gap; a repeated one takes the first occurrence.
 */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T((?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)$/.exec(value);
  if (!m || !isLocalDate(m[1]!)) return null;
  return localInstant(m[1]!, m[2]!, timeZone).toISOString();
}
