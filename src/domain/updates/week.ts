import { Temporal } from '@js-temporal/polyfill';
import type { TSettings } from '../../shared/settings.ts';

/**
 * A Weekly Product Update cycle is one ISO week (Monday–Sunday, week 1 holds the year's first Thursday) in
 * the org's time zone. ISO weeks, not calendar-year weeks: a cycle never splits at New Year, and years like
 * 2026 have a week 53.
 */
export interface IsoWeek {
  /** ISO week-numbering year: 2027-01-03 belongs to 2026-W53. */
  year: number;
  week: number;
}

/** Settings a cycle needs; the whole TSettings fits. */
export type CycleSettings = Pick<TSettings, 'timeZone' | 'deadlines'>;

export interface CycleInstants {
  /** Submission deadline, UTC ISO 8601 with milliseconds and Z; later submissions are kept and marked late. */
  dueAt: string;
  /** Scheduled publication, same form. */
  publishAt: string;
  /** Local dates (YYYY-MM-DD, org time zone) of the two instants; `publishDate` is the update's [Date]. */
  dueDate: string;
  publishDate: string;
}

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function plainDate(date: string): Temporal.PlainDate {
  // Temporal also accepts 20261119 or a date-time; callers store YYYY-MM-DD, so anything else is a bug upstream.
  if (!DATE.test(date)) throw new RangeError(`expected a date like 2026-11-19, got "${date}"`);
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
}

/** Week fields of an ISO-calendar date; Temporal types them optional only for other calendars. */
function weekOf(d: Temporal.PlainDate): IsoWeek {
  if (d.yearOfWeek === undefined || d.weekOfYear === undefined)
    throw new RangeError('expected an ISO-calendar date');
  return { year: d.yearOfWeek, week: d.weekOfYear };
}

/** Weeks in an ISO year: 52, or 53 when the year starts on a Thursday (or a leap year on a Wednesday). */
export function weeksInIsoYear(year: number): number {
  // 28 December always falls in the last ISO week of its year.
  return weekOf(Temporal.PlainDate.from({ year, month: 12, day: 28 })).week;
}

const formatKey = (year: number, week: number) => `${year}-W${String(week).padStart(2, '0')}`;

/** ISO week key (2026-W47) of a local calendar date (YYYY-MM-DD). */
export function isoWeekKey(date: string): string {
  const { year, week } = weekOf(plainDate(date));
  return formatKey(year, week);
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

function mondayOf(key: string): Temporal.PlainDate {
  const { year, week } = parseWeekKey(key);
  // 4 January is always in week 1, so its Monday starts week 1.
  const jan4 = Temporal.PlainDate.from({ year, month: 1, day: 4 });
  return jan4.subtract({ days: jan4.dayOfWeek - 1 }).add({ weeks: week - 1 });
}

/** First and last local dates of an ISO week, YYYY-MM-DD. */
export function weekDates(key: string): { monday: string; sunday: string } {
  const monday = mondayOf(key);
  return { monday: monday.toString(), sunday: monday.add({ days: 6 }).toString() };
}

/** The week `n` weeks after `key` (before it when n < 0): "last week's update beside it". */
export function addWeeks(key: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  return isoWeekKey(mondayOf(key).add({ weeks: n }).toString());
}

/**
 * A local weekday + HH:MM of the week as a UTC instant. Wall-clock times in a DST gap move forward and
 * ambiguous ones take the earlier offset ('compatible', as cadence occurrences do), so 14:00 stays 14:00
 * on the office clock across a DST change.
 */
function localInstant(monday: Temporal.PlainDate, weekday: number, time: string, timeZone: string) {
  const zoned = monday
    .add({ days: weekday - 1 })
    .toPlainDateTime(Temporal.PlainTime.from(time))
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return {
    at: zoned.toInstant().toString({ smallestUnit: 'millisecond' }),
    date: zoned.toPlainDate().toString(),
  };
}

/** Due and publication instants of a cycle (defaults: Thursday 14:00 and 16:00 org time). */
export function cycleInstants(key: string, settings: CycleSettings): CycleInstants {
  const monday = mondayOf(key);
  const { weeklyUpdateDue: due, weeklyUpdatePublish: publish } = settings.deadlines;
  const d = localInstant(monday, due.weekday, due.time, settings.timeZone);
  const p = localInstant(monday, publish.weekday, publish.time, settings.timeZone);
  return { dueAt: d.at, publishAt: p.at, dueDate: d.date, publishDate: p.date };
}

/** The cycle `now` falls in, judged by the org's local date (a Sunday 22:00 in New York is not Monday). */
export function currentWeekKey(now: Date, timeZone: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  return isoWeekKey(local.toPlainDate().toString());
}
