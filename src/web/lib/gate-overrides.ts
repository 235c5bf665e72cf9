import { addDays, endOfLocalDay, isLocalDate, localDateTime, todayIn } from '../../shared/calendar.ts';
import { MAX_OVERRIDE_DAYS } from '../../shared/release-detail.ts';
import { formatLocalDate } from './org-time.ts';

/** "Sat 12 Dec 2026 (America/New_York)": the override's last day in the org's zone, with the zone named. */
export function untilText(expiresAt: string, timeZone: string): string {
  const { date } = localDateTime(new Date(expiresAt), timeZone);
  return `${formatLocalDate(date, true)} (${timeZone})`;
}

/** "Overridden by Hana Okafor until Sat 12 Dec 2026 (America/New_York): why" (no why where it is hidden). */
export function overrideText(
  o: { by: string; reason?: string; expiresAt: string },
  timeZone: string,
): string {
  const why = o.reason ? `: ${o.reason}` : '';
  return `Overridden by ${o.by} until ${untilText(o.expiresAt, timeZone)}${why}`;
}

/**
 * The "until" box's bounds as local dates: today, to the last day whose end is still within the 30 days the
 * server allows from now.
 */
export function untilBounds(now: number, timeZone: string): { min: string; max: string; suggested: string } {
  const today = todayIn(timeZone, new Date(now));
  return { min: today, max: addDays(today, MAX_OVERRIDE_DAYS - 1), suggested: addDays(today, 7) };
}

/** The instant an "until" date means (the end of that day in the org's zone); '' for no date, which is refused. */
export const untilInstant = (date: string, timeZone: string): string =>
  isLocalDate(date) ? endOfLocalDay(date, timeZone).toISOString() : '';
