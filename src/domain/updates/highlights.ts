import { Temporal } from '@js-temporal/polyfill';
import { isoWeekKey, weekDates } from '../../shared/calendar.ts';
import type { WeeklyUpdate } from './template.ts';

/** The minimal release record the highlights need (the release issue owns the full one). */
export interface ReleaseForHighlights {
  id: string;
  title: string;
  areaName: string;
  tier: 1 | 2 | 3;
  /** Target launch date, YYYY-MM-DD, in the org time zone. */
  targetDate: string;
  status: string;
}

export interface LaunchHighlights<R extends ReleaseForHighlights = ReleaseForHighlights> {
  keyLaunches: R[];
  upcoming: R[];
  /** Due this week or in the next two, but held at go/no-go: not announced as launching, said to be on hold. */
  held: R[];
}

/** A risk or ask a PM flagged, lifted into the cross-cutting section and into follow-ups. */
export interface CrossCuttingRisk {
  areaName: string;
  pmName: string;
  /** The item's markdown as the PM wrote it. */
  text: string;
  /** Position in that PM's `risks` list: with the area it identifies the follow-up across versions. */
  index: number;
}

export interface WeeklyHighlights<R extends ReleaseForHighlights = ReleaseForHighlights>
  extends LaunchHighlights<R> {
  risks: CrossCuttingRisk[];
}

/** "Next 2 weeks" in the template: a launch exactly 14 days after publication is still upcoming. */
export const UPCOMING_WINDOW_DAYS = 14;

/** Statuses that mean "not launching": spelled loosely (rolled back, rolled_back, canceled…) on purpose. */
const NOT_LAUNCHING = new Set(['rolledback', 'rollback', 'cancelled', 'canceled', 'hold', 'onhold']);
const loose = (status: string) => status.toLowerCase().replace(/[\s_-]+/g, '');

export function isLaunching(status: string): boolean {
  return !NOT_LAUNCHING.has(loose(status));
}

/** Held at go/no-go: it will not launch until a new decision, whatever its date says. */
export const isHeld = (status: string): boolean => ['hold', 'onhold'].includes(loose(status));

/** Date first; on the same day the higher tier (more stakeholder impact) first; then title and id, for stability. */
function byDateThenTier(a: ReleaseForHighlights, b: ReleaseForHighlights): number {
  return (
    Temporal.PlainDate.compare(a.targetDate, b.targetDate) ||
    b.tier - a.tier ||
    a.title.localeCompare(b.title) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Launch highlights for an update published on `publicationDate` (local YYYY-MM-DD).
 * - Key launches this week: target date anywhere in the publication's ISO week (Mon–Sun), so Monday's
 *   launch and Sunday's both count, and a launch on the publication day is "this week".
 * - Upcoming (next 2 weeks): after the publication date, at most 14 days after it, and not already a key
 *   launch — a Saturday launch of the same week is listed once, as this week's.
 * Rolled back and cancelled releases are left out of both; held ones (go/no-go "hold") go to `held` instead.
 */
export function launchHighlights<R extends ReleaseForHighlights>(
  releases: readonly R[],
  publicationDate: string,
): LaunchHighlights<R> {
  const week = weekDates(isoWeekKey(publicationDate));
  const published = Temporal.PlainDate.from(publicationDate);
  const windowEnd = published.add({ days: UPCOMING_WINDOW_DAYS });
  const keyLaunches: R[] = [];
  const upcoming: R[] = [];
  const held: R[] = [];
  for (const r of releases) {
    const target = Temporal.PlainDate.from(r.targetDate);
    const inWeek =
      Temporal.PlainDate.compare(target, week.monday) >= 0 &&
      Temporal.PlainDate.compare(target, week.sunday) <= 0;
    if (isHeld(r.status)) {
      const due =
        Temporal.PlainDate.compare(target, week.monday) >= 0 &&
        Temporal.PlainDate.compare(target, windowEnd) <= 0;
      if (due) held.push(r);
      continue;
    }
    if (!isLaunching(r.status)) continue;
    if (inWeek) keyLaunches.push(r);
    else if (
      Temporal.PlainDate.compare(target, published) > 0 &&
      Temporal.PlainDate.compare(target, windowEnd) <= 0
    ) {
      upcoming.push(r);
    }
  }
  return {
    keyLaunches: keyLaunches.sort(byDateThenTier),
    upcoming: upcoming.sort(byDateThenTier),
    held: held.sort(byDateThenTier),
  };
}

/** What `crossCuttingRisks` reads from each area: the same rows the renderer takes. */
export interface RiskSource {
  areaName: string;
  pmName: string;
  update: Pick<WeeklyUpdate, 'risks'> | null;
}

/** The risks/asks PMs flagged, in area order, each with its area and PM (pack §3: "flagged risks"). */
export function crossCuttingRisks(submissions: readonly RiskSource[]): CrossCuttingRisk[] {
  return submissions.flatMap((s) =>
    (s.update?.risks ?? []).map((text, index) => ({ areaName: s.areaName, pmName: s.pmName, text, index })),
  );
}
