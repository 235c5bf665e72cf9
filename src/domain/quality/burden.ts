import { addDays } from '../../shared/calendar.ts';
import type { DailyTickets } from './confusion.ts';

/**
 * Operational burden (velocity framework): support tickets per 1,000 active users. A month's figure uses that
 * month's active users (the latest count recorded at or before it), so growth does not read as relief. Pure: the
 * daily ticket counts and the user history come from the database.
 */

/** Active users as recorded for a month ("2026-11"). */
export interface UsersInMonth {
  month: string;
  users: number;
}

export interface BurdenFigure {
  from: string;
  to: string;
  tickets: number;
  /** The active users the figure divides by (null: none recorded, so no figure). */
  users: number | null;
  per1k: number | null;
  above: boolean;
}

export interface LaunchDelta {
  releaseId: string;
  title: string;
  launchedOn: string;
  /** Tickets in the 14 days before the launch day, and in the 14 days from it. */
  before: number;
  after: number;
}

/** How many days the current figure covers, and the days either side of a launch. */
export const BURDEN_WINDOW_DAYS = 30;
export const LAUNCH_SPAN_DAYS = 14;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The users of `month`: its own count, or the latest before it. */
export function usersIn(history: readonly UsersInMonth[], month: string): number | null {
  let best: UsersInMonth | null = null;
  for (const h of history) if (h.month <= month && (!best || h.month > best.month)) best = h;
  return best && best.users > 0 ? best.users : null;
}

/** Tickets between two local days, both included. */
export function ticketsBetween(daily: readonly DailyTickets[], from: string, to: string): number {
  return daily.reduce((n, d) => (d.day >= from && d.day <= to ? n + d.tickets : n), 0);
}

/** The figure for the days from..to, divided by the users of the month `to` falls in. */
export function burdenFigure(
  daily: readonly DailyTickets[],
  history: readonly UsersInMonth[],
  o: { from: string; to: string; thresholdPer1k: number },
): BurdenFigure {
  const tickets = ticketsBetween(daily, o.from, o.to);
  const users = usersIn(history, o.to.slice(0, 7));
  const per1k = users ? round1((tickets / users) * 1000) : null;
  // Compared unrounded, as the confused-customer figure: exactly at the threshold is not above it.
  const above = users !== null && tickets * 1000 > o.thresholdPer1k * users;
  return { from: o.from, to: o.to, tickets, users, per1k, above };
}

/** The trailing 30 days ending `today`. */
export function currentBurden(
  daily: readonly DailyTickets[],
  history: readonly UsersInMonth[],
  today: string,
  thresholdPer1k: number,
): BurdenFigure {
  return burdenFigure(daily, history, {
    from: addDays(today, 1 - BURDEN_WINDOW_DAYS),
    to: today,
    thresholdPer1k,
  });
}

/** The 14 days before a launch against the 14 from its day. */
export function launchDelta(
  daily: readonly DailyTickets[],
  r: { releaseId: string; title: string; launchedOn: string },
): LaunchDelta {
  const day = r.launchedOn;
  return {
    ...r,
    before: ticketsBetween(daily, addDays(day, -LAUNCH_SPAN_DAYS), addDays(day, -1)),
    after: ticketsBetween(daily, day, addDays(day, LAUNCH_SPAN_DAYS - 1)),
  };
}
