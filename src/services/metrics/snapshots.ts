import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { metricSnapshots } from '../../db/schema/index.ts';
import { METRIC_KEYS, type TMetric, type TMetricKey, type TMetricRecord } from '../../shared/metrics.ts';
import { type Context, createContext } from '../context.ts';
import { bugMetric } from './bugs.ts';
import { type Built, type Window, windowOf } from './build.ts';
import { controlMetrics } from './controls.ts';
import { overridesMetric } from './overrides.ts';
import { pulseMetric } from './pulse.ts';
import { statusRequestsMetric } from './requests.ts';
import { adoptionMetric, coverageMetric, surpriseMetric } from './success.ts';

/**
 * How each metric is computed from the records. The two controls come from one pass over the areas, so asking for
 * either computes (and stores) both.
 */
export const COMPUTE: Record<TMetricKey, (ctx: Context, win: Window) => Promise<Built[]>> = {
  surprise: async (ctx, win) => [await surpriseMetric(ctx, win)],
  status_requests: async (ctx, win) => [await statusRequestsMetric(ctx, win)],
  enablement_coverage: async (ctx, win) => [await coverageMetric(ctx, win)],
  pm_pulse: async (ctx, win) => [await pulseMetric(ctx, win)],
  ritual_adoption: async (ctx, win) => [await adoptionMetric(ctx, win)],
  confused_customers: controlMetrics,
  operational_burden: controlMetrics,
  bug_backlog: async (ctx, win) => [await bugMetric(ctx, win)],
  gate_overrides: async (ctx, win) => [await overridesMetric(ctx, win)],
};

/**
 * A snapshot older than this is computed again even if no record moved: some figures turn with the clock alone
 * (an occurrence's artifact comes due, a bug passes its limit at midnight).
 */
export const MAX_AGE_MS = 10 * 60_000;

/**
 * Each metric's version: how many changes its tables logged and the last one. The count catches a change that
 * committed after a later one (its id is lower), which the last id alone would miss.
 */
export async function metricVersions(db: Db): Promise<Map<string, string>> {
  const rows = rowsOf<{ key: string; n: number; last: string }>(
    await db.execute(
      sql`select key, count(*)::int as n, max(id)::text as last from metric_changes group by key`,
    ),
  );
  return new Map(rows.map((r) => [r.key, `${r.n}:${r.last}`]));
}

const versionOf = (versions: Map<string, string>, key: string) => versions.get(key) ?? '0:0';

interface Stored {
  key: string;
  today: string;
  version: string;
  computedAt: Date;
  metric: unknown;
  records?: unknown;
}

const isFresh = (s: Stored, win: Window, version: string, now: Date, maxAgeMs: number) => {
  const age = now.getTime() - s.computedAt.getTime();
  return s.today === win.today && s.version === version && age >= 0 && age < maxAgeMs;
};

async function readStored(db: Db, weeks: number, keys: TMetricKey[], withRecords: boolean) {
  const rows = await db
    .select({
      key: metricSnapshots.key,
      today: metricSnapshots.today,
      version: metricSnapshots.version,
      computedAt: metricSnapshots.computedAt,
      metric: metricSnapshots.metric,
      ...(withRecords ? { records: metricSnapshots.records } : {}),
    })
    .from(metricSnapshots)
    .where(and(eq(metricSnapshots.weeks, weeks), inArray(metricSnapshots.key, keys)));
  return new Map(rows.map((r) => [r.key, r as Stored]));
}

async function store(db: Db, win: Window, b: Built, version: string, now: Date) {
  const row = {
    key: b.metric.key,
    weeks: win.weeks.length,
    today: win.today,
    version,
    computedAt: now,
    metric: b.metric,
    records: b.records,
  };
  await db
    .insert(metricSnapshots)
    .values(row)
    .onConflictDoUpdate({ target: [metricSnapshots.key, metricSnapshots.weeks], set: row });
}

/** Computes the stale metrics among `keys` (each computation once) and stores them. */
async function computeStale(ctx: Context, win: Window, keys: TMetricKey[], versions: Map<string, string>) {
  const built = new Map<string, Built>();
  for (const key of keys) {
    if (built.has(key)) continue;
    for (const b of await COMPUTE[key](ctx, win)) {
      built.set(b.metric.key, b);
      await store(ctx.db, win, b, versionOf(versions, b.metric.key), ctx.now);
    }
  }
  return built;
}

/**
 * The metrics as of ctx.now, from their snapshots where nothing they read has changed since (same day, same
 * version, younger than MAX_AGE_MS), computed and stored where something has. `records: false` skips the
 * drill-downs, which the overview does not show.
 */
export async function builtMetrics(
  ctx: Context,
  win: Window,
  keys: readonly TMetricKey[],
  o: { records: boolean },
): Promise<Built[]> {
  // The version is read before computing: a change committed meanwhile makes the stored figure stale, not lost.
  const versions = await metricVersions(ctx.db);
  const stored = await readStored(ctx.db, win.weeks.length, [...keys], o.records);
  const stale = keys.filter((k) => {
    const s = stored.get(k);
    return !s || !isFresh(s, win, versionOf(versions, k), ctx.now, MAX_AGE_MS);
  });
  const built = stale.length ? await computeStale(ctx, win, stale, versions) : new Map<string, Built>();
  return keys.map(
    (k) =>
      built.get(k) ?? {
        metric: stored.get(k)!.metric as TMetric,
        records: (stored.get(k)!.records ?? []) as TMetricRecord[],
      },
  );
}

/**
 * The background half (the per-minute tick; after midnight, its first run): every window someone has looked
 * at, and the default one, recomputed where stale or half-way to MAX_AGE_MS, so readers rarely wait for a
 * computation.
 */
export async function refreshMetricSnapshots(db: Db, now: Date, defaultWeeks: number): Promise<number> {
  const seen = rowsOf<{ weeks: number }>(await db.execute(sql`select distinct weeks from metric_snapshots`));
  const windows = new Set([defaultWeeks, ...seen.map((r) => r.weeks)]);
  const ctx = createContext({ db, actor: null, now });
  let computed = 0;
  for (const weeks of windows) {
    const win = await windowOf(ctx, weeks);
    const versions = await metricVersions(db);
    const stored = await readStored(db, weeks, [...METRIC_KEYS], false);
    const stale = METRIC_KEYS.filter((k) => {
      const s = stored.get(k);
      return !s || !isFresh(s, win, versionOf(versions, k), now, MAX_AGE_MS / 2);
    });
    if (stale.length) computed += (await computeStale(ctx, win, stale, versions)).size;
  }
  return computed;
}

/**
 * Nightly: the change log keeps only each metric's last row (the versions move once, and every snapshot is
 * recomputed after midnight anyway).
 */
export async function pruneMetricChanges(db: Db): Promise<void> {
  await db.execute(sql`
    delete from metric_changes c
    where c.id < (select max(id) from metric_changes m where m.key = c.key)`);
}
