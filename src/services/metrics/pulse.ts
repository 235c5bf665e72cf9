import { quarterKey, quarterKeyStart } from '../../domain/metrics/pulse.ts';
import { quarterOf } from '../../domain/roadmap/quarters.ts';
import type { TMetric } from '../../shared/metrics.ts';
import type { TPulseResults } from '../../shared/surveys.ts';
import type { Context } from '../context.ts';
import { currentQuarterKey, pulseResults } from '../surveys/pulse.ts';
import { type Built, pctText, targetText, type Window } from './build.ts';

/** Quarters shown: a year of pulses. */
const QUARTERS = 4;

/** "2026-Q4" → "2026-Q3"; "2027-Q1" → "2026-Q4". */
export function previousQuarter(key: string): string {
  const year = Number(key.slice(0, 4));
  const q = Number(key.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/**
 * Pack §7: the PM satisfaction pulse (> 70% agree), one figure per quarter; a quarter with fewer than the minimum
 * answers has no figure (anonymity), and no answer is ever tied to a PM.
 */
export async function pulseMetric(ctx: Context, win: Window): Promise<Built> {
  const settings = await ctx.settings();
  const keys = [currentQuarterKey(settings, ctx.now)];
  while (keys.length < QUARTERS) keys.unshift(previousQuarter(keys[0]!));
  const results: TPulseResults[] = [];
  for (const key of keys) results.push(await pulseResults(ctx.db, ctx.now, key));
  const latest = [...results].reverse().find((r) => r.results) ?? null;
  // The first quarter with a figure, from the baseline date's quarter when Product Ops picked one.
  const fromQuarter = win.baselineFrom
    ? quarterKey(quarterOf(win.baselineFrom, settings.roadmap.fiscalYearStartMonth))
    : null;
  const first = results.find((r) => r.results && (!fromQuarter || r.quarter >= fromQuarter)) ?? null;
  const target = settings.thresholds.pmSatisfactionPct;
  const shown = (r: TPulseResults) =>
    r.results
      ? `${pctText(r.results.agreePct)} agree (${r.answers} of ${r.asked} PMs answered)`
      : `${r.answers} of ${r.asked} PMs answered: shown from ${r.minAnswers}`;
  const metric: TMetric = {
    key: 'pm_pulse',
    label: 'PM satisfaction pulse',
    group: 'success',
    unit: '% of PMs who agree Product Ops reduced their time on coordination and status updates',
    target: { value: target, text: targetText(target, 'above') },
    current: {
      value: latest?.results?.agreePct ?? null,
      text: latest ? `${shown(latest)}, ${latest.label}` : 'No quarter with enough answers yet',
    },
    baseline: first?.results
      ? { value: first.results.agreePct, text: `${shown(first)}, ${first.label}` }
      : null,
    meets: latest?.results ? latest.results.meetsTarget : null,
    trend: results.map((r) => ({
      period: r.quarter,
      from: quarterKeyStart(r.quarter, settings.roadmap.fiscalYearStartMonth),
      value: r.results?.agreePct ?? null,
      detail: shown(r),
    })),
  };
  const records = results
    .filter((r) => r.asked > 0)
    .map((r) => ({
      label: r.label,
      href: null,
      date: quarterKeyStart(r.quarter, settings.roadmap.fiscalYearStartMonth),
      counted: r.results ? r.results.meetsTarget : null,
      detail: r.results
        ? `${shown(r)}; scores 1–5: ${r.results.distribution.join(', ')}`
        : `${shown(r)} (answers stay hidden until then)`,
    }));
  return { metric, records };
}
