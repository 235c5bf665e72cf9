import { addWeeks, isoWeekKey, localDateTime, parseWeekKey } from '../../shared/calendar.ts';

/** Status pings in one ISO week of the org's calendar. */
export interface WeekPings {
  /** ISO week key, "2026-W11". */
  week: string;
  pings: number;
}

export interface PingWeeksOptions {
  /** First and last week to report (ISO keys); default: the weeks of the first and last ping. */
  from?: string;
  to?: string;
}

/**
 * Pings per ISO week, each counted in the week of its local date in the org's time zone (a ping at 23:30 on a
 * Sunday in New York is that week's, though it is Monday in UTC). Weeks without a ping are listed with 0 between
 * the first and the last: a quiet week is a measurement, and a reduction is read from the whole series. Pings
 * outside from–to are left out.
 */
export function pingsPerWeek(
  rows: Iterable<{ postedAt: Date }>,
  timeZone: string,
  options: PingWeeksOptions = {},
): WeekPings[] {
  if (options.from) parseWeekKey(options.from);
  if (options.to) parseWeekKey(options.to);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const week = isoWeekKey(localDateTime(row.postedAt, timeZone).date);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  // ISO week keys ("2026-W09") sort as text in calendar order.
  const seen = [...counts.keys()].sort();
  const first = options.from ?? seen[0];
  const last = options.to ?? seen[seen.length - 1];
  if (!first || !last || first > last) return [];
  const weeks: WeekPings[] = [];
  for (let week = first; week <= last; week = addWeeks(week, 1)) {
    weeks.push({ week, pings: counts.get(week) ?? 0 });
  }
  return weeks;
}
