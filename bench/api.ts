/**
 * Issue 19: every read route under load next to its raw-SQL floor (Fastify + the driver running the route's own
 * statements, no ORM, no validation) and a bare Fastify hello, in one run, on PostgreSQL and PGlite; first on the
 * demo org (about 10 rows a list), then grown to 500 releases / 2,000 roadmap items / 1,000 people.
 * Load comes from a second process (autocannon). Run: npm run bench:api
 *   BENCH_TARGETS=postgres,pglite  BENCH_SECONDS=5  BENCH_CONNECTIONS=50  BENCH_DATABASE_URL=postgres://…
 */
import os from 'node:os';
import Fastify from 'fastify';
import { type DatabaseTarget, openDatabase, runMigrations } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { systemActor } from '../src/services/actor.ts';
import { createApiToken } from '../src/services/auth/tokens.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';
import { seedDemoIfEmpty } from '../src/services/setup/demo.ts';
import { systemClock } from '../src/shared/clock.ts';
import { growOrg } from './api-data.ts';
import { floorServer, sqlRecorder } from './api-floor.ts';
import { type LoadFigures, loadFromChild } from './api-load.ts';
import { onTargets } from './scratch-db.ts';

const TARGETS = (process.env.BENCH_TARGETS ?? 'postgres,pglite').split(',');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LARGE = { releases: 500, items: 2000, people: 1000 };
/** BENCH_SQL=1 prints each route's statements (the first line of each), to see what a request runs. */
const SHOW_SQL = process.env.BENCH_SQL === '1';

/** The read routes measured: product-org lists as Product Ops, the stakeholder view as a stakeholder. */
const ROUTES = [
  ['/api/v1/releases?limit=50', 'ops'],
  ['/api/v1/roadmap/items?limit=50', 'ops'],
  ['/api/v1/people?limit=50', 'ops'],
  ['/api/v1/areas', 'ops'],
  ['/api/v1/pods', 'ops'],
  ['/api/v1/decisions?limit=50', 'ops'],
  ['/api/v1/insights?limit=50', 'ops'],
  ['/api/v1/quality/bugs?limit=50', 'ops'],
  ['/api/v1/bets?limit=50', 'ops'],
  ['/api/v1/roadmap/view', 'stakeholder'],
] as const;

const fmt = (r: LoadFigures) =>
  `${String(r.rps).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(5)} ms`;
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
const cpu = (r: { cpuUs: number }) => `${String(r.cpuUs).padStart(6)} µs CPU/req`;

/**
 * The load's figures and this process's CPU time per answered request (the app and the floor both run here):
 * on a shared, loaded machine req/s swings with the neighbours, CPU per request much less.
 */
async function cpuPerRequest(run: () => Promise<LoadFigures>): Promise<LoadFigures & { cpuUs: number }> {
  const before = process.cpuUsage();
  const figures = await run();
  const used = process.cpuUsage(before);
  return { ...figures, cpuUs: Math.round((used.user + used.system) / Math.max(1, figures.rps * SECONDS)) };
}

const bare = Fastify();
bare.get('/hello', async () => ({ status: 'ok' }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const helloUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/hello`;
const load = (url: string, headers?: Record<string, string>) =>
  loadFromChild(url, { headers, connections: CONNECTIONS, seconds: SECONDS });

console.log(
  `${CONNECTIONS} connections, ${SECONDS} s a figure, load from a second process; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
);

async function token(db: Parameters<typeof createApiToken>[0]['db'], email: string) {
  const t = await createApiToken({ db, actor: systemActor('bench'), email, now: systemClock.now() });
  return { authorization: `Bearer ${t.token}` };
}

async function measure(kind: string, target: DatabaseTarget) {
  const database = await openDatabase(target);
  await runMigrations(target, database);
  await ensureOrgDefaults(database.db, systemClock.now());
  await seedDemoIfEmpty(database.db, systemClock.now());
  const recorder = sqlRecorder(database);
  const who = {
    ops: await token(database.db, 'priya@example.com'),
    stakeholder: await token(database.db, 'sam@example.com'),
  };
  const app = await buildApp({
    db: database.db,
    clock: systemClock,
    config: { secureCookies: false, sessionHours: 1, signInPerMinute: 100 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const get = async (path: string, headers: Record<string, string>) => {
    const res = await fetch(`${base}${path}`, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  };
  try {
    const hello = await load(helloUrl);
    console.log(`\n${kind}: bare Fastify GET /hello ${fmt(hello)}`);
    const tenRow = await phase(`${kind}, demo org`, hello);
    await growOrg(database.db, { now: systemClock.now(), ...LARGE });
    const large = await phase(
      `${kind}, ${LARGE.releases} releases / ${LARGE.items} roadmap items / ${LARGE.people} people`,
      hello,
    );
    console.log(`\n${kind}: large org against the demo org (first page, req/s)`);
    for (const [path] of ROUTES) {
      const a = tenRow.get(path)!;
      const b = large.get(path)!;
      console.log(`  ${path.padEnd(36)} ${(a / b).toFixed(2)}× slower`);
    }
  } finally {
    await app.close();
    await database.close();
  }

  async function phase(title: string, hello: LoadFigures): Promise<Map<string, number>> {
    console.log(`\n${title}`);
    const statements = [];
    for (const [path, role] of ROUTES) {
      await get(path, who[role]); // warm: the first read may fill caches
      statements.push(await recorder.record(() => get(path, who[role])));
    }
    const floor = await floorServer(statements, recorder.run);
    const floorBase = `http://127.0.0.1:${(floor.server.address() as { port: number }).port}`;
    const out = new Map<string, number>();
    try {
      for (const [i, [path, role]] of ROUTES.entries()) {
        const route = await cpuPerRequest(() => load(`${base}${path}`, who[role]));
        const raw = await cpuPerRequest(() => load(`${floorBase}/floor/${i}`));
        out.set(path, route.rps);
        console.log(`  ${path} (${statements[i]!.length} statements)`);
        if (SHOW_SQL)
          for (const st of statements[i]!) console.log(`      ${st.text.replace(/\s+/g, ' ').slice(0, 160)}`);
        console.log(
          `    route      ${fmt(route)}  ${cpu(route)}   ${pct(route.rps, raw.rps)} of its floor, ${pct(route.rps, hello.rps)} of hello; CPU ${(route.cpuUs / raw.cpuUs).toFixed(1)}× the floor's`,
        );
        console.log(`    raw floor  ${fmt(raw)}  ${cpu(raw)}`);
      }
    } finally {
      await floor.close();
    }
    return out;
  }
}

await onTargets({ targets: TARGETS, serverUrl: SERVER, prefix: 'prodops_bench_api' }, measure);
await bare.close();
