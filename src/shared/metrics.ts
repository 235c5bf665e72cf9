import { z } from 'zod';

/** Issue 16: the success metrics (pack §7) and the velocity controls, each traceable to its records. */

export const METRIC_KEYS = [
  'surprise',
  'status_requests',
  'enablement_coverage',
  'pm_pulse',
  'ritual_adoption',
  'confused_customers',
  'operational_burden',
  'bug_backlog',
  'gate_overrides',
] as const;
export type TMetricKey = (typeof METRIC_KEYS)[number];

export const ZMetricPoint = z.object({
  /** "2026-W49". */
  period: z.string(),
  /** The period's first day (local date). */
  from: z.string(),
  value: z.number().nullable(),
  /** "2 of 3 launches", "14 pings". */
  detail: z.string(),
});

export const ZMetric = z.object({
  key: z.enum(METRIC_KEYS),
  label: z.string(),
  /** The pack's five success metrics, or the velocity framework's controls. */
  group: z.enum(['success', 'control']),
  /** What the value counts: "% of Tier 2/3 launches", "status pings per week". */
  unit: z.string(),
  target: z.object({ value: z.number(), text: z.string() }),
  current: z.object({ value: z.number().nullable(), text: z.string() }),
  baseline: z.object({ value: z.number().nullable(), text: z.string() }).nullable(),
  meets: z.boolean().nullable(),
  trend: z.array(ZMetricPoint),
});
export type TMetric = z.infer<typeof ZMetric>;

export const ZMetricList = z.object({
  weeks: z.number().int(),
  timeZone: z.string(),
  metrics: z.array(ZMetric),
});
export type TMetricList = z.infer<typeof ZMetricList>;

/** One record behind a figure: a launch and who was told, a ritual occurrence, a status ping's week… */
export const ZMetricRecord = z.object({
  label: z.string(),
  /** A page in the web app that shows the record (null: none). */
  href: z.string().nullable(),
  date: z.string().nullable(),
  /** Whether it counted for the figure (told in time, adopted, covered), null where that does not apply. */
  counted: z.boolean().nullable(),
  detail: z.string(),
});
export type TMetricRecord = z.infer<typeof ZMetricRecord>;

export const ZMetricDetail = z.object({
  metric: ZMetric,
  timeZone: z.string(),
  records: z.array(ZMetricRecord),
});
export type TMetricDetail = z.infer<typeof ZMetricDetail>;

/** The quarter a metrics page shows unless asked for more or fewer weeks. */
export const DEFAULT_METRIC_WEEKS = 13;

export const ZMetricsQuery = z.strictObject({
  weeks: z.coerce.number().int().min(4).max(104).default(DEFAULT_METRIC_WEEKS),
});
export const ZMetricParams = z.object({ key: z.enum(METRIC_KEYS) });
