import { Temporal } from '@js-temporal/polyfill';
import type { Tier } from './attributes.ts';

/** launchDate: the actual launch date if launched, else the target date. */
export interface CoverageRelease {
  tier: Tier | null;
  launchDate: string;
  publishedOn: string | null;
}

export interface CoveragePoint {
  period: string;
  covered: number;
  total: number;
  pct: number | null;
}

export interface CoverageOptions {
  from: string;
  to: string;
  bucket: 'week' | 'month';
}

export interface Coverage {
  covered: number;
  total: number;
  pct: number | null;
  trend: CoveragePoint[];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "2026-W53" (ISO week-numbering year, which differs from the calendar year around Jan 1) or "2026-11". */
function periodOf(date: Temporal.PlainDate, bucket: CoverageOptions['bucket']): string {
  if (bucket === 'month') return `${date.year}-${pad2(date.month)}`;
  return `${date.yearOfWeek}-W${pad2(date.weekOfYear ?? 0)}`;
}

/** Every period touching [from, to], in order, empty ones included. */
function periods(
  from: Temporal.PlainDate,
  to: Temporal.PlainDate,
  bucket: CoverageOptions['bucket'],
): string[] {
  const step = bucket === 'week' ? { weeks: 1 } : { months: 1 };
  let d = bucket === 'week' ? from.subtract({ days: from.dayOfWeek - 1 }) : from.with({ day: 1 });
  const out: string[] = [];
  for (; Temporal.PlainDate.compare(d, to) <= 0; d = d.add(step)) out.push(periodOf(d, bucket));
  return out;
}

const pct = (covered: number, total: number): number | null =>
  total === 0 ? null : Math.round((covered / total) * 1000) / 10;

/** Pack §7: did every Tier 2/3 release have a published enablement bundle before launch day? */
export function enablementCoverage(releases: readonly CoverageRelease[], opts: CoverageOptions): Coverage {
  const from = Temporal.PlainDate.from(opts.from);
  const to = Temporal.PlainDate.from(opts.to);
  if (Temporal.PlainDate.compare(from, to) > 0)
    throw new RangeError(`from ${opts.from} is after to ${opts.to}`);
  const trend = new Map(periods(from, to, opts.bucket).map((p) => [p, { covered: 0, total: 0 }]));
  for (const r of releases) {
    if (r.tier !== 2 && r.tier !== 3) continue;
    const launch = Temporal.PlainDate.from(r.launchDate);
    if (Temporal.PlainDate.compare(launch, from) < 0 || Temporal.PlainDate.compare(launch, to) > 0) continue;
    const point = trend.get(periodOf(launch, opts.bucket))!;
    point.total += 1;
    if (r.publishedOn !== null && Temporal.PlainDate.compare(r.publishedOn, launch) < 0) point.covered += 1;
  }
  const points = [...trend].map(([period, p]) => ({ period, ...p, pct: pct(p.covered, p.total) }));
  const covered = points.reduce((sum, p) => sum + p.covered, 0);
  const total = points.reduce((sum, p) => sum + p.total, 0);
  return { covered, total, pct: pct(covered, total), trend: points };
}
