import { addWeeks, isoWeekKey, weekDates } from '../../shared/calendar.ts';

/**
 * Weekly series for the success metrics (issue 16): each metric is a count of hits among cases per ISO week
 * (launches told in time, occurrences adopted…), a percentage of them, a baseline from the first weeks that had
 * cases, and whether the current figure meets its target. Pure: the cases come from the records.
 */

export interface WeekCount {
  week: string;
  monday: string;
  hits: number;
  cases: number;
  /** hits / cases × 100 to one decimal; null with no case (no data is not 0%). */
  pct: number | null;
}

export const pctOf = (hits: number, cases: number): number | null =>
  cases === 0 ? null : Math.round((hits / cases) * 1000) / 10;

/** The `weeks` ISO weeks ending with `lastWeek`, oldest first. */
export function weekKeys(lastWeek: string, weeks: number): string[] {
  return Array.from({ length: weeks }, (_, i) => addWeeks(lastWeek, i - weeks + 1));
}

/** Cases (dated by local day) counted per week: a case is a hit or not. */
export function countPerWeek(
  cases: readonly { day: string; hit: boolean }[],
  weeks: readonly string[],
): WeekCount[] {
  const counts = new Map(weeks.map((w) => [w, { hits: 0, cases: 0 }]));
  for (const c of cases) {
    const n = counts.get(isoWeekKey(c.day));
    if (!n) continue;
    n.cases += 1;
    if (c.hit) n.hits += 1;
  }
  return weeks.map((week) => {
    const n = counts.get(week)!;
    return { week, monday: weekDates(week).monday, ...n, pct: pctOf(n.hits, n.cases) };
  });
}

/** Sums the weeks into one figure. */
export function total(weeks: readonly { hits: number; cases: number }[]) {
  const hits = weeks.reduce((n, w) => n + w.hits, 0);
  const cases = weeks.reduce((n, w) => n + w.cases, 0);
  return { hits, cases, pct: pctOf(hits, cases) };
}

export const BASELINE_WEEKS = 4;

/**
 * The baseline: the first `n` weeks that had cases, summed (null: no case yet); or, when Product Ops picked a date,
 * the `n` weeks from that date's week, cases or not.
 */
export function baselineOf(
  cases: readonly { day: string; hit: boolean }[],
  o: { n?: number; from?: string | null } = {},
) {
  const n = o.n ?? BASELINE_WEEKS;
  // ISO week keys ("2026-W09") sort as text in calendar order.
  const first = o.from
    ? weekKeys(addWeeks(isoWeekKey(o.from), n - 1), n)
    : [...new Set(cases.map((c) => isoWeekKey(c.day)))].sort().slice(0, n);
  if (first.length === 0) return null;
  return { weeks: first, ...total(countPerWeek(cases, first)) };
}

/** How a figure must compare with its target: the pack says "< 10%", "100%", "> 70%". */
export type TargetRule = 'below' | 'at most' | 'at least' | 'above';

export function meets(value: number | null, target: number, rule: TargetRule): boolean | null {
  if (value === null) return null;
  if (rule === 'below') return value < target;
  if (rule === 'at most') return value <= target;
  if (rule === 'at least') return value >= target;
  return value > target;
}
