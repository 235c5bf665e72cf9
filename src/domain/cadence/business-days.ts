import { Temporal } from '@js-temporal/polyfill';

/** A holiday as settings hold it; only `date` matters for counting, `name` explains a skip or shift. */
export interface Holiday {
  date: string;
  name: string;
}

type Holidays = readonly { date: string }[];

const NOT_A_WORK_DAY = 'not a work day';
const DAY_MS = 86_400_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Integer day numbers (days since 1970-01-01) instead of Temporal objects: a release list computes deadlines
// for every row, and the polyfill cost 150–300 µs a release (issue 19). The results are the same, date for
// date (business-days.equivalence.test.ts checks them against the Temporal version).

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The day number of a date. A plain YYYY-MM-DD date is read directly; anything else (or a date that does not
 * exist) goes through Temporal, which accepts what it accepts and throws what it throws, as before.
 */
export function dayOfDate(date: string): number {
  const m = PLAIN_DATE.exec(date);
  if (m) {
    const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
    // Date.UTC maps years 0–99 to 1900–1999 and rolls days over: only an exact round trip is this date.
    if (dateOfDay(day) === date) return day;
  }
  return Temporal.PlainDate.from(date).toPlainDateTime().toZonedDateTime('UTC').epochMilliseconds / DAY_MS;
}

/** The ISO date of a day number, written as Temporal writes it. */
export function dateOfDay(day: number): string {
  const d = new Date(day * DAY_MS);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) {
    return Temporal.PlainDate.from({ year, month: d.getUTCMonth() + 1, day: d.getUTCDate() }).toString();
  }
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

const isHoliday = (day: number, holidays: Holidays): boolean => {
  if (holidays.length === 0) return false;
  const iso = dateOfDay(day);
  return holidays.some((h) => h.date === iso);
};

const isBusinessDayNumber = (day: number, workWeek: readonly number[], holidays: Holidays): boolean =>
  workWeek.includes(weekdayOf(day)) && !isHoliday(day, holidays);

function assertWorkWeek(workWeek: readonly number[]): void {
  // Without one business weekday every "next business day" search would run forever.
  if (!workWeek.some((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    throw new RangeError('workWeek must contain at least one ISO weekday (1 = Monday … 7 = Sunday)');
  }
}

/**
 * Why a date is not a business day: the holiday's name, or 'not a work day' when its weekday is outside the
 * work week; null for a business day. A holiday on a weekend reports the holiday, which reads better
 * ("skipped for Christmas") than the weekday.
 */
export function nonBusinessReason(
  date: string,
  workWeek: readonly number[],
  holidays: readonly Holiday[],
): string | null {
  const day = dayOfDate(date);
  const iso = dateOfDay(day);
  const holiday = holidays.find((h) => h.date === iso);
  if (holiday) return holiday.name;
  return workWeek.includes(weekdayOf(day)) ? null : NOT_A_WORK_DAY;
}

/** A business day is a work-week weekday that is not a holiday: the unit of every lead time. */
export function isBusinessDay(date: string, workWeek: readonly number[], holidays: Holidays): boolean {
  return isBusinessDayNumber(dayOfDate(date), workWeek, holidays);
}

function nearestBusinessDayNumber(
  day: number,
  step: 1 | -1,
  workWeek: readonly number[],
  holidays: Holidays,
): number {
  let d = day;
  do d += step;
  while (!isBusinessDayNumber(d, workWeek, holidays));
  return d;
}

/** The closest business day strictly after (step 1) or before (step -1) `date`. */
export function nearestBusinessDay(
  date: string,
  step: 1 | -1,
  workWeek: readonly number[],
  holidays: Holidays,
): string {
  assertWorkWeek(workWeek);
  return dateOfDay(nearestBusinessDayNumber(dayOfDate(date), step, workWeek, holidays));
}

/**
 * Moves `n` business days away from `date` (backwards when n < 0), stepping over weekends and holidays.
 * `date` itself never counts, so it need not be a business day; n = 0 returns `date` unchanged.
 * Example (Mon–Fri): Friday 2026-03-13 + 1 → Monday 2026-03-16.
 */
export function addBusinessDays(
  date: string,
  n: number,
  workWeek: readonly number[],
  holidays: Holidays,
): string {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  let d = dayOfDate(date);
  if (n !== 0) assertWorkWeek(workWeek);
  const step = n < 0 ? -1 : 1;
  for (let i = 0; i < Math.abs(n); i += 1) d = nearestBusinessDayNumber(d, step, workWeek, holidays);
  return dateOfDay(d);
}

/**
 * "N business days before `date`", the rule release lead times use: count back N business days from
 * `date`; when `date` is not a business day, count from the business day before it (which is then day 0).
 * So a deadline never lands later than the same rule applied to the last working day before the launch.
 *
 * Examples (Mon–Fri, no holidays):
 * - launch Monday 2026-03-16, N = 2 → Thursday 2026-03-12;
 * - launch Saturday 2026-03-14, N = 2 → count from Friday 03-13 → Wednesday 2026-03-11;
 * - launch Saturday 2026-03-14, N = 0 → Friday 2026-03-13.
 */
export function businessDaysBefore(
  date: string,
  n: number,
  workWeek: readonly number[],
  holidays: Holidays,
): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const day = dayOfDate(date);
  let start = day;
  if (!isBusinessDayNumber(day, workWeek, holidays)) {
    assertWorkWeek(workWeek);
    start = nearestBusinessDayNumber(day, -1, workWeek, holidays);
  }
  return addBusinessDays(dateOfDay(start), -n, workWeek, holidays);
}

/**
 * How many business days d there are with from < d <= to (0 when to <= from): counted by whole weeks and
 * the holidays inside, so a launch a year away costs no more than one next week.
 */
export function businessDaysBetween(
  from: string,
  to: string,
  workWeek: readonly number[],
  holidays: Holidays,
): number {
  const a = dayOfDate(from);
  const b = dayOfDate(to);
  if (b <= a) return 0;
  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((w) => workWeek.includes(w));
  const span = b - a;
  let count = Math.floor(span / 7) * weekdays.length;
  for (let d = a + 1 + Math.floor(span / 7) * 7; d <= b; d += 1)
    if (weekdays.includes(weekdayOf(d))) count += 1;
  // Each holiday date once, and only when it falls on a counted weekday inside the range.
  const seen = new Set<string>();
  for (const h of holidays) {
    if (seen.has(h.date)) continue;
    seen.add(h.date);
    const day = holidayDay(h.date);
    if (day !== null && day > a && day <= b && weekdays.includes(weekdayOf(day))) count -= 1;
  }
  return count;
}

/** The day of a holiday that some day's ISO date equals, or null when none does (a malformed entry). */
function holidayDay(date: string): number | null {
  try {
    const day = dayOfDate(date);
    return dateOfDay(day) === date ? day : null;
  } catch {
    return null;
  }
}
