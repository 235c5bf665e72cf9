import { notFound } from '../../shared/errors.ts';
import type { TMetricDetail, TMetricKey, TMetricList } from '../../shared/metrics.ts';
import type { Context } from '../context.ts';
import { bugMetric } from './bugs.ts';
import { type Built, type Window, windowOf } from './build.ts';
import { controlMetrics } from './controls.ts';
import { overridesMetric } from './overrides.ts';
import { pulseMetric } from './pulse.ts';
import { statusRequestsMetric } from './requests.ts';
import { adoptionMetric, coverageMetric, surpriseMetric } from './success.ts';

/** Every metric with its records, computed from the records as of ctx.now. */
async function buildAll(ctx: Context, win: Window): Promise<Built[]> {
  return [
    await surpriseMetric(ctx, win),
    await statusRequestsMetric(ctx, win),
    await coverageMetric(ctx, win),
    await pulseMetric(ctx),
    await adoptionMetric(ctx, win),
    ...(await controlMetrics(ctx, win)),
    await bugMetric(ctx, win),
    await overridesMetric(ctx, win),
  ];
}

/** The metrics page (issue 16): the pack's success metrics and the velocity controls, over the last weeks. */
export async function metricsOverview(ctx: Context, o: { weeks: number }): Promise<TMetricList> {
  const win = await windowOf(ctx, o.weeks);
  const built = await buildAll(ctx, win);
  return { weeks: o.weeks, timeZone: win.timeZone, metrics: built.map((b) => b.metric) };
}

const ONE: Record<TMetricKey, (ctx: Context, win: Window) => Promise<Built[]>> = {
  surprise: async (ctx, win) => [await surpriseMetric(ctx, win)],
  status_requests: async (ctx, win) => [await statusRequestsMetric(ctx, win)],
  enablement_coverage: async (ctx, win) => [await coverageMetric(ctx, win)],
  pm_pulse: async (ctx) => [await pulseMetric(ctx)],
  ritual_adoption: async (ctx, win) => [await adoptionMetric(ctx, win)],
  confused_customers: controlMetrics,
  operational_burden: controlMetrics,
  bug_backlog: async (ctx, win) => [await bugMetric(ctx, win)],
  gate_overrides: async (ctx, win) => [await overridesMetric(ctx, win)],
};

/** One metric and the exact records behind it. */
export async function metricDetail(
  ctx: Context,
  o: { key: TMetricKey; weeks: number },
): Promise<TMetricDetail> {
  const win = await windowOf(ctx, o.weeks);
  const found = (await ONE[o.key](ctx, win)).find((b) => b.metric.key === o.key);
  if (!found) throw notFound('metric');
  return { metric: found.metric, timeZone: win.timeZone, records: found.records };
}

/** Every metric's records as CSV rows (metric, record, date, counted, detail). */
export async function metricsCsvRows(ctx: Context, o: { weeks: number }): Promise<string[][]> {
  const win = await windowOf(ctx, o.weeks);
  const rows = [['metric', 'current', 'target', 'record', 'date', 'counted', 'detail']];
  for (const b of await buildAll(ctx, win))
    for (const r of b.records)
      rows.push([
        b.metric.label,
        b.metric.current.text,
        b.metric.target.text,
        r.label,
        r.date ?? '',
        r.counted === null ? '' : r.counted ? 'yes' : 'no',
        r.detail,
      ]);
  return rows;
}
