/**
 * The calendar, for the server and the web app alike: local dates ("YYYY-MM-DD"), ISO weeks ("2026-W47") and
 * the wall clock of a time zone. Plain integer date math and Intl only — no time library, so the web bundle can
 * carry it. Pure: "now" is always passed in.
 *
 * ISO weeks run Monday–Sunday and week 1 holds the year's first Thursday: a weekly cycle never splits at New
 * Year, and years like 2026 have a week 53.
 */

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1970-01-01 of a calendar date (no validation: months and days roll over). */
const dayOf = (year: number, month: number, day: number): number =>
  new Date(0).setUTCFullYear(year, month - 1, day) / DAY_MS;

/** Days since 1970-01-01 of a local date; anything but a real YYYY-MM-DD date is a RangeError. */
function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const n = dayOf(year, month, day);
    // A date that rolled over (2026-02-30 → 2026-03-02) is not the date that was asked for.
    if (dateOf(n) === date) return n;
  }
  throw new RangeError(`expected a date like 2026-11-19, got "${date}"`);
}

/** Whether `value` is a real date written YYYY-MM-DD (2028-02-29 is, 2026-02-30 is not). */
export function isLocalDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

function dateOf(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

// ——— Local dates ———

export const addDays = (date: string, days: number): string => dateOf(dayNumber(date) + days);

/** Whole days from one local date to another (negative when `to` is earlier). */
export const daysFrom = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** ISO weekday, 1 = Monday. */
export const isoWeekday = (date: string): number => weekdayOf(dayNumber(date));

/** The Monday of the week of `date`. */
export const startOfWeek = (date: string): string => addDays(date, 1 - isoWeekday(date));

export const startOfMonth = (date: string): string => addMonths(date, 0);

/** The first day of the month `months` after the month of `date` (before it when months < 0). */
export function addMonths(date: string, months: number): string {
  const d = new Date(dayNumber(date) * DAY_MS);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  return `${pad(Math.floor(total / 12), 4)}-${pad((total % 12) + 1)}-01`;
}

export const endOfMonth = (date: string): string => addDays(addMonths(date, 1), -1);

// ——— The wall clock of a time zone ———

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An unknown time zone is a RangeError (from Intl). */
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(ms: number, timeZone: string) {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(ms));
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

/** Offset of the time zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant in a time zone. */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const w = wallClock(at.getTime(), timeZone);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** The date in a time zone at the instant `now`, YYYY-MM-DD: the org's today. */
export function todayIn(timeZone: string, now: Date): string {
  return localDateTime(now, timeZone).date;
}

/**
 * A local date and time (HH:MM or HH:MM:SS) in a time zone, as an instant. A time skipped by a DST change moves
 * forward by the length of the gap (02:30 on a spring-forward night is 03:30); a time that happens twice takes
 * the earlier instant. (This is Temporal's 'compatible' disambiguation.)
 */
export function localInstant(date: string, time: string, timeZone: string): Date {
  const t = TIME.exec(time);
  const [hour, minute, second] = [Number(t?.[1]), Number(t?.[2]), Number(t?.[3] ?? 0)];
  if (!t || hour > 23 || minute > 59 || second > 59)
    throw new RangeError(`expected a time like 14:00, got "${time}"`);
  const wall = dayNumber(date) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  // The offsets a day either side: around a DST change they differ, and each gives a candidate instant.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const exact = [wall - before, wall - after].filter((ms) => ms + offsetAt(ms, timeZone) === wall);
  return new Date(exact.length ? Math.min(...exact) : wall - before);
}

/** The last millisecond of a local date in a time zone: "until 12 Dec" lasts all of 12 Dec there. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return new Date(localInstant(addDays(date, 1), '00:00', timeZone).getTime() - 1);
}

// ——— ISO weeks ———

export interface IsoWeek {
  /** ISO week-numbering year: 2027-01-03 belongs to 2026-W53. */
  year: number;
  week: number;
}

function weekOfDay(day: number): IsoWeek {
  // A week belongs to the year that holds its Thursday.
  const thursday = day + 4 - weekdayOf(day);
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  return { year, week: Math.floor((thursday - dayOf(year, 1, 1)) / 7) + 1 };
}

const formatKey = ({ year, week }: IsoWeek) => `${year}-W${pad(week)}`;

/** Weeks in an ISO year: 52, or 53 when the year starts on a Thursday (or a leap year on a Wednesday). */
export function weeksInIsoYear(year: number): number {
  // 28 December always falls in the last ISO week of its year.
  return weekOfDay(dayOf(year, 12, 28)).week;
}

/** ISO week key (2026-W47) of a local date (YYYY-MM-DD). */
export function isoWeekKey(date: string): string {
  return formatKey(weekOfDay(dayNumber(date)));
}

/** Validates a key like 2026-W47; the message says what a key looks like, since users type these in the CLI. */
export function parseWeekKey(key: string): IsoWeek {
  const m = WEEK_KEY.exec(key);
  if (!m) throw new RangeError(`"${key}" is not an ISO week: use YEAR-Wnn, like 2026-W47`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  const max = weeksInIsoYear(year);
  if (week < 1 || week > max) {
    throw new RangeError(`"${key}" does not exist: ISO year ${year} has weeks W01 to W${max}`);
  }
  return { year, week };
}

/** Whether `value` is the key of a week that exists (2026-W53 is, 2027-W53 is not). */
export function isWeekKey(value: string): boolean {
  try {
    parseWeekKey(value);
    return true;
  } catch {
    return false;
  }
}

function mondayOf(key: string): number {
  const { year, week } = parseWeekKey(key);
  // 4 January is always in week 1, so its Monday starts week 1.
  const jan4 = dayOf(year, 1, 4);
  return jan4 - (weekdayOf(jan4) - 1) + (week - 1) * 7;
}

/** First and last local dates of an ISO week, YYYY-MM-DD. */
export function weekDates(key: string): { monday: string; sunday: string } {
  const monday = mondayOf(key);
  return { monday: dateOf(monday), sunday: dateOf(monday + 6) };
}

/** The week `n` weeks after `key` (before it when n < 0): "last week's update beside it". */
export function addWeeks(key: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  return formatKey(weekOfDay(mondayOf(key) + n * 7));
}

/** The week `now` falls in, judged by the local date in the time zone (a Sunday 22:00 in New York is not Monday). */
export function currentWeekKey(now: Date, timeZone: string): string {
  return isoWeekKey(todayIn(timeZone, now));
}

/** Month names, January first (a month number minus one indexes it). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
