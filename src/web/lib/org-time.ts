/**
 * Dates and times in the org's time zone (the API's `timeZone`), with Intl only: no time library in the bundle.
 * Local dates are "YYYY-MM-DD" strings; instants are ISO strings.
 */

import { systemClock } from '../../shared/clock.ts';

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

/** The wall-clock fields of an instant in a time zone. */
function wallClock(ms: number, timeZone: string) {
  const parts = formatter(timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Today's date where the org is. */
export function todayIn(timeZone: string, now: Date = systemClock.now()): string {
  const w = wallClock(now.getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

const dateMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromMs(dateMs(date) + days * 86_400_000);

/** ISO weekday, 1 = Monday. */
export const isoWeekday = (date: string): number => new Date(dateMs(date)).getUTCDay() || 7;

/** The Monday of the week of `date`. */
export const startOfWeek = (date: string): string => addDays(date, 1 - isoWeekday(date));

export const startOfMonth = (date: string): string => `${date.slice(0, 7)}-01`;

export function endOfMonth(date: string): string {
  const d = new Date(dateMs(startOfMonth(date)));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return addDays(fromMs(d.getTime()), -1);
}

export function addMonths(date: string, months: number): string {
  const d = new Date(dateMs(startOfMonth(date)));
  d.setUTCMonth(d.getUTCMonth() + months);
  return fromMs(d.getTime());
}

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

/** The value of an <input type="datetime-local"> showing `iso` in the org's time zone. */
export function toLocalInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** Offset of the time zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * A datetime-local value read as org-local time → ISO instant; null when it is not a date-time.
 * A time skipped by a DST change lands after the gap; a repeated one takes the first occurrence.
 */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(wall)) return null;
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const exact = [first, second].filter((ms) => wall - offsetAt(ms, timeZone) === ms).sort((a, b) => a - b);
  return new Date(exact[0] ?? Math.max(first, second)).toISOString();
}
