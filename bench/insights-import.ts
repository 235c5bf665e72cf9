/**
 * 1,000,000 generated feedback items imported end to end (parse, tag, dedupe, store) into PostgreSQL and into
 * PGlite, next to a baseline measured in the same run: csv-parse → COPY of the same file, no tagging. Prints
 * items/s, peak RSS and the RSS growth from 100k to 1M items (each run in its own process, so memory is its
 * own), then the top-themes query over the million items for a 30-day window, and a re-import (adds nothing).
 *
 * Run: npm run bench:insights-import   (BENCH_ITEMS=200000 for a quicker look; BENCH_TARGETS=postgres|pglite)
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a scratch database is
 * created and dropped.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Database, type DatabaseTarget, openDatabase, runMigrations } from '../src/db/client.ts';
import { parseFeedback } from '../src/integrations/importers/index.ts';
import { systemActor } from '../src/services/actor.ts';
import { ingestFeedback } from '../src/services/insights/ingest.ts';
import { topThemes } from '../src/services/insights/themes.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';
import { systemClock } from '../src/shared/clock.ts';
import { writeTicketsCsv } from './feedback-data.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGETS = (process.env.BENCH_TARGETS ?? 'postgres,pglite').split(',');
const SELF = fileURLToPath(import.meta.url);

interface RunResult {
  mode: string;
  target: string;
  items: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  rssAt100kMb: number | null;
  rssEndMb: number;
  inserted?: number;
  topThemesMs?: number[];
}

/** Samples RSS every 50 ms: the peak, and the value when the 100,000th item went in. */
function rssMeter() {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    peakMb: () => Math.round(Math.max(peak, process.memoryUsage().rss) / 1e6),
    nowMb: () => Math.round(process.memoryUsage().rss / 1e6),
    stop: () => clearInterval(timer),
  };
}

function target(kind: string, dir: string): DatabaseTarget {
  return kind === 'postgres'
    ? { kind: 'postgres', url: `${PG_URL.replace(/\/[^/]*$/, '')}/${dir}`, poolSize: 4 }
    : { kind: 'pglite', dataDir: dir };
}

/** The baseline: csv-parse → COPY into a plain table, nothing else. */
async function baseline(kind: string, where: string, file: string): Promise<RunResult> {
  const meter = rssMeter();
  const started = performance.now();
  let n = 0;
  let rssAt100k: number | null = null;
  const count = () => {
    n += 1;
    if (n === 100_000) rssAt100k = meter.nowMb();
  };
  const ddl =
    'create table bench_copy (id text, created_at timestamptz, title text, body text, customer text, segment text, priority text)';
  if (kind === 'postgres') {
    const client = new pg.Client({ connectionString: (target(kind, where) as { url: string }).url });
    await client.connect();
    await client.query(ddl);
    const copy = client.query(copyFrom('copy bench_copy from stdin with (format csv)'));
    const toCsv = async function* (rows: AsyncIterable<string[]>) {
      for await (const r of rows) {
        count();
        yield `${r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')}\n`;
      }
    };
    await pipeline(createReadStream(file), parse({ from_line: 2 }), toCsv, copy);
    await client.end();
  } else {
    const database = await openDatabase(target(kind, where));
    await database.pglite!.query(ddl);
    let chunk: string[] = [];
    const flush = async () => {
      if (!chunk.length) return;
      await database.pglite!.query("copy bench_copy from '/dev/blob' with (format csv)", [], {
        blob: new Blob(chunk),
      });
      chunk = [];
    };
    for await (const r of createReadStream(file).pipe(parse({ from_line: 2 })) as AsyncIterable<string[]>) {
      count();
      chunk.push(`${r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')}\n`);
      if (chunk.length >= 20_000) await flush();
    }
    await flush();
    await database.close();
  }
  const seconds = (performance.now() - started) / 1000;
  meter.stop();
  return {
    mode: 'baseline',
    target: kind,
    items: n,
    seconds,
    perSecond: Math.round(n / seconds),
    peakRssMb: meter.peakMb(),
    rssAt100kMb: rssAt100k,
    rssEndMb: meter.nowMb(),
  };
}

async function prepared(kind: string, where: string): Promise<Database> {
  const t = target(kind, where);
  const database = await openDatabase(t);
  await runMigrations(t, database);
  await ensureOrgDefaults(database.db, systemClock.now());
  return database;
}

/** Ours: the product's import path, end to end. */
async function ours(kind: string, where: string, file: string, mode: string): Promise<RunResult> {
  const database = await prepared(kind, where);
  const meter = rssMeter();
  let rssAt100k: number | null = null;
  const started = performance.now();
  const result = await ingestFeedback({
    db: database.db,
    actor: systemActor('bench'),
    source: 'support',
    format: 'csv',
    fileName: path.basename(file),
    rows: parseFeedback(createReadStream(file), { format: 'csv' }),
    parallel: true,
    onProgress: (p) => {
      if (rssAt100k === null && p.read >= 100_000) rssAt100k = meter.nowMb();
    },
    now: systemClock.now(),
  });
  const seconds = (performance.now() - started) / 1000;
  meter.stop();
  const out: RunResult = {
    mode,
    target: kind,
    items: result.read,
    seconds,
    perSecond: Math.round(result.read / seconds),
    peakRssMb: meter.peakMb(),
    rssAt100kMb: rssAt100k,
    rssEndMb: meter.nowMb(),
    inserted: result.inserted,
  };
  if (mode === 'reimport') out.topThemesMs = await timeTopThemes(database);
  await database.close();
  return out;
}

/** Top themes of the last 30 days of the data, five times (the first warms the cache). */
async function timeTopThemes(database: Database): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    const top = await topThemes(database.db, { to: '2026-11-20', days: 30, limit: 10 }, systemClock.now());
    times.push(Math.round((performance.now() - t0) * 10) / 10);
    if (!top.themes.length) throw new Error('top themes came back empty');
  }
  await database.db.execute(sql`select 1`);
  return times;
}

/** One measurement in a fresh process, so its memory is its own. */
function runChild(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!))
        : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

function psql(statement: string) {
  execFileSync('psql', [PG_URL, '-qc', statement], { stdio: 'ignore' });
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prodops-bench-'));
  const file = path.join(dir, 'tickets.csv');
  const t0 = performance.now();
  await writeTicketsCsv(file, ITEMS);
  console.log(
    `generated ${ITEMS.toLocaleString('en')} tickets, ${(statSync(file).size / 1e6).toFixed(0)} MB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const rows: RunResult[] = [];
  for (const kind of TARGETS) {
    const stamp = `prodops_bench_${process.pid}_${kind}`;
    const base = kind === 'postgres' ? `${stamp}_copy` : path.join(dir, 'copy');
    const mine = kind === 'postgres' ? stamp : path.join(dir, 'ours');
    if (kind === 'postgres') for (const db of [base, mine]) psql(`create database ${db}`);
    try {
      rows.push(await runChild(['baseline', kind, base, file]));
      rows.push(await runChild(['import', kind, mine, file]));
      rows.push(await runChild(['reimport', kind, mine, file]));
    } finally {
      if (kind === 'postgres') for (const db of [base, mine]) psql(`drop database if exists ${db}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(
    '\n| target | run | items | seconds | items/s | × baseline time | peak RSS MB | RSS at 100k → end MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const b = rows.find((x) => x.target === r.target && x.mode === 'baseline')!;
    console.log(
      `| ${r.target} | ${r.mode}${r.inserted !== undefined ? ` (${r.inserted.toLocaleString('en')} new)` : ''} | ${r.items.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${r.perSecond.toLocaleString('en')} | ${(r.seconds / b.seconds).toFixed(2)} | ${r.peakRssMb} | ${r.rssAt100kMb ?? '–'} → ${r.rssEndMb} (${r.rssAt100kMb === null ? '–' : `${r.rssEndMb - r.rssAt100kMb >= 0 ? '+' : ''}${r.rssEndMb - r.rssAt100kMb}`}) |`,
    );
  }
  for (const r of rows.filter((x) => x.topThemesMs))
    console.log(
      `\ntop themes, 30 days over ${ITEMS.toLocaleString('en')} items, ${r.target}: ${r.topThemesMs!.join(' / ')} ms (target < 300 ms on PostgreSQL)`,
    );
}

const [mode, kind, where, file] = process.argv.slice(2);
if (mode) {
  const result =
    mode === 'baseline' ? await baseline(kind!, where!, file!) : await ours(kind!, where!, file!, mode);
  console.log(JSON.stringify(result));
  process.exit(0);
} else {
  await main();
}
