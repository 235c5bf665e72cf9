import type { THolidayPolicy } from '../../shared/cadence.ts';
import { addDays, localInstant, weekDates } from '../../shared/calendar.ts';
import type { TSettings } from '../../shared/settings.ts';
import { placeOnBusinessDay } from '../cadence/occurrences.ts';

/**
 * A Weekly Product Update cycle is one ISO week (shared/calendar.ts) in the org's time zone, with a submission
 * deadline and a publication time on weekdays of that week. A deadline on a holiday moves by the Weekly Product
 * Update ritual's holiday policy, with the same rule as the ritual's occurrence, so both land on the same day.
 */

/** Settings a cycle needs; the whole TSettings fits. */
export type CycleSettings = Pick<TSettings, 'timeZone' | 'deadlines' | 'workWeek' | 'holidays'>;

/** The pack's Weekly Product Update ritual moves to the business day before a holiday. */
export const DEFAULT_CYCLE_HOLIDAY_POLICY: THolidayPolicy = 'previous_business_day';

export interface CycleInstants {
  /** Submission deadline, UTC ISO 8601 with milliseconds and Z; later submissions are kept and marked late. */
  dueAt: string;
  /** Scheduled publication, same form. */
  publishAt: string;
  /** Local dates (YYYY-MM-DD, org time zone) of the two instants; `publishDate` is the update's [Date]. */
  dueDate: string;
  publishDate: string;
  /** The holiday (or 'not a work day') that moved the publication, or null. */
  holiday: string | null;
  /** The policy is 'skip' and publication falls on a holiday: no reminders or automatic publication. */
  skipped: boolean;
}

/**
 * A local weekday + HH:MM of the week as a UTC instant, after the holiday rule. Wall-clock times in a DST gap
 * move forward and ambiguous ones take the earlier offset (as cadence occurrences do), so 14:00 stays 14:00 on
 * the office clock across a DST change.
 */
function weekdayInstant(
  monday: string,
  deadline: { weekday: number; time: string },
  settings: CycleSettings,
  policy: THolidayPolicy,
) {
  const nominal = addDays(monday, deadline.weekday - 1);
  const placed = placeOnBusinessDay(nominal, policy, settings.workWeek, settings.holidays);
  const at = localInstant(placed.date, deadline.time, settings.timeZone);
  return { at, date: placed.date, reason: placed.reason, skipped: placed.skipped };
}

/** Due and publication instants of a cycle (defaults: Thursday 14:00 and 16:00 org time, moved off holidays). */
export function cycleInstants(
  key: string,
  settings: CycleSettings,
  policy: THolidayPolicy = DEFAULT_CYCLE_HOLIDAY_POLICY,
): CycleInstants {
  const { monday } = weekDates(key);
  const p = weekdayInstant(monday, settings.deadlines.weeklyUpdatePublish, settings, policy);
  const d = weekdayInstant(monday, settings.deadlines.weeklyUpdateDue, settings, policy);
  return {
    dueAt: d.at.toISOString(),
    publishAt: p.at.toISOString(),
    dueDate: d.date,
    publishDate: p.date,
    holiday: p.reason ?? d.reason,
    skipped: p.skipped,
  };
}
