/** The Temporal-based business-day functions as they were before issue 19: the oracle business-days.equivalence.test.ts compares the integer-day ones against. */
import { Temporal } from '@js-temporal/polyfill';

/** A holiday as settings hold it; only `date` matters for counting, `name` explains a skip or shift. */
export interface Holiday {
  date: string;
  name: string;
}

type Holidays = readonly { date: string }[];

const NOT_A_WORK_DAY = 'not a work day';

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
  const d = Temporal.PlainDate.from(date);
  const iso = d.toString();
  const holiday = holidays.find((h) => h.date === iso);
  if (holiday) return holiday.name;
  return workWeek.includes(d.dayOfWeek) ? null : NOT_A_WORK_DAY;
}

/** A business day is a work-week weekday that is not a holiday: the unit of every lead time. */
export function isBusinessDay(date: string, workWeek: readonly number[], holidays: Holidays): boolean {
  const d = Temporal.PlainDate.from(date);
  const iso = d.toString();
  return workWeek.includes(d.dayOfWeek) && !holidays.some((h) => h.date === iso);
}

/** The closest business day strictly after (step 1) or before (step -1) `date`. */
export function nearestBusinessDay(
  date: string,
  step: 1 | -1,
  workWeek: readonly number[],
  holidays: Holidays,
): string {
  assertWorkWeek(workWeek);
  let d = Temporal.PlainDate.from(date);
  do {
    d = d.add({ days: step });
  } while (!isBusinessDay(d.toString(), workWeek, holidays));
  return d.toString();
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
  let d = Temporal.PlainDate.from(date).toString();
  const step = n < 0 ? -1 : 1;
  for (let i = 0; i < Math.abs(n); i += 1) d = nearestBusinessDay(d, step, workWeek, holidays);
  return d;
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
  const start = isBusinessDay(date, workWeek, holidays)
    ? Temporal.PlainDate.from(date).toString()
    : nearestBusinessDay(date, -1, workWeek, holidays);
  return addBusinessDays(start, -n, workWeek, holidays);
}
