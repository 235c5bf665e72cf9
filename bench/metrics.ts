/**
 * The metrics page (issue 16) at a year of a 50-PM org: every success metric and control with its trend, next to
 * a plain read of the same tables (one count of each) in the same run on the same server. Target: < 200 ms on
 * PostgreSQL. The page reads each metric's snapshot, computed again only when a table it reads changed (or the
 * day turned): the bench shows the page as served, after a change to one table, and computed from scratch.
 *
 * The year is generated on top of the demo org: 50 PMs each launching every two weeks (half Tier 2/3, their
 * bundles sent to 30 Sales, 30 CS and 30 Support people, most read), 52 weeks of each ritual with attendance,
 * status pings every week, 2,000 bugs.
 *
 * Run: npm run bench:metrics
 *   BENCH_RUNS=…       timed runs of each measure (default 20)
 *   BENCH_TARGETS=postgres,pglite (default postgres)
 *   BENCH_DATABASE_URL PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres): a scratch database
 *                      prodops_bench_metrics_<pid> is created there and dropped.
 */

import os from 'node:os';
import { sql } from 'drizzle-orm';
import { type DatabaseTarget, type Db, openDatabase, rowsOf, runMigrations } from '../src/db/client.ts';
import { createContext } from '../src/services/context.ts';
import { metricDetail, metricsOverview } from '../src/services/metrics/overview.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';
import { seedDemoIfEmpty } from '../src/services/setup/demo.ts';
import { systemClock } from '../src/shared/clock.ts';
import { METRIC_KEYS, type TMetricKey } from '../src/shared/metrics.ts';
import { measure } from './measure.ts';
import { onTargets } from './scratch-db.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TARGETS = (process.env.BENCH_TARGETS ?? 'postgres').split(',');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_MS = 200;
const PMS = 50;

const TABLES = [
  'releases',
  'enablement_bundles',
  'outbox',
  'inbox_items',
  'release_sign_offs',
  'ritual_occurrences',
  'occurrence_attendance',
  'status_pings',
  'bugs',
  'insight_daily',
];

/** The demo, then a year of a 50-PM org's records, generated in SQL. */
async function load(db: Db, now: Date) {
  await ensureOrgDefaults(db, now);
  await seedDemoIfEmpty(db, now);
  const at = sql`${now.toISOString()}::timestamptz`;
  await db.execute(sql`
    insert into people (name, email, function, roles)
    select 'Bench ' || f || ' ' || g, 'bench-' || f || '-' || g || '@example.com', f, array['stakeholder']
    from unnest(array['sales', 'cs', 'support']) f, generate_series(1, 30) g`);
  await db.execute(sql`
    insert into people (name, email, function, roles)
    select 'Bench PM ' || g, 'bench-pm-' || g || '@example.com', 'pm', array['pm'] from generate_series(1, ${PMS}) g`);
  await db.execute(sql`
    insert into areas (slug, name, owner_pm_id, active_users)
    select 'bench-area-' || g, 'Bench area ' || g, p.id, 5000
    from generate_series(1, ${PMS}) g join people p on p.email = 'bench-pm-' || g || '@example.com'`);
  // Each PM launches every two weeks over the year; every other launch is Tier 2 or 3.
  await db.execute(sql`
    insert into releases (title, area_id, tier, target_date, status, launched_on)
    select 'Bench release ' || a.slug || ' ' || w, a.id, case when w % 2 = 0 then 1 else 2 + w % 3 / 2 end,
      to_char((${at} - (w * 14 + a.n % 14) * interval '1 day')::date, 'YYYY-MM-DD'), 'launched',
      to_char((${at} - (w * 14 + a.n % 14) * interval '1 day')::date, 'YYYY-MM-DD')
    from (select id, slug, row_number() over (order by slug) as n from areas where slug like 'bench-%') a,
      generate_series(1, 26) w`);
  await db.execute(sql`
    insert into enablement_bundles (release_id, sections, distributed_on, published_on)
    select id, '{}'::jsonb, to_char(launched_on::date - 12, 'YYYY-MM-DD'), to_char(launched_on::date - (id::text < '8')::int, 'YYYY-MM-DD')
    from releases where title like 'Bench release %' and tier in (2, 3)`);
  // The bundle to every bench Sales, CS and Support person, a few days late for one release in eight.
  await db.execute(sql`
    insert into outbox (idempotency_key, kind, ref, channel, person_id, address, message, status, attempts, sent_at, created_at)
    select 'bench-' || r.id || '-' || p.id, 'enablement_bundle', r.id || ':v1', 'inbox', p.id, p.email, '{}'::jsonb,
      'sent', 1, r.launched_on::date - case when r.id::text < '2' then 3 else 12 end + time '15:00', ${at}
    from releases r, people p
    where r.title like 'Bench release %' and r.tier in (2, 3) and p.email like 'bench-%' and p.function in ('sales', 'cs', 'support')`);
  await db.execute(sql`
    insert into inbox_items (person_id, outbox_id, kind, message, created_at, read_at)
    select person_id, id, kind, message, sent_at, case when id::text < 'e' then sent_at + interval '1 day' end
    from outbox where idempotency_key like 'bench-%'`);
  // A year of every ritual, weekly, with ten people each (four in five present).
  await db.execute(sql`
    insert into ritual_occurrences (ritual_id, key, local_date, starts_at, ends_at, status, artifact_due_at, artifact_produced_at)
    select r.id, 'bench-' || w, to_char((${at} - w * interval '7 days')::date, 'YYYY-MM-DD'),
      ${at} - w * interval '7 days', ${at} - w * interval '7 days' + interval '1 hour', 'held',
      ${at} - w * interval '7 days' + interval '1 day',
      ${at} - w * interval '7 days' + case when w % 5 = 0 then interval '2 days' else interval '2 hours' end
    from rituals r, generate_series(1, 52) w`);
  await db.execute(sql`
    insert into occurrence_attendance (occurrence_id, person_id, present)
    select o.id, p.id, (abs(hashtext(o.id::text || p.id::text)) % 5) <> 0
    from ritual_occurrences o, (select id from people where email like 'bench-pm-%' limit 10) p
    where o.key like 'bench-%'`);
  await db.execute(sql`
    insert into status_pings (source, channel, ts, posted_at, text, reference, imported_at)
    select 'slack_export', 'sales', 'bench-' || g, ${at} - (g % 365) * interval '1 day', 'any update?', '#sales', ${at}
    from generate_series(1, 5000) g`);
  await db.execute(sql`
    insert into bugs (source, external_id, area_id, title, opened_on, last_reported_at, state, closed_at, closed_reason, created_at, updated_at)
    select 'insights', 'bench-' || g, a.id, 'Bench bug ' || g, (${at} - (g % 365) * interval '1 day')::date, ${at},
      case when g % 10 = 0 then 'open' else 'closed' end,
      case when g % 10 = 0 then null else ${at} - (g % 365) * interval '1 day' + interval '5 days' end,
      case when g % 10 = 0 then null else 'fixed' end, ${at}, ${at}
    from generate_series(1, 2000) g join (select id, row_number() over (order by slug) as n from areas) a
      on a.n = 1 + g % ${PMS}`);
  await db.execute(sql`
    insert into insight_daily (day, theme, kind, severity, area_key, segment, source, items)
    select (${at} - d * interval '1 day')::date, '', k, 'low', a.id::text, '', 'support', 3
    from generate_series(0, 364) d, unnest(array['bug', 'confusion', 'question']) k,
      (select id from areas where slug like 'bench-%') a
    on conflict do nothing`);
  await db.execute(sql`analyze`);
}

const plainRead = (db: Db) =>
  db.execute(sql.raw(`select ${TABLES.map((t) => `(select count(*) from ${t}) as ${t}`).join(', ')}`));

async function run(kind: string, target: DatabaseTarget) {
  const database = await openDatabase(target);
  const db = database.db;
  const now = systemClock.now();
  try {
    await runMigrations(target, database);
    const t = performance.now();
    await load(db, now);
    console.log(`  loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const [counts] = rowsOf<Record<string, number>>(await plainRead(db));
    console.log(`  ${TABLES.map((n) => `${n} ${Number(counts![n]).toLocaleString('en')}`).join(', ')}`);
    const ctx = () => createContext({ db, actor: null, now });
    const page = await metricsOverview(ctx(), { weeks: 13 });
    for (const m of page.metrics) console.log(`    ${m.label.padEnd(30)} ${m.current.text}`);
    // Snapshots off: every metric computed from the records (what the nightly job and a change pay).
    const fromScratch = async (keys: readonly TMetricKey[], weeks = 13) => {
      await db.execute(sql`delete from metric_snapshots`);
      return keys.length === 1
        ? metricDetail(ctx(), { key: keys[0]!, weeks })
        : metricsOverview(ctx(), { weeks });
    };
    // A change to one table a metric reads (a bug reported): only that metric is computed again.
    let bugs = 0;
    const afterABug = async () => {
      await db.execute(sql`
        insert into bugs (source, external_id, title, opened_on, last_reported_at, created_at, updated_at)
        values ('github', ${`bench-change-${++bugs}`}, 'A new bug', current_date, now(), now(), now())`);
      return metricsOverview(ctx(), { weeks: 13 });
    };
    await metricsOverview(ctx(), { weeks: 13 });
    const rows: [string, { p50: number; p99: number }][] = [
      ['a count of each of the same tables (baseline)', await measure(RUNS, () => plainRead(db))],
      ['the metrics page (13 weeks)', await measure(RUNS, () => metricsOverview(ctx(), { weeks: 13 }))],
      ['the metrics page after a bug is reported', await measure(RUNS, afterABug)],
      [
        'the metrics page computed from scratch',
        await measure(Math.min(RUNS, 5), () => fromScratch(METRIC_KEYS)),
      ],
    ];
    // Each metric alone from scratch (with its records): where a recomputation's time goes.
    for (const key of METRIC_KEYS)
      rows.push([`  ${key} from scratch`, await measure(Math.min(RUNS, 5), () => fromScratch([key]))]);
    for (const [label, r] of rows) {
      const verdict = label.startsWith('the metrics page (')
        ? `   (target < ${TARGET_MS} ms: ${r.p99 < TARGET_MS ? 'met' : 'MISSED'})`
        : '';
      console.log(
        `  ${kind.padEnd(9)} ${label.padEnd(48)} p50 ${r.p50.toFixed(1).padStart(8)} ms   p99 ${r.p99.toFixed(1).padStart(8)} ms${verdict}`,
      );
    }
  } finally {
    await database.close();
  }
}

async function main() {
  console.log(`metrics bench: a year of a ${PMS}-PM org, ${RUNS} runs each; ${os.cpus().length} CPUs`);
  await onTargets({ targets: TARGETS, serverUrl: PG_URL, prefix: 'prodops_bench_metrics' }, run);
}

await main();
