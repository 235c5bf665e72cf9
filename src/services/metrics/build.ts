import {
  baselineOf,
  countPerWeek,
  meets,
  type TargetRule,
  total,
  weekKeys,
} from '../../domain/metrics/series.ts';
import { currentWeekKey, todayIn, weekDates } from '../../shared/calendar.ts';
import type { TMetric, TMetricKey, TMetricRecord } from '../../shared/metrics.ts';
import type { Context } from '../context.ts';

/** The weeks a metrics page shows, ending with this week in the org's zone. */
export interface Window {
  weeks: string[];
  /** Monday of the first week shown. */
  from: string;
  today: string;
  timeZone: string;
  /** The baseline date Product Ops picked (settings), or null: each metric's first weeks of use. */
  baselineFrom: string | null;
}

export async function windowOf(ctx: Context, weeks: number): Promise<Window> {
  const { timeZone, thresholds } = await ctx.settings();
  const keys = weekKeys(currentWeekKey(ctx.now, timeZone), weeks);
  return {
    weeks: keys,
    from: weekDates(keys[0]!).monday,
    today: todayIn(timeZone, ctx.now),
    timeZone,
    baselineFrom: thresholds.metricsBaselineFrom,
  };
}

/** Where a baseline comes from, in words: "the first weeks" or "the weeks from 2026-10-05 (the baseline date)". */
export const baselineSpan = (win: Window) =>
  win.baselineFrom ? `the weeks from ${win.baselineFrom} (the baseline date)` : 'the first weeks';

export interface Built {
  metric: TMetric;
  records: TMetricRecord[];
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
export const pctText = (n: number) => `${fmt(n)}%`;

export function targetText(value: number, rule: TargetRule, unit = '%'): string {
  const v = `${fmt(value)}${unit}`;
  if (rule === 'below') return `< ${v}`;
  if (rule === 'above') return `> ${v}`;
  if (rule === 'at most') return `≤ ${v}`;
  return value === 100 && unit === '%' ? v : `≥ ${v}`;
}

/** "1 launch", "2 launches", "1,400 users": the number written out and the noun's singular or plural. */
export const plural = (n: number, [one, many]: readonly [string, string]) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * A share of cases per week ("% of Tier 2/3 launches that surprised a function"): its trend over the window,
 * the current figure over the whole window, the baseline from the first weeks that had cases.
 */
export function shareMetric(o: {
  key: TMetricKey;
  label: string;
  group: TMetric['group'];
  /** The case, singular and plural: ["launch", "launches"]. */
  noun: readonly [string, string];
  unit: string;
  target: number;
  rule: TargetRule;
  cases: readonly { day: string; hit: boolean }[];
  win: Window;
}): TMetric {
  const trend = countPerWeek(o.cases, o.win.weeks);
  const now = total(trend);
  const base = baselineOf(o.cases, { from: o.win.baselineFrom });
  const span = `in the last ${o.win.weeks.length} weeks`;
  return {
    key: o.key,
    label: o.label,
    group: o.group,
    unit: o.unit,
    target: { value: o.target, text: targetText(o.target, o.rule) },
    current: {
      value: now.pct,
      text:
        now.pct === null
          ? `No ${o.noun} ${span}`
          : `${pctText(now.pct)} (${now.hits} of ${plural(now.cases, o.noun)} ${span})`,
    },
    baseline: base && {
      value: base.pct,
      text:
        base.pct === null
          ? `No ${o.noun[1]} in ${baselineSpan(o.win)}, ${base.weeks[0]} to ${base.weeks.at(-1)}`
          : `${pctText(base.pct)} (${base.hits} of ${plural(base.cases, o.noun)} in ${baselineSpan(o.win)}, ${base.weeks[0]} to ${base.weeks.at(-1)})`,
    },
    meets: meets(now.pct, o.target, o.rule),
    trend: trend.map((w) => ({
      period: w.week,
      from: w.monday,
      value: w.pct,
      detail: `${w.hits} of ${plural(w.cases, o.noun)}`,
    })),
  };
}
