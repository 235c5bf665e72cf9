import type { TBugDisposition, TBugState } from '../../shared/bugs.ts';
import { daysFrom } from '../../shared/calendar.ts';

/**
 * No bug backlog (issue 15): a bug's age and whether it has waited too long, on the org's calendar. "Open longer
 * than N days" is strict: a bug opened N days ago is within the limit, one opened N + 1 days ago is over it.
 */
export interface BugFacts {
  state: TBugState;
  /** The first report's local date. */
  openedOn: string;
  /** The local date it closed on (null while open). */
  closedOn: string | null;
  disposition: TBugDisposition | null;
}

/** Whole days from the first report to today, or to the day it closed (never negative). */
export function bugAge(b: Pick<BugFacts, 'openedOn' | 'closedOn'>, today: string): number {
  return Math.max(0, daysFrom(b.openedOn, b.closedOn ?? today));
}

export function isOverLimit(b: BugFacts, today: string, maxOpenDays: number): boolean {
  return b.state === 'open' && bugAge(b, today) > maxOpenDays;
}

/** Open longer than the limit and nobody has decided: the PM and the week's rotation are asked. */
export function awaitsDecision(b: BugFacts, today: string, maxOpenDays: number): boolean {
  return isOverLimit(b, today, maxOpenDays) && b.disposition === null;
}

export interface BacklogFigures {
  open: number;
  /** The oldest open bug's age in days (null: none open). */
  oldestAgeDays: number | null;
  overLimit: number;
  awaitingDecision: number;
  /** Open bugs someone is fixing now. */
  fixNow: number;
}

/** One area's backlog from its bugs: the target is zero open. */
export function backlogOf(bugs: readonly BugFacts[], today: string, maxOpenDays: number): BacklogFigures {
  const open = bugs.filter((b) => b.state === 'open');
  return {
    open: open.length,
    oldestAgeDays: open.length ? Math.max(...open.map((b) => bugAge(b, today))) : null,
    overLimit: open.filter((b) => isOverLimit(b, today, maxOpenDays)).length,
    awaitingDecision: open.filter((b) => awaitsDecision(b, today, maxOpenDays)).length,
    fixNow: open.filter((b) => b.disposition === 'fix_now').length,
  };
}
