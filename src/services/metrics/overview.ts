import { notFound } from '../../shared/errors.ts';
import { METRIC_KEYS, type TMetricDetail, type TMetricKey, type TMetricList } from '../../shared/metrics.ts';
import type { Context } from '../context.ts';
import { windowOf } from './build.ts';
import { builtMetrics, COMPUTE } from './snapshots.ts';

/** The metrics page (issue 16): the pack's success metrics and the velocity controls, over the last weeks. */
export async function metricsOverview(ctx: Context, o: { weeks: number }): Promise<TMetricList> {
  const win = await windowOf(ctx, o.weeks);
  const built = await builtMetrics(ctx, win, METRIC_KEYS, { records: false });
  return { weeks: o.weeks, timeZone: win.timeZone, metrics: built.map((b) => b.metric) };
}

/**
 * The metrics as of an earlier instant (a past quarter's QBR): computed from the records, not from or into the
 * snapshots, which hold the figures as of now.
 */
export async function metricsAsOf(ctx: Context, o: { weeks: number }): Promise<TMetricList> {
  const win = await windowOf(ctx, o.weeks);
  const built = new Map<string, TMetricList['metrics'][number]>();
  for (const key of METRIC_KEYS)
    if (!built.has(key)) for (const b of await COMPUTE[key](ctx, win)) built.set(b.metric.key, b.metric);
  return { weeks: o.weeks, timeZone: win.timeZone, metrics: METRIC_KEYS.map((k) => built.get(k)!) };
}

/** One metric and the exact records behind it. */
export async function metricDetail(
  ctx: Context,
  o: { key: TMetricKey; weeks: number },
): Promise<TMetricDetail> {
  const win = await windowOf(ctx, o.weeks);
  const [found] = await builtMetrics(ctx, win, [o.key], { records: true });
  if (!found) throw notFound('metric');
  return { metric: found.metric, timeZone: win.timeZone, records: found.records };
}

/** Every metric's records as CSV rows (metric, record, date, counted, detail). */
export async function metricsCsvRows(ctx: Context, o: { weeks: number }): Promise<string[][]> {
  const win = await windowOf(ctx, o.weeks);
  const rows = [['metric', 'current', 'target', 'record', 'date', 'counted', 'detail']];
  for (const b of await builtMetrics(ctx, win, METRIC_KEYS, { records: true }))
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
