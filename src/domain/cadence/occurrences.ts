import { Temporal } from '@js-temporal/polyfill';
import type { THolidayPolicy, TSchedule } from '../../shared/cadence.ts';
import type { Holiday } from './business-days.ts';
import { nearestBusinessDay, nonBusinessReason } from './business-days.ts';

export interface PlannedOccurrence {
  /** Stable identity: the nominal local date (YYYY-MM-DD) the schedule produced, before any holiday shift. */
  key: string;
  /** Local date it actually happens (after a shift), YYYY-MM-DD, in the org time zone. */
  localDate: string;
  /** HH:MM as scheduled. */
  localTime: string;
  /** UTC instant, ISO 8601 with milliseconds and Z (the same form as Date#toISOString). */
  startsAt: string;
  /** startsAt + durationMinutes of elapsed time. */
  endsAt: string;
  status: 'scheduled' | 'skipped';
  /** Nominal date when shifted. */
  shiftedFrom: string | null;
  /** Holiday name (or 'not a work day') that caused a skip/shift. */
  holiday: string | null;
}

export interface PlannedOccurrencesOptions {
  schedule: TSchedule;
  durationMinutes: number;
  timeZone: string;
  /** Inclusive local dates, YYYY-MM-DD, compared with the nominal date (`key`). */
  from: string;
  to: string;
  holidays: readonly Holiday[];
  workWeek: readonly number[];
  holidayPolicy: THolidayPolicy;
}

/** Widest window one call may expand (about two years plus slack): callers page longer ranges. */
export const MAX_WINDOW_DAYS = 800;

type PlainDate = Temporal.PlainDate;

/** First date on or after `d` that falls on ISO `weekday`. */
function onOrAfter(d: PlainDate, weekday: number): PlainDate {
  return d.add({ days: (weekday - d.dayOfWeek + 7) % 7 });
}

/** The nth (1..4) or last (-1) `weekday` of a month. */
function nthWeekdayOfMonth(month: Temporal.PlainYearMonth, weekday: number, nth: number): PlainDate {
  if (nth === -1) {
    const last = month.toPlainDate({ day: month.daysInMonth });
    return last.subtract({ days: (last.dayOfWeek - weekday + 7) % 7 });
  }
  return onOrAfter(month.toPlainDate({ day: 1 }), weekday).add({ weeks: nth - 1 });
}

function weekly(from: PlainDate, to: PlainDate, weekday: number): PlainDate[] {
  const dates: PlainDate[] = [];
  for (let d = onOrAfter(from, weekday); Temporal.PlainDate.compare(d, to) <= 0; d = d.add({ weeks: 1 })) {
    dates.push(d);
  }
  return dates;
}

/** Monday of the ISO week containing `d`. */
const mondayOf = (d: PlainDate) => d.subtract({ days: d.dayOfWeek - 1 });

/**
 * Parity is counted in days between Mondays, not ISO week numbers: week numbers restart each year
 * (2026 has a week 53), which would break "every other week" at the year boundary.
 */
function biweekly(from: PlainDate, to: PlainDate, weekday: number, anchor: PlainDate): PlainDate[] {
  const anchorMonday = mondayOf(anchor);
  return weekly(from, to, weekday).filter((d) => {
    const weeks = anchorMonday.until(mondayOf(d), { largestUnit: 'days' }).days / 7;
    return weeks % 2 === 0;
  });
}

function monthlyIn(
  from: PlainDate,
  to: PlainDate,
  weekday: number,
  nth: number,
  keepMonth: (month: number) => boolean,
): PlainDate[] {
  const dates: PlainDate[] = [];
  const last = to.toPlainYearMonth();
  for (
    let m = from.toPlainYearMonth();
    Temporal.PlainYearMonth.compare(m, last) <= 0;
    m = m.add({ months: 1 })
  ) {
    if (!keepMonth(m.month)) continue;
    const d = nthWeekdayOfMonth(m, weekday, nth);
    if (Temporal.PlainDate.compare(d, from) >= 0 && Temporal.PlainDate.compare(d, to) <= 0) dates.push(d);
  }
  return dates;
}

/** The nominal dates a schedule produces in [from, to], before holidays are considered. */
function nominalDates(schedule: TSchedule, from: PlainDate, to: PlainDate): PlainDate[] {
  switch (schedule.kind) {
    case 'weekly':
      return weekly(from, to, schedule.weekday);
    case 'biweekly':
      return biweekly(from, to, schedule.weekday, Temporal.PlainDate.from(schedule.anchor));
    case 'monthly':
      return monthlyIn(from, to, schedule.weekday, schedule.nth, () => true);
    case 'quarterly':
      return monthlyIn(
        from,
        to,
        schedule.weekday,
        schedule.nth,
        (month) => (month - 1) % 3 === schedule.monthOfQuarter - 1,
      );
    case 'per_release':
    case 'one_off':
      return [];
  }
}

export interface BusinessDayPlacement {
  /** The local date it happens on (the nominal date unless shifted). */
  date: string;
  /** Holiday name (or 'not a work day') when the nominal date is not a business day; null otherwise. */
  reason: string | null;
  /** The policy is 'skip' and the nominal date is not a business day. */
  skipped: boolean;
}

/**
 * Where something scheduled on `nominal` happens under a holiday policy: the one rule ritual occurrences and the
 * weekly update's deadlines share, so both move to the same business day.
 */
export function placeOnBusinessDay(
  nominal: string,
  policy: THolidayPolicy,
  workWeek: readonly number[],
  holidays: readonly Holiday[],
): BusinessDayPlacement {
  const reason = policy === 'keep' ? null : nonBusinessReason(nominal, workWeek, holidays);
  if (reason === null || policy === 'skip') return { date: nominal, reason, skipped: reason !== null };
  const step = policy === 'next_business_day' ? 1 : -1;
  return { date: nearestBusinessDay(nominal, step, workWeek, holidays), reason, skipped: false };
}

/**
 * Wall time in the org's zone → UTC instant. 'compatible' is the calendar-app rule: a time inside the
 * spring-forward gap moves forward by the gap, an ambiguous fall-back time takes the earlier instant.
 */
function toInstant(date: string, time: string, timeZone: string): Temporal.Instant {
  return Temporal.PlainDate.from(date)
    .toPlainDateTime(Temporal.PlainTime.from(time))
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    .toInstant();
}

const iso = (i: Temporal.Instant) => i.toString({ smallestUnit: 'millisecond' });
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The calendar of a ritual in a window. Holidays and non-work days are applied per the holiday policy;
 * skipped occurrences are still returned so a calendar can say why nothing happens that day. The window
 * filters on the nominal date, so a shift never duplicates or drops an occurrence at the window edges.
 */
export function plannedOccurrences(opts: PlannedOccurrencesOptions): PlannedOccurrence[] {
  const from = Temporal.PlainDate.from(opts.from);
  const to = Temporal.PlainDate.from(opts.to);
  if (Temporal.PlainDate.compare(from, to) > 0) {
    throw new RangeError(`from (${opts.from}) is after to (${opts.to})`);
  }
  const days = from.until(to, { largestUnit: 'days' }).days + 1;
  if (days > MAX_WINDOW_DAYS) {
    throw new RangeError(`window of ${days} days is longer than ${MAX_WINDOW_DAYS} days`);
  }
  if (!Number.isInteger(opts.durationMinutes) || opts.durationMinutes < 0) {
    throw new RangeError(`durationMinutes must be a non-negative integer, got ${opts.durationMinutes}`);
  }
  if (opts.schedule.kind === 'per_release' || opts.schedule.kind === 'one_off') return [];
  const time = opts.schedule.time;
  // Reject an unknown zone up front, even when the window holds no occurrence.
  Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(opts.timeZone);

  const planned = nominalDates(opts.schedule, from, to).map((nominal): PlannedOccurrence => {
    const key = nominal.toString();
    const placed = placeOnBusinessDay(key, opts.holidayPolicy, opts.workWeek, opts.holidays);
    const start = toInstant(placed.date, time, opts.timeZone);
    return {
      key,
      localDate: placed.date,
      localTime: time,
      startsAt: iso(start),
      endsAt: iso(start.add({ minutes: opts.durationMinutes })),
      status: placed.skipped ? 'skipped' : 'scheduled',
      shiftedFrom: placed.date === key ? null : key,
      holiday: placed.reason,
    };
  });
  // Same-format ISO strings sort chronologically; the key breaks ties deterministically.
  return planned.sort((a, b) => cmp(a.startsAt, b.startsAt) || cmp(a.key, b.key));
}
