/**
 * The confused-customer figure (issue 15) at size: every area's figure, weekly trend and Polish Mode over
 * 1,000,000 insight items (8 demo areas), next to a plain `select count(*) from insight_items` in the same run on
 * the same server. Target: < 300 ms on PostgreSQL. Also prints the same figure computed straight from
 * insight_items (no daily counts), to show what the daily counts save.
 *
 * Run: npm run bench:quality
 *   BENCH_INSIGHTS=…   insight items (default 1,000,000)
 *   BENCH_RUNS=…       timed runs of each measure (default 30)
 *   BENCH_TARGETS=postgres,pglite (default postgres)
 *   BENCH_DATABASE_URL PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres): a scratch database
 *                      prodops_bench_quality_<pid> is created there and dropped.
 */

import os from 'node:os';
import { sql } from 'drizzle-orm';
import { type DatabaseTarget, type Db, openDatabase, rowsOf, runMigrations } from '../src/db/client.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';
import { getSettings } from '../src/services/org/settings.ts';
import { areasQuality } from '../src/services/quality/confusion.ts';
import { seedDemoIfEmpty } from '../src/services/setup/demo.ts';
import { systemClock } from '../src/shared/clock.ts';
import { INSIGHT_KINDS } from '../src/shared/insights-taxonomy.ts';
import { measure } from './measure.ts';
import { onTargets } from './scratch-db.ts';

const INSIGHTS = Number(process.env.BENCH_INSIGHTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGETS = (process.env.BENCH_TARGETS ?? 'postgres').split(',');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_MS = 300;

const kinds = sql.raw(`array[${INSIGHT_KINDS.map((k) => `'${k}'`).join(',')}]`);

/** The demo org, then a million support tickets over 180 days spread over its areas, with their daily counts. */
async function load(db: Db, now: Date) {
  await ensureOrgDefaults(db, now);
  await seedDemoIfEmpty(db, now);
  const tz = (await getSettings(db)).timeZone;
  const areas = sql`(select id, (row_number() over (order by slug) - 1)::int as n, count(*) over ()::int as count from areas)`;
  for (let from = 0; from < INSIGHTS; from += 100_000) {
    const to = Math.min(INSIGHTS, from + 100_000) - 1;
    await db.execute(sql`
      insert into insight_items (source, external_id, title, occurred_at, kind, kind_confidence, severity, area_id, dup_key)
      select case when g % 5 = 0 then 'community' else 'support' end, 'bench-' || g, 'Ticket ' || g,
        ${now.toISOString()}::timestamptz - ((g::bigint * 7919) % (180 * 86400)) * interval '1 second',
        (${kinds})[1 + (g / 7) % ${sql.raw(String(INSIGHT_KINDS.length))}], 0.8, 'low', a.id, g
      from generate_series(${sql.raw(String(from))}, ${sql.raw(String(to))}) g join ${areas} a on a.n = g % a.count`);
  }
  // The daily counts, as intake keeps them in the transaction that writes the items.
  await db.execute(sql`delete from insight_daily`);
  await db.execute(sql`
    insert into insight_daily (day, theme, kind, severity, area_key, segment, source, items)
    select (occurred_at at time zone ${tz})::date, coalesce(theme, ''), kind, severity, coalesce(area_id::text, ''),
      coalesce(segment, ''), source, count(*)
    from insight_items group by 1, 2, 3, 4, 5, 6, 7`);
  await db.execute(sql`analyze`);
}

/** The current figure per area straight from insight_items: what the daily counts spare. */
const fromItems = (db: Db, now: Date) =>
  db.execute(sql`
    select area_id, count(*) as tickets, count(*) filter (where kind = 'confusion') as confused
    from insight_items
    where source = 'support' and occurred_at > ${now.toISOString()}::timestamptz - interval '28 days'
    group by area_id`);

async function run(kind: string, target: DatabaseTarget) {
  const database = await openDatabase(target);
  const db = database.db;
  const now = systemClock.now();
  try {
    await runMigrations(target, database);
    let t = performance.now();
    await load(db, now);
    console.log(
      `  loaded ${INSIGHTS.toLocaleString('en')} items in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const settings = await getSettings(db);
    const areas = await areasQuality(db, settings, now);
    const [n] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from insight_daily`));
    console.log(`  ${areas.length} areas; insight_daily holds ${n!.n.toLocaleString('en')} rows`);
    for (const a of areas) {
      const c = a.confusion.current;
      console.log(
        `    ${a.area.name.padEnd(18)} ${String(c.pct).padStart(5)}%  (${c.confused} of ${c.tickets})`,
      );
    }
    const rows: [string, { p50: number; p99: number }][] = [];
    t = performance.now();
    rows.push([
      'select count(*) from insight_items (baseline)',
      await measure(RUNS, () => db.execute(sql`select count(*) from insight_items`)),
    ]);
    rows.push([
      'confused-customer figure, 8 areas (trend, Polish Mode)',
      await measure(RUNS, () => areasQuality(db, settings, now)),
    ]);
    rows.push([
      'the current figure straight from insight_items',
      await measure(Math.min(RUNS, 10), () => fromItems(db, now)),
    ]);
    for (const [label, r] of rows) {
      const verdict = label.startsWith('confused')
        ? `   (target < ${TARGET_MS} ms: ${r.p99 < TARGET_MS ? 'met' : 'MISSED'})`
        : '';
      console.log(
        `  ${kind.padEnd(9)} ${label.padEnd(58)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms${verdict}`,
      );
    }
  } finally {
    await database.close();
  }
}

async function main() {
  console.log(
    `quality bench: ${INSIGHTS.toLocaleString('en')} insight items, ${RUNS} runs each; ${os.cpus().length} CPUs`,
  );
  await onTargets({ targets: TARGETS, serverUrl: PG_URL, prefix: 'prodops_bench_quality' }, run);
}

await main();
