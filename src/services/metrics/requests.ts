import { meets } from '../../domain/metrics/series.ts';
import { weekDates } from '../../shared/calendar.ts';
import type { Context } from '../context.ts';
import { statusRequestWeeks } from '../status/pings.ts';
import { type Built, baselineSpan, plural, targetText, type Window } from './build.ts';

const PING = ['ping', 'pings'] as const;
const ANSWERED = ['question answered by prodops', 'questions answered by prodops'] as const;

const BASELINE_WEEKS = 4;
/** The current figure is the last weeks' average: one quiet week is not a trend. */
const RECENT_WEEKS = 4;

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Pack §7: ad-hoc status requests per week (pings found in chat), against the first weeks' average; the target is
 * a reduction by the settings' percentage (−50%).
 */
export async function statusRequestsMetric(ctx: Context, win: Window): Promise<Built> {
  const settings = await ctx.settings();
  const all = await statusRequestWeeks(ctx.db, {
    to: win.weeks.at(-1)!,
    baselineWeeks: BASELINE_WEEKS,
    baselineFrom: win.baselineFrom,
  });
  const byWeek = new Map(all.weeks.map((w) => [w.week, w]));
  const recent = win.weeks.slice(-RECENT_WEEKS).map((w) => byWeek.get(w)?.pings ?? 0);
  const current = all.baseline ? round1(recent.reduce((a, b) => a + b, 0) / recent.length) : null;
  const reduction = settings.thresholds.statusRequestReductionPct;
  const target = all.baseline ? round1(all.baseline.perWeek * (1 - reduction / 100)) : 0;
  const metric = {
    key: 'status_requests' as const,
    label: 'Ad-hoc status requests',
    group: 'success' as const,
    unit: 'status pings per week in chat',
    target: {
      value: target,
      text: all.baseline
        ? `${targetText(target, 'at most', ' a week')} (−${reduction}% from the baseline)`
        : `−${reduction}% from the baseline`,
    },
    current: {
      value: current,
      text:
        current === null
          ? 'No status ping found yet: import a Slack export on the Status requests page'
          : `${current} a week over the last ${RECENT_WEEKS} weeks`,
    },
    baseline: all.baseline && {
      value: round1(all.baseline.perWeek),
      text: `${round1(all.baseline.perWeek)} a week in ${baselineSpan(win)}, ${all.baseline.weeks[0]} to ${all.baseline.weeks.at(-1)}`,
    },
    meets: meets(current, target, 'at most'),
    trend: win.weeks.map((week) => {
      const w = byWeek.get(week);
      return {
        period: week,
        from: weekDates(week).monday,
        value: all.baseline ? (w?.pings ?? 0) : null,
        detail: `${plural(w?.pings ?? 0, PING)}, ${plural(w?.avoided ?? 0, ANSWERED)}`,
      };
    }),
  };
  const records = win.weeks
    .map((week) => byWeek.get(week))
    .filter((w) => w !== undefined && w.pings + w.avoided > 0)
    .map((w) => ({
      label: w!.week,
      href: '/status-requests',
      date: weekDates(w!.week).monday,
      counted: null,
      detail:
        plural(w!.pings, PING) +
        (w!.byArea.length ? ` (${w!.byArea.map((a) => `${a.areaName}: ${a.pings}`).join(', ')})` : '') +
        `; ${plural(w!.avoided, ANSWERED)}`,
    }));
  return { metric, records };
}
