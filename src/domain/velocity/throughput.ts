import { addWeeks, isoWeekKey, weekDates } from '../../shared/calendar.ts';
import { daysBetween } from '../roadmap/quarters.ts';

/**
 * Velocity as the framework measures it: what a pod ships per week, and how long from a signed strategy contract
 * to the pod's first launch. Pure: the launches and the sign-off date come from the database.
 */

export interface Launch {
  releaseId: string;
  title: string;
  launchedOn: string;
}

export interface LaunchWeek {
  week: string;
  monday: string;
  launches: Launch[];
}

/** The `weeks` ISO weeks that end with `lastWeek`, oldest first; quiet weeks are there with no launches. */
export function launchesPerWeek(launches: readonly Launch[], lastWeek: string, weeks: number): LaunchWeek[] {
  const byWeek = new Map<string, Launch[]>();
  for (const l of launches) {
    const key = isoWeekKey(l.launchedOn);
    byWeek.set(key, [...(byWeek.get(key) ?? []), l]);
  }
  return Array.from({ length: weeks }, (_, i) => {
    const week = addWeeks(lastWeek, i - weeks + 1);
    return { week, monday: weekDates(week).monday, launches: byWeek.get(week) ?? [] };
  });
}

/** Launches per week over the weeks shown, to one decimal. */
export function weeklyRate(weeks: readonly LaunchWeek[]): number {
  if (weeks.length === 0) return 0;
  const total = weeks.reduce((n, w) => n + w.launches.length, 0);
  return Math.round((total / weeks.length) * 10) / 10;
}

export interface LeadTime {
  signedOn: string;
  /** The pod's first launch on or after the sign-off (null: none yet). */
  firstLaunch: Launch | null;
  /** Calendar days from sign-off to that launch, or to today while none has shipped. */
  days: number;
}

export function leadTime(
  signedOn: string | null,
  launches: readonly Launch[],
  today: string,
): LeadTime | null {
  if (!signedOn) return null;
  const first =
    [...launches]
      .filter((l) => l.launchedOn >= signedOn)
      .sort((a, b) => a.launchedOn.localeCompare(b.launchedOn))[0] ?? null;
  return { signedOn, firstLaunch: first, days: daysBetween(signedOn, first?.launchedOn ?? today) };
}
