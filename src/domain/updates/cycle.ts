import { addDays, localDateTime, localInstant, weekDates } from '../../shared/calendar.ts';
import type { TSettings } from '../../shared/settings.ts';

/**
 * A Weekly Product Update cycle is one ISO week (shared/calendar.ts) in the org's time zone, with a submission
 * deadline and a publication time on weekdays of that week.
 */

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

/**
 * A local weekday + HH:MM of the week as a UTC instant. Wall-clock times in a DST gap move forward and
 * ambiguous ones take the earlier offset (as cadence occurrences do), so 14:00 stays 14:00 on the office clock
 * across a DST change.
 */
function weekdayInstant(monday: string, weekday: number, time: string, timeZone: string) {
  const at = localInstant(addDays(monday, weekday - 1), time, timeZone);
  return { at: at.toISOString(), date: localDateTime(at, timeZone).date };
}

/** Due and publication instants of a cycle (defaults: Thursday 14:00 and 16:00 org time). */
export function cycleInstants(key: string, settings: CycleSettings): CycleInstants {
  const { monday } = weekDates(key);
  const { weeklyUpdateDue: due, weeklyUpdatePublish: publish } = settings.deadlines;
  const d = weekdayInstant(monday, due.weekday, due.time, settings.timeZone);
  const p = weekdayInstant(monday, publish.weekday, publish.time, settings.timeZone);
  return { dueAt: d.at, publishAt: p.at, dueDate: d.date, publishDate: p.date };
}
