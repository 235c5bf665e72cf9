/**
 * "What's the status of X?" (issue 14) at size: GET /api/v1/status?q=… over 2,000 roadmap items, 5,000 releases
 * and 1,000,000 insight items, on embedded PGlite and on a PostgreSQL server, each next to GET /healthz measured in
 * the same run on the same server. The questions are a mix (exact titles, typos, partial words, nothing found)
 * asked by a Product Ops token and a Sales stakeholder token. Prints req/s, p50 and p99 (target: p99 < 50 ms on
 * PostgreSQL), the statements one question sends, EXPLAIN ANALYZE of the search (is the GIN index used?) and,
 * per question, the search alone next to the whole request.
 *
 * Run: npm run bench:status
 *   BENCH_INSIGHTS=…     insight items (default 1,000,000)
 *   BENCH_REQUESTS=…     requests per measured row (default 1,000), BENCH_CONCURRENCY=… (default 16),
 *   BENCH_SERIAL_REQUESTS=… requests of the one-at-a-time row (default 300)
 *   BENCH_TARGETS=pglite,postgres
 *   BENCH_DATABASE_URL   PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres): a scratch
 *                        database prodops_bench_<pid> is created there and dropped; skipped if it cannot connect.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import {
  type Database,
  type DatabaseTarget,
  type Db,
  openDatabase,
  runMigrations,
} from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { systemActor } from '../src/services/actor.ts';
import { createApiToken } from '../src/services/auth/tokens.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';
import { getSettings } from '../src/services/org/settings.ts';
import type { Reader } from '../src/services/roadmap/item-reads.ts';
import { seedDemoIfEmpty } from '../src/services/setup/demo.ts';
import { searchStatus } from '../src/services/status/search.ts';
import { systemClock } from '../src/shared/clock.ts';
import { INSIGHT_KINDS } from '../src/shared/insights-taxonomy.ts';
import { RELEASE_STATUSES } from '../src/shared/releases.ts';
import { ROADMAP_STATUSES } from '../src/shared/roadmap.ts';
import type { TStatusAnswer } from '../src/shared/status.ts';
import { loadTest as runLoad } from './load.ts';
import { scratchPostgres } from './scratch-db.ts';

const ITEMS = 2_000;
const RELEASES = 5_000;
const INSIGHTS = Number(process.env.BENCH_INSIGHTS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1_000);
/** The one-at-a-time row: unloaded latency. */
const SERIAL_REQUESTS = Number(process.env.BENCH_SERIAL_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TARGETS = (process.env.BENCH_TARGETS ?? 'pglite,postgres').split(',');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_P99_MS = 50;

// ---------------------------------------------------------------------------------------------------------------
// Data: the demo org for areas and people, then everything large with generate_series in the database.

/** Feature nouns × qualifiers: 2,000 distinct "<noun> <qualifier>" pairs, shared by items and releases. */
// biome-ignore format: a word list
const NOUNS = [
  'Salesforce sync', 'HubSpot sync', 'Slack alerts', 'Jira integration', 'Zendesk sync', 'SSO login',
  'SCIM directory', 'Audit log', 'Invoice PDF', 'Usage billing', 'Tax engine', 'Payment retries',
  'Dunning emails', 'Onboarding checklist', 'Report exports', 'Usage dashboard', 'Team permissions',
  'Role editor', 'Webhook delivery', 'API rate limits', 'Mobile offline mode', 'Push notifications',
  'Search index', 'Bulk user import', 'CSV import', 'Data retention', 'EU data residency', 'Two-factor auth',
  'Session timeout', 'Custom fields', 'Workflow rules', 'Approval flows', 'Calendar sync', 'Email templates',
  'In-app chat', 'Knowledge base', 'Status page', 'Admin console', 'Billing portal', 'Seat management',
  'Trial conversion', 'Referral program', 'Product tours', 'Feature flags', 'Audit exports', 'Usage alerts',
  'Quota limits', 'Sandbox accounts', 'Partner portal', 'Access reviews',
];
// biome-ignore format: a word list
const QUALIFIERS = [
  'for enterprise', 'redesign', 'for mobile', 'in EU region', 'bulk edit', 'filters', 'scheduling',
  'self-serve setup', 'admin controls', 'performance', 'reliability', 'analytics', 'public API', 'webhooks',
  'templates', 'notifications', 'history', 'search', 'migration', 'for partners', 'for SMB', 'audit trail',
  'localization', 'accessibility', 'dark mode', 'keyboard shortcuts', 'sharing', 'comments', 'approvals',
  'retention rules', 'usage limits', 'cost controls', 'health checks', 'status emails', 'error handling',
  'onboarding', 'pricing page', 'quick actions', 'saved views', 'data sync',
];
// biome-ignore format: a word list
const FEEDBACK = [
  'crashes when', 'is slow on', 'cannot find', 'would love', 'keeps failing for', 'is confusing in',
  'missing option in', 'works great with', 'times out on', 'shows wrong totals in',
];

/** A text[] literal (the words are ours: quoting is for the apostrophes only). */
const words = (xs: readonly string[]) =>
  sql.raw(`array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ')}]::text[]`);

/** A whole number written into the statement (generate_series needs typed bounds). */
const int = (x: number) => sql.raw(String(Math.trunc(x)));

const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await fn();
  console.log(`  ${label.padEnd(52)} ${((performance.now() - t) / 1000).toFixed(1).padStart(6)} s`);
  return out;
}

async function load(db: Db) {
  const now = systemClock.now();
  await timed('demo org (areas, people, releases, roadmap)', async () => {
    await ensureOrgDefaults(db, now);
    await seedDemoIfEmpty(db, now);
  });
  const settings = await getSettings(db);
  const themes = settings.insights.themes.map((t) => t.key);
  const severities = settings.insights.severities.map((s) => s.key);
  const segments = settings.insights.segments.map((s) => s.key);
  const source = settings.insights.sources[0]!.key;
  // The areas in a fixed order, numbered from 0, with their PM: generated rows pick one by g % count.
  const areaList = sql`(select id, owner_pm_id, (row_number() over (order by slug) - 1)::int as n,
    count(*) over ()::int as count from areas)`;

  await timed(`${ITEMS.toLocaleString('en')} roadmap items + their versions`, () =>
    db.execute(sql`
      with src as (
        select g, a.id as area_id,
          (${words(NOUNS)})[1 + g % ${int(NOUNS.length)}] || ' ' || (${words(QUALIFIERS)})[1 + (g / ${int(NOUNS.length)}) % ${int(QUALIFIERS.length)}] as base,
          2 + g % 4 as n,
          1 + g % 4 as versions
        from generate_series(0, ${int(ITEMS - 1)}) g join ${areaList} a on a.n = g % a.count
      ), ins as (
        insert into roadmap_items (area_id, state, version, ratified_version)
        select area_id,
          jsonb_build_object(
            'title', base || ' v' || n,
            'summary', 'What ' || base || ' changes for customers, in plain words.',
            'customerNote', case when g % 5 = 0 then 'Ask your CSM for early access.' else '' end,
            'areaId', area_id::text,
            'status', (${words(ROADMAP_STATUSES)})[1 + g % ${int(ROADMAP_STATUSES.length)}],
            'confidence', (array['low', 'medium', 'high'])[1 + g % 3],
            'earliest', to_char(current_date + (g % 300 - 60), 'YYYY-MM-DD'),
            'latest', to_char(current_date + (g % 300 - 60) + 30 + g % 60, 'YYYY-MM-DD'),
            'visibility', case when g % 10 = 0 then 'internal' else 'stakeholders' end,
            'dependsOn', '[]'::jsonb, 'releaseIds', '[]'::jsonb, 'themes', '[]'::jsonb),
          versions,
          -- never ratified (1 in 7), the latest version, or the one before it (a change waiting for the review)
          case when g % 7 = 0 then null when g % 3 = 0 then versions else greatest(versions - 1, 1) end
        from src
        returning id, state, version, ratified_version
      ), versions as (
        insert into roadmap_item_versions (item_id, version, state, note, changed_by, changed_at)
        select ins.id, v,
          -- the first version had the working title (no "vN")
          case when v = 1 and ins.version > 1
            then jsonb_set(ins.state, '{title}', to_jsonb(regexp_replace(ins.state->>'title', ' v[0-9]+$', '')))
            else ins.state end,
          case when v = 1 then '' else 'range moved' end, 'bench', now() - (ins.version - v) * interval '9 days'
        from ins, generate_series(1, ins.version) v
      )
      insert into roadmap_item_ratifications (item_id, version, at)
      select id, ratified_version, now() - interval '3 days' from ins where ratified_version is not null`),
  );

  await timed(`${RELEASES.toLocaleString('en')} releases`, () =>
    db.execute(sql`
      insert into releases (title, area_id, pm_owner_id, tier, target_date, status, launched_on)
      select title, area_id, owner_pm_id, tier, to_char(target, 'YYYY-MM-DD'),
        case when target < current_date then 'launched' else status end,
        case when target < current_date then to_char(target, 'YYYY-MM-DD') end
      from (
        select a.id as area_id, a.owner_pm_id, 1 + g % 3 as tier,
          (${words(NOUNS)})[1 + g % ${int(NOUNS.length)}] || ' ' || (${words(QUALIFIERS)})[1 + (g / ${int(NOUNS.length)}) % ${int(QUALIFIERS.length)}]
            || (array['', ' beta', ' GA'])[1 + (g / ${int(NOUNS.length * QUALIFIERS.length)}) % 3] as title,
          current_date + (g % 500 - 250) as target,
          (${words(RELEASE_STATUSES.filter((s) => s !== 'launched' && s !== 'rolled_back'))})[1 + g % 5] as status
        from generate_series(0, ${int(RELEASES - 1)}) g join ${areaList} a on a.n = g % a.count
      ) r`),
  );

  const BATCH = 100_000;
  await timed(
    `${INSIGHTS.toLocaleString('en')} insight items (batches of ${BATCH.toLocaleString('en')})`,
    async () => {
      for (let from = 0; from < INSIGHTS; from += BATCH) {
        const to = Math.min(INSIGHTS, from + BATCH) - 1;
        await db.execute(sql`
        insert into insight_items (source, external_id, title, body, customer, segment, occurred_at, kind,
          kind_confidence, theme, theme_confidence, severity, severity_confidence, area_id, area_confidence, dup_key)
        select ${source}, 'bench-' || g,
          (${words(NOUNS)})[1 + g % ${int(NOUNS.length)}] || ' ' || (${words(FEEDBACK)})[1 + (g / 7) % ${int(FEEDBACK.length)}]
            || ' ' || (${words(QUALIFIERS)})[1 + (g / 3) % ${int(QUALIFIERS.length)}],
          'Customer ' || (g % 5000) || ' wrote in about ' || (${words(NOUNS)})[1 + (g / 11) % ${int(NOUNS.length)}]
            || ' after the last release; ticket ' || g || '.',
          'Customer ' || (g % 5000),
          ${segments.length ? sql`(${words(segments)})[1 + g % ${int(segments.length)}]` : sql`null`},
          now() - ((g::bigint * 7919) % (180 * 86400)) * interval '1 second',
          (${words(INSIGHT_KINDS)})[1 + g % ${int(INSIGHT_KINDS.length)}], 0.5 + (g % 50) / 100.0,
          case when g % 10 = 0 then null else (${words(themes)})[1 + g % ${int(themes.length)}] end, 0.6,
          (${words(severities)})[1 + g % ${int(severities.length)}], 0.7,
          case when g % 4 = 0 then null else a.id end, 0.5,
          g % ${int(Math.max(1, Math.floor(INSIGHTS * 0.8)))}
        from generate_series(${int(from)}, ${int(to)}) g join ${areaList} a on a.n = g % a.count`);
      }
    },
  );
  await timed('ANALYZE', () => db.execute(sql`analyze`));
  const counts = rowsOf<Record<string, number>>(
    await db.execute(sql`select
      (select count(*)::int from roadmap_items) as items, (select count(*)::int from roadmap_item_versions) as versions,
      (select count(*)::int from releases) as releases, (select count(*)::int from insight_items) as insights,
      (select count(*)::int from decisions) as decisions, (select count(*)::int from areas) as areas`),
  )[0]!;
  console.log(
    `  in the database: ${counts.items} roadmap items (${counts.versions} versions), ${counts.releases} releases, ` +
      `${counts.insights!.toLocaleString('en')} insight items, ${counts.decisions} decisions, ${counts.areas} areas`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The questions.

interface Question {
  kind: 'exact' | 'typo' | 'partial' | 'none';
  q: string;
}

async function questionsFor(db: Db): Promise<Question[]> {
  const one = async (query: SQL) => rowsOf<{ t: string }>(await db.execute(query))[0]!.t;
  // biome-ignore format: one question a line
  return [
    { kind: 'exact', q: 'Salesforce sync v2' },
    { kind: 'exact', q: 'SCIM provisioning' },
    { kind: 'exact', q: await one(sql`select state->>'title' as t from roadmap_items where state->>'title' like 'Usage dashboard%' order by 1 limit 1`) },
    { kind: 'exact', q: await one(sql`select title as t from releases where title like '% GA' order by 1 offset 40 limit 1`) },
    { kind: 'typo', q: 'salesfroce sync' },
    { kind: 'typo', q: 'hubsopt sync' },
    { kind: 'typo', q: 'invocie pdf redesgn' },
    { kind: 'typo', q: 'webhok delivery' },
    { kind: 'partial', q: 'onboard' },
    { kind: 'partial', q: 'billin' },
    { kind: 'partial', q: 'residency' },
    { kind: 'partial', q: 'perm' },
    { kind: 'none', q: 'quantum teleporter' },
    { kind: 'none', q: 'coffee machine' },
    { kind: 'none', q: 'xylophone' },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring.

interface Figures {
  rps: number;
  p50: number;
  p99: number;
}

/** `requests` requests over `concurrency` connections at a time; urls are taken in turn. */
async function loadTest(
  urls: readonly string[],
  headers: Record<string, string> = {},
  concurrency = CONCURRENCY,
  requests = REQUESTS,
) {
  const r = await runLoad(urls, { headers, concurrency, requests });
  return { rps: r.rps, p50: r.pct(0.5), p99: r.pct(0.99) } satisfies Figures;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A statement as Drizzle sent it. */
interface Sent {
  text: string;
  params: unknown[];
}

/**
 * Statements Drizzle sends (transaction BEGIN/COMMIT are not counted), and the last search statement with its
 * parameters and the settings statement before it (threshold, planner) so it can be EXPLAINed as the app ran it. Drizzle keeps its logger on the session and hands the
 * session's options to each transaction's session: setting it there sees every statement of both drivers.
 */
function watch(db: Db) {
  const seen = { statements: 0, search: null as Sent | null, settings: null as Sent | null };
  const logger = {
    logQuery(text: string, params: unknown[]) {
      seen.statements += 1;
      if (text.includes('pg_trgm.word_similarity_threshold')) seen.settings = { text, params };
      if (text.includes('<%') && text.includes('union all')) seen.search = { text, params };
    },
  };
  const session = (db as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
  session.logger = logger;
  session.options.logger = logger;
  return seen;
}

interface Outcome {
  target: string;
  note: string;
  rows: [string, Figures][];
}

async function run(kind: 'pglite' | 'postgres', target: DatabaseTarget, note: string): Promise<Outcome> {
  console.log(`\n== ${kind}: ${note}`);
  const database: Database = await openDatabase(target);
  try {
    await timed('migrations', () => runMigrations(target, database));
    const { db } = database;
    await load(db);
    const seen = watch(db);
    const now = systemClock.now();
    const actor = systemActor('bench');
    const tokenOf = async (email: string) =>
      (await createApiToken({ db, actor, email, now, name: 'bench status' })).token;
    const readers: [string, Reader, Record<string, string>][] = [
      ['Product Ops (priya@)', 'org', { authorization: `Bearer ${await tokenOf('priya@example.com')}` }],
      [
        'Sales stakeholder (sam@)',
        'stakeholder',
        { authorization: `Bearer ${await tokenOf('sam@example.com')}` },
      ],
    ];
    const app = await buildApp({
      db,
      clock: systemClock,
      config: { secureCookies: false, sessionHours: 1, signInPerMinute: 100 },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const questions = await questionsFor(db);
      const urlOf = (q: string) => `${base}/api/v1/status?q=${encodeURIComponent(q)}`;

      // Each question once per reader: the outcome, the statements it sent, the search alone vs the request.
      console.log(
        '\n  question (reader)                                outcome  hits  stmts  search ms  request ms',
      );
      const perKind = new Map<string, { search: number[]; request: number[] }>();
      for (const [, reader, headers] of readers)
        for (const { kind: k, q } of questions) {
          const ask = async () => {
            const t = performance.now();
            const res = await fetch(urlOf(q), { headers });
            const body = (await res.json()) as TStatusAnswer;
            if (!res.ok) throw new Error(`${q}: ${res.status} ${JSON.stringify(body)}`);
            return { body, ms: performance.now() - t };
          };
          await ask(); // warm
          seen.statements = 0;
          const { body } = await ask();
          const statements = seen.statements;
          const request: number[] = [];
          const search: number[] = [];
          let hits = 0;
          for (let i = 0; i < 7; i++) {
            request.push((await ask()).ms);
            const t = performance.now();
            hits = (await searchStatus(db, q, reader)).length;
            search.push(performance.now() - t);
          }
          const agg = perKind.get(k) ?? { search: [], request: [] };
          agg.search.push(median(search));
          agg.request.push(median(request));
          perKind.set(k, agg);
          console.log(
            `  ${`${k}: "${q}"`.padEnd(40).slice(0, 40)} ${reader.padEnd(11)} ${body.outcome.padEnd(6)} ${String(hits).padStart(5)} ${String(statements).padStart(6)} ${median(search).toFixed(1).padStart(10)} ${median(request).toFixed(1).padStart(11)}`,
          );
        }
      console.log('  median over the questions of each kind (one request at a time):');
      for (const [k, v] of perKind)
        console.log(
          `    ${k.padEnd(8)} search ${median(v.search).toFixed(1).padStart(6)} ms   whole request ${median(v.request).toFixed(1).padStart(6)} ms`,
        );

      // The search statement as the app sent it, EXPLAINed: is the GIN index used?
      for (const [label, reader, headers] of readers) {
        seen.search = null;
        await fetch(urlOf('salesfroce sync'), { headers }).then((r) => r.arrayBuffer());
        await explain(
          database,
          target,
          seen.search,
          seen.settings,
          `${label}, "salesfroce sync"`,
          reader === 'stakeholder',
        );
      }

      console.log(
        `\n  load: ${REQUESTS} requests a row, concurrency ${CONCURRENCY}, the ${questions.length} questions in turn`,
      );
      const rows: [string, Figures][] = [];
      const measure = async (name: string, f: Promise<Figures>) => {
        const r = await f;
        rows.push([name, r]);
        console.log(
          `    ${name.padEnd(46)} ${figures(r, kind === 'postgres' && name.startsWith('GET /api'))}`,
        );
      };
      await measure('GET /healthz (select 1)', loadTest([`${base}/healthz`]));
      for (const [label, , headers] of readers)
        await measure(
          `GET /api/v1/status?q=… ${label}`,
          loadTest(
            questions.map((x) => urlOf(x.q)),
            headers,
          ),
        );
      await measure('GET /healthz again (after the status rows)', loadTest([`${base}/healthz`]));
      const [, , opsHeaders] = readers[0]!;
      const serial = await loadTest(
        questions.map((x) => urlOf(x.q)),
        opsHeaders,
        1,
        SERIAL_REQUESTS,
      );
      rows.push([SERIAL, serial]);
      console.log(`    ${SERIAL.padEnd(46)} ${figures(serial, kind === 'postgres')}`);
      return { target: kind, note, rows };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

const SERIAL = `GET /api/v1/status?q=… Product Ops, 1 at a time (${SERIAL_REQUESTS})`;

const figures = (r: Figures, withTarget: boolean) =>
  `${String(r.rps).padStart(6)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms` +
  (withTarget ? `   (target p99 < ${TARGET_P99_MS} ms: ${r.p99 < TARGET_P99_MS ? 'met' : 'MISSED'})` : '');

/** EXPLAIN (ANALYZE) of a statement inside a transaction after these statements (as searchStatus runs it). */
async function explainLines(
  database: Database,
  target: DatabaseTarget,
  search: Sent,
  before: readonly Sent[],
): Promise<string[]> {
  const statement = `explain (analyze, costs off, buffers off) ${search.text}`;
  if (database.kind === 'pglite') {
    const p = database.pglite!;
    try {
      await p.query('begin');
      for (const s of before) await p.query(s.text, s.params);
      return (await p.query<{ 'QUERY PLAN': string }>(statement, search.params)).rows.map(
        (r) => r['QUERY PLAN'],
      );
    } finally {
      await p.query('rollback');
    }
  }
  const client = new pg.Client({ connectionString: (target as { url: string }).url });
  await client.connect();
  try {
    await client.query('begin');
    for (const s of before) await client.query(s.text, s.params);
    return (await client.query<{ 'QUERY PLAN': string }>(statement, search.params)).rows.map(
      (r) => r['QUERY PLAN'],
    );
  } finally {
    await client.query('rollback');
    await client.end();
  }
}

/** The titles searched: one table (migration 0012), kept by triggers, with one trigram GIN index. */
const SEARCHED = ['status_search'];

/** Which searched tables the plan reads through their trigram GIN index, and which it scans whole. */
function verdictOf(lines: readonly string[]) {
  const plan = lines.join('\n');
  const time = lines.filter((l) => /Execution Time|Planning Time/.test(l)).map((l) => l.trim());
  const parts = SEARCHED.map((t) => {
    const gin = new RegExp(`Bitmap Index Scan on ${t}_title_trgm_idx \\(actual[^\\n]*rows=([\\d.]+)`).exec(
      plan,
    );
    if (gin) return `${t}: GIN ${t}_title_trgm_idx (${Number(gin[1])} candidate rows rechecked)`;
    const seq = new RegExp(
      `Seq Scan on ${t} \\w+ \\(actual[^\\n]*rows=([\\d.]+)[^\\n]*\\n\\s*Filter: [^\\n]*<%[^\\n]*\\n\\s*Rows Removed by Filter: (\\d+)`,
    ).exec(plan);
    if (seq) return `${t}: SEQ SCAN over ${Number(seq[1]) + Number(seq[2])} rows (<% evaluated on each)`;
    const other = new RegExp(`(Seq Scan|Index Scan using \\w+|Index Only Scan using \\w+) on ${t}\\b`).exec(
      plan,
    );
    return `${t}: ${other ? `${other[1]} (reached through a join)` : 'not read'}`;
  });
  return { time: time.join(', '), parts };
}

/**
 * EXPLAIN ANALYZE of the search as the app sent it, after its settings statement (threshold and planner settings;
 * full plan for one reader), with whether the GIN index is used; then, for comparison, the same statement with
 * the threshold alone, as the planner would run it left to itself.
 */
async function explain(
  database: Database,
  target: DatabaseTarget,
  search: Sent | null,
  settings: Sent | null,
  label: string,
  full: boolean,
) {
  if (!search || !settings) {
    console.log(`\n  (no search statement seen for ${label})`);
    return;
  }
  const lines = await explainLines(database, target, search, [settings]);
  const v = verdictOf(lines);
  console.log(`\n  EXPLAIN ANALYZE of the search, ${label}: ${v.time}`);
  for (const p of v.parts) console.log(`    ${p}`);
  if (full) for (const l of lines) console.log(`    | ${l}`);
  const threshold: Sent = {
    text: "select set_config('pg_trgm.word_similarity_threshold', '0.4', true)",
    params: [],
  };
  const alone = verdictOf(await explainLines(database, target, search, [threshold]));
  console.log(`    the planner left to itself (threshold only; for comparison): ${alone.time}`);
  for (const p of alone.parts) console.log(`      ${p}`);
}

// ---------------------------------------------------------------------------------------------------------------

const postgresTarget = () => scratchPostgres(PG_URL, 'prodops_bench');

async function main() {
  console.log(
    `status bench: ${ITEMS.toLocaleString('en')} roadmap items, ${RELEASES.toLocaleString('en')} releases, ` +
      `${INSIGHTS.toLocaleString('en')} insight items${INSIGHTS === 1_000_000 ? '' : ' (BENCH_INSIGHTS)'}; ${os.cpus().length} CPUs`,
  );
  const outcomes: Outcome[] = [];
  const skipped: string[] = [];
  if (TARGETS.includes('pglite')) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'prodops-bench-status-'));
    try {
      outcomes.push(
        await run('pglite', { kind: 'pglite', dataDir: dir }, `embedded, data directory in ${dir}`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (TARGETS.includes('postgres')) {
    const pgTarget = await postgresTarget();
    if (typeof pgTarget === 'string') {
      skipped.push(`postgres skipped: ${pgTarget}`);
      console.log(`\n== postgres skipped: ${pgTarget}`);
    } else {
      try {
        const probe = new pg.Client({ connectionString: pgTarget.url });
        await probe.connect();
        const version = (await probe.query<{ server_version: string }>('show server_version')).rows[0]!
          .server_version;
        await probe.end();
        outcomes.push(
          await run(
            'postgres',
            { kind: 'postgres', url: pgTarget.url, poolSize: 10 },
            `server ${version}, pool of 10, scratch database ${pgTarget.url.replace(/^.*\//, '')}`,
          ),
        );
      } finally {
        await pgTarget.drop();
      }
    }
  }
  console.log(`\n== summary (${REQUESTS} requests a row, concurrency ${CONCURRENCY} unless said)`);
  for (const o of outcomes)
    for (const [name, r] of o.rows)
      console.log(
        `  ${o.target.padEnd(9)} ${name.padEnd(52)} ${figures(r, o.target === 'postgres' && name.startsWith('GET /api'))}`,
      );
  for (const s of skipped) console.log(`  ${s}`);
}

await main();
