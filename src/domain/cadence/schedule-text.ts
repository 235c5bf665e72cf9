import type { TSchedule } from '../../shared/cadence.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const ORDINALS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

const weekdayName = (weekday: number) => WEEKDAYS[weekday - 1] ?? `weekday ${weekday}`;
const ordinal = (n: number) => ORDINALS[n] ?? `#${n}`;

/**
 * One sentence for a schedule, shared by the web, Slack and emails so a ritual reads the same everywhere.
 * The time zone follows the time because the time means nothing without it.
 * Example: "The last Friday of the first month of every quarter at 13:00 (Europe/Paris)".
 */
export function describeSchedule(schedule: TSchedule, timeZone: string): string {
  if (schedule.kind === 'per_release') return 'Per release';
  if (schedule.kind === 'one_off') return 'On set dates';
  const at = `at ${schedule.time} (${timeZone})`;
  const day = weekdayName(schedule.weekday);
  switch (schedule.kind) {
    case 'weekly':
      return `Every ${day} ${at}`;
    case 'biweekly':
      return `Every other ${day} ${at} from the week of ${schedule.anchor}`;
    case 'monthly':
      return `The ${ordinal(schedule.nth)} ${day} of every month ${at}`;
    case 'quarterly':
      return `The ${ordinal(schedule.nth)} ${day} of the ${ordinal(schedule.monthOfQuarter)} month of every quarter ${at}`;
  }
}
