/**
 * Issue 19 part 3: PGlite on the server's event-loop thread against PGlite on a worker thread, in one run.
 * While a list route is under load (autocannon, a second process) a third process probes /healthz every 50 ms
 * (each probe timed however long it waits, see probe-child.mjs); its p50/p99
 * stand next to an idle /healthz from the same run, with the main thread's event-loop delay. Then where PGlite
 * stops: the list route's req/s and p99 at 1/10/50 connections, on the demo org and on the grown one.
 * Run: npm run bench:pglite   BENCH_SECONDS=5  BENCH_CONNECTIONS=50  BENCH_THREADS=main,worker  BENCH_ORGS=demo,large
 *   BENCH_ROUTE=/api/v1/releases?limit=50
 */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type Database, openDatabase, runMigrations } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { systemActor } from '../src/services/actor.ts';
import { createApiToken } from '../src/services/auth/tokens.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';
import { seedDemoIfEmpty } from '../src/services/setup/demo.ts';
import { systemClock } from '../src/shared/clock.ts';
import { growOrg } from './api-data.ts';
import { type LoadFigures, loadFromChild, type ProbeFigures, probeFromChild } from './api-load.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const THREADS = (process.env.BENCH_THREADS ?? 'main,worker').split(',') as ('main' | 'worker')[];
const ROUTE = process.env.BENCH_ROUTE ?? '/api/v1/releases?limit=50';
const LOAD_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SCALE = [1, 10, 50];
const LARGE = { releases: 500, items: 2000, people: 1000 };
/** BENCH_ORGS=demo skips growing the org (minutes on a loaded machine). */
const ORGS = (process.env.BENCH_ORGS ?? 'demo,large').split(',');

const PROBE_EVERY_MS = 50;
const probeFmt = (r: ProbeFigures) =>
  `${String(r.total).padStart(4)} probes  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  max ${String(r.max).padStart(5)} ms`;
const fmt = (r: LoadFigures) =>
  `${String(r.rps).padStart(6)} req/s  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms`;

/** A load's figures, or why it has none: on a loaded machine answers can time out; the bench goes on. */
const tryLoad = (url: string, o: Parameters<typeof loadFromChild>[1]) =>
  loadFromChild(url, o).then(fmt, (e: Error) => e.message.replace(url, 'the route'));

/** The data each run loads: the demo org, then the grown one (grown once, through the services). */
async function dataDirs(): Promise<{ name: string; dump: Blob; authorization: string }[]> {
  const target = { kind: 'pglite', dataDir: null } as const;
  const database = await openDatabase(target);
  try {
    await runMigrations(target, database);
    await ensureOrgDefaults(database.db, systemClock.now());
    await seedDemoIfEmpty(database.db, systemClock.now());
    const t = await createApiToken({
      db: database.db,
      actor: systemActor('bench'),
      email: 'priya@example.com',
      now: systemClock.now(),
    });
    const authorization = `Bearer ${t.token}`;
    const demo = await database.pglite!.dumpDataDir('none');
    if (!ORGS.includes('large')) return [{ name: 'demo org', dump: demo, authorization }];
    await growOrg(database.db, { now: systemClock.now(), ...LARGE });
    const large = await database.pglite!.dumpDataDir('none');
    return [
      { name: 'demo org', dump: demo, authorization },
      {
        name: `${LARGE.releases} releases / ${LARGE.items} items / ${LARGE.people} people`,
        dump: large,
        authorization,
      },
    ];
  } finally {
    await database.close();
  }
}

async function serve(database: Database) {
  const app = await buildApp({
    db: database.db,
    clock: systemClock,
    config: { secureCookies: false, sessionHours: 1, signInPerMinute: 100 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

/** The main thread's event-loop delay (p99, max, ms) while `run` runs: what every request waits on top. */
async function withLoopDelay<T>(run: () => Promise<T>): Promise<[T, { p99: number; max: number }]> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const out = await run();
  h.disable();
  return [out, { p99: Math.round(h.percentile(99) / 1e6), max: Math.round(h.max / 1e6) }];
}

async function measure(thread: 'main' | 'worker', data: { name: string; dump: Blob; authorization: string }) {
  const target = { kind: 'pglite', dataDir: null, loadDataDir: data.dump, thread } as const;
  const database = await openDatabase(target);
  const { app, base } = await serve(database);
  const headers = { authorization: data.authorization };
  try {
    const warm = await fetch(`${base}${ROUTE}`, { headers });
    if (!warm.ok) throw new Error(`${ROUTE} answered ${warm.status}`);
    await warm.arrayBuffer();
    const probe = () => probeFromChild(`${base}/healthz`, { seconds: SECONDS, everyMs: PROBE_EVERY_MS });
    const idle = await probe();
    const [[list, underLoad], loop] = await withLoopDelay(() =>
      Promise.all([
        tryLoad(`${base}${ROUTE}`, { headers, connections: LOAD_CONNECTIONS, seconds: SECONDS }),
        probe(),
      ]),
    );
    console.log(`\nPGlite on the ${thread} thread, ${data.name}`);
    console.log(`  /healthz idle              ${probeFmt(idle)}`);
    console.log(`  /healthz under list load   ${probeFmt(underLoad)}`);
    console.log(`  ${ROUTE} ${LOAD_CONNECTIONS} conn   ${list}`);
    console.log(`  event-loop delay under load: p99 ${loop.p99} ms, max ${loop.max} ms`);
    for (const connections of SCALE) {
      const r = await tryLoad(`${base}${ROUTE}`, { headers, connections, seconds: SECONDS });
      console.log(`  ${ROUTE} at ${String(connections).padStart(2)} connections  ${r}`);
    }
  } finally {
    await app.close();
    await database.close();
  }
}

console.log(
  `${SECONDS} s a figure, load from second processes; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
);
const datasets = await dataDirs();
for (const data of datasets) for (const thread of THREADS) await measure(thread, data);
console.log(`\nload average at the end ${os.loadavg()[0]!.toFixed(1)}`);
