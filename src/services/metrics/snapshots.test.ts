import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { rowsOf } from '../../db/client.ts';
import { metricSnapshots } from '../../db/schema/index.ts';
import { METRIC_KEYS, type TMetricKey } from '../../shared/metrics.ts';
import { systemActor } from '../actor.ts';
import { createContext } from '../context.ts';
import { createRelease } from '../releases/releases.ts';
import { windowOf } from './build.ts';
import { metricsAsOf } from './overview.ts';
import {
  builtMetrics,
  COMPUTE,
  MAX_AGE_MS,
  pruneMetricChanges,
  refreshMetricSnapshots,
} from './snapshots.ts';
import { METRIC_SOURCES } from './sources.ts';

/** Issue 16, part 7: the metrics page reads snapshots, recomputed only for the metrics whose records moved. */
const NOW = new Date('2026-12-16T12:00:00Z');
const ops = systemActor('ops');
let d: TestDatabase;

const ctxAt = (now: Date) => createContext({ db: d.db, actor: ops, now });
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function computedAt(): Promise<Record<string, number>> {
  const rows = await d.db.select().from(metricSnapshots);
  return Object.fromEntries(rows.map((r) => [r.key, r.computedAt.getTime()]));
}

/** Which metrics were computed again since `before`. */
async function recomputedSince(before: Record<string, number>): Promise<string[]> {
  const after = await computedAt();
  return METRIC_KEYS.filter((k) => after[k] !== before[k]);
}

async function page(now: Date, records = true) {
  const ctx = ctxAt(now);
  return builtMetrics(ctx, await windowOf(ctx, 13), METRIC_KEYS, { records });
}

/** What each metric is when computed from the records, with no snapshot. */
async function live(now: Date) {
  const ctx = ctxAt(now);
  const win = await windowOf(ctx, 13);
  const out = [];
  for (const key of METRIC_KEYS) out.push((await COMPUTE[key](ctx, win)).find((b) => b.metric.key === key)!);
  return out;
}

async function release(title: string, now: Date) {
  await createRelease({
    db: d.db,
    actor: ops,
    now,
    input: { title, targetDate: '2026-12-10', attributes: [], tier: 2, tierReason: 'test' },
  });
}

beforeAll(async () => {
  d = await createTestDb();
});
afterAll(async () => {
  await d?.close();
});

describe('metric snapshots', () => {
  it('has a trigger on every table the metrics read, marking exactly the metrics sources.ts names', async () => {
    const rows = rowsOf<{ table: string; args: string }>(
      await d.db.execute(sql`
        select c.relname as table, encode(t.tgargs, 'escape') as args
        from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where t.tgname = c.relname || '_metrics_changed'`),
    );
    const inDb = Object.fromEntries(rows.map((r) => [r.table, r.args.split('\\000').filter(Boolean)]));
    expect(inDb).toEqual(Object.fromEntries(Object.entries(METRIC_SOURCES).map(([t, k]) => [t, [...k]])));
  });

  it('serves the figures the records give, and recomputes only the metrics whose records moved', async () => {
    const first = await page(NOW);
    expect(first).toEqual(await live(NOW));
    const before = await computedAt();
    expect(Object.keys(before).sort()).toEqual([...METRIC_KEYS].sort());

    // Nothing moved: all nine come from their snapshots.
    await page(minutes(1));
    expect(await recomputedSince(before)).toEqual([]);

    // A release: the four metrics that read releases (and the confused-customer share, which comes from the same
    // pass over the areas as the burden), no other.
    await release('Usage alerts', minutes(2));
    const after = await page(minutes(3));
    expect(await recomputedSince(before)).toEqual([
      'surprise',
      'enablement_coverage',
      'confused_customers',
      'operational_burden',
      'gate_overrides',
    ] satisfies TMetricKey[]);
    expect(after).toEqual(await live(minutes(3)));
  });

  it('recomputes every metric on a new day in the org and once a snapshot is older than the limit', async () => {
    await page(NOW);
    let before = await computedAt();
    await page(new Date(NOW.getTime() + MAX_AGE_MS - 60_000));
    expect(await recomputedSince(before)).toEqual([]);
    await page(new Date(NOW.getTime() + MAX_AGE_MS));
    expect(await recomputedSince(before)).toEqual([...METRIC_KEYS]);

    before = await computedAt();
    const tomorrow = new Date('2026-12-17T00:00:30Z');
    expect(await page(tomorrow)).toEqual(await live(tomorrow));
    expect(await recomputedSince(before)).toEqual([...METRIC_KEYS]);
  });

  it('computes an earlier instant (a past quarter) from the records, leaving today’s snapshots alone', async () => {
    const t = new Date('2026-12-16T13:00:00Z');
    await page(t);
    const before = await computedAt();
    const past = new Date('2026-09-30T23:59:59Z');
    const asOf = await metricsAsOf(ctxAt(past), { weeks: 13 });
    expect(asOf.metrics).toEqual((await live(past)).map((b) => b.metric));
    expect(await recomputedSince(before)).toEqual([]);
  });

  it('sees a change that committed after a later one (its id is lower than the last)', async () => {
    const t = new Date('2026-12-18T09:00:00Z');
    await page(t);
    const before = await computedAt();
    // A statement of a transaction that began earlier: its row's id is below the last one.
    await d.db.execute(
      sql`insert into metric_changes (id, key) select min(id) - 1, 'bug_backlog' from metric_changes`,
    );
    await page(new Date(t.getTime() + 60_000));
    expect(await recomputedSince(before)).toEqual(['bug_backlog']);
  });

  it('keeps the snapshots fresh in the background, and prunes the change log to one row per metric', async () => {
    const t = new Date('2026-12-19T09:00:00Z');
    await release('Invoice export', t);
    expect(await refreshMetricSnapshots(d.db, t, 13)).toBe(METRIC_KEYS.length); // a new day: all
    expect(await refreshMetricSnapshots(d.db, new Date(t.getTime() + 60_000), 13)).toBe(0);
    await pruneMetricChanges(d.db);
    const left = rowsOf<{ key: string; n: number }>(
      await d.db.execute(sql`select key, count(*)::int as n from metric_changes group by key`),
    );
    expect(left.every((r) => r.n === 1)).toBe(true);
    // The page still answers right after a prune (the versions moved, so it computes once).
    const at = new Date(t.getTime() + 120_000);
    expect(await page(at)).toEqual(await live(at));
  });
});
