import { Temporal } from '@js-temporal/polyfill';

/** ISO week key (2026-W47) of a calendar date given as YYYY-MM-DD. */
export function isoWeekOf(date: string): string {
  const d = Temporal.PlainDate.from(date);
  return `${d.yearOfWeek}-W${String(d.weekOfYear).padStart(2, '0')}`;
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** A local date and time in a time zone, as an instant (the earlier one when a DST change repeats it). */
export function localInstant(date: string, time: string, timeZone: string): Date {
  const z = Temporal.PlainDate.from(date).toZonedDateTime({
    timeZone,
    plainTime: Temporal.PlainTime.from(time),
  });
  return new Date(z.epochMilliseconds);
}
