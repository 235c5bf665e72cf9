import { dateOfDay, dayOfDate, isBusinessDay, nearestBusinessDay } from '../cadence/business-days.ts';

/** Pack §6 Post-Launch Capture: Day 3 check-in (async). */
export const DAY3_QUESTIONS = [
  { key: 'ticket_spike', label: 'Support ticket spike?' },
  { key: 'unexpected_behaviour', label: 'Unexpected behaviour?' },
  { key: 'customer_confusion', label: 'Customer confusion?' },
] as const;

/** Pack §6 Post-Launch Capture: Day 14 retro. */
export const DAY14_QUESTIONS = [
  { key: 'went_well', label: 'What went well in the launch process?' },
  { key: 'surprised_us', label: 'What surprised us (customers, Support, Sales)?' },
  { key: 'change', label: 'What should we change in the enablement process?' },
] as const;

type Holidays = readonly { date: string }[];

/** Launch + N calendar days, moved to the next business day: a check-in on a Sunday would be missed. */
function checkInDay(
  launchedOn: string,
  days: number,
  workWeek: readonly number[],
  holidays: Holidays,
): string {
  const nominal = dateOfDay(dayOfDate(launchedOn) + days);
  return isBusinessDay(nominal, workWeek, holidays)
    ? nominal
    : nearestBusinessDay(nominal, 1, workWeek, holidays);
}

export function postLaunchDates(
  launchedOn: string,
  workWeek: readonly number[],
  holidays: Holidays,
): { day3: string; day14: string } {
  return {
    day3: checkInDay(launchedOn, 3, workWeek, holidays),
    day14: checkInDay(launchedOn, 14, workWeek, holidays),
  };
}
