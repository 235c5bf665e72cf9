/**
 * API throughput on the embedded database, next to bare Fastify measured in the same run.
 * Run: npm run bench. Loopback only; bounded by request count.
 */
import Fastify from 'fastify';
import { openDatabase, runMigrations } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { systemActor } from '../src/services/actor.ts';
import { createApiToken } from '../src/services/auth/tokens.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';
import { seedDemoIfEmpty } from '../src/services/setup/demo.ts';
import { systemClock } from '../src/shared/clock.ts';
import { loadTest } from './load.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = 16;

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await loadTest([url], { headers, concurrency: CONCURRENCY, requests: REQUESTS });
  return { rps: r.rps, p50: r.pct(0.5).toFixed(1), p95: r.pct(0.95).toFixed(1) };
}

const bare = Fastify();
bare.get('/hello', async () => ({ status: 'ok' }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const barePort = (bare.server.address() as { port: number }).port;

const target = { kind: 'pglite' as const, dataDir: null };
const database = await openDatabase(target);
await runMigrations(target, database);
await ensureOrgDefaults(database.db, systemClock.now());
await seedDemoIfEmpty(database.db, systemClock.now());
const { token } = await createApiToken({
  db: database.db,
  actor: systemActor('bench'),
  email: 'sam@example.com',
  now: systemClock.now(),
});
const app = await buildApp({
  db: database.db,
  clock: systemClock,
  config: { secureCookies: false, sessionHours: 1, signInPerMinute: 100 },
});
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
const auth = { authorization: `Bearer ${token}` };
// The Roadmap Review page is the product org's: Product Ops reads it (a stakeholder is refused).
const { token: opsToken } = await createApiToken({
  db: database.db,
  actor: systemActor('bench'),
  email: 'priya@example.com',
  now: systemClock.now(),
});
const opsAuth = { authorization: `Bearer ${opsToken}` };

// Statements the database runs for one request: PGlite's query and exec are counted around a single call, and
// a transaction's BEGIN, COMMIT (or ROLLBACK) and the statements inside it (they do not pass through those two).
const pglite = database.pglite!;
let statements = 0;
type Counted = Record<'query' | 'exec', (...a: unknown[]) => Promise<unknown>>;
function countOn(target: Counted) {
  for (const method of ['query', 'exec'] as const) {
    const original = target[method].bind(target);
    target[method] = (...a: unknown[]) => {
      statements += 1;
      return original(...a);
    };
  }
}
countOn(pglite as unknown as Counted);
const transaction = pglite.transaction.bind(pglite);
pglite.transaction = (run) =>
  transaction((tx) => {
    statements += 2;
    countOn(tx as unknown as Counted);
    return run(tx);
  });
async function statementsFor(url: string, headers = auth) {
  await fetch(url, { headers }); // warm: the first call may read caches (and opens a week's cycle)
  statements = 0;
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return statements;
}
const [tier3] = (
  (await (await fetch(`http://127.0.0.1:${port}/api/v1/releases?limit=100`, { headers: auth })).json()) as {
    items: { id: string; tier: number | null; status: string }[];
  }
).items.filter((r) => r.tier === 3 && r.status !== 'launched');
const detailUrl = `http://127.0.0.1:${port}/api/v1/releases/${tier3!.id}/detail`;
// The Roadmap Review page (a live one: its agenda is generated) and the weekly update's page (this week's board).
const reviews = (
  (await (await fetch(`http://127.0.0.1:${port}/api/v1/roadmap/reviews`, { headers: opsAuth })).json()) as {
    items: { occurrenceId: string; closedAt: string | null }[];
  }
).items;
const review = reviews.find((r) => !r.closedAt) ?? reviews[0]!;
const reviewUrl = `http://127.0.0.1:${port}/api/v1/roadmap/reviews/${review.occurrenceId}`;
const { currentWeek } = (await (
  await fetch(`http://127.0.0.1:${port}/api/v1/updates`, { headers: opsAuth })
).json()) as { currentWeek: string };
const updateUrl = `http://127.0.0.1:${port}/api/v1/updates/${currentWeek}`;
const counted = [
  ['GET /api/v1/releases/{id}/detail', detailUrl, auth],
  ['GET /api/v1/releases?limit=100', `http://127.0.0.1:${port}/api/v1/releases?limit=100`, auth],
  ['GET /api/v1/roadmap/items', `http://127.0.0.1:${port}/api/v1/roadmap/items`, auth],
  ['GET /api/v1/roadmap/view', `http://127.0.0.1:${port}/api/v1/roadmap/view`, auth],
  ['GET /api/v1/insights/themes', `http://127.0.0.1:${port}/api/v1/insights/themes`, auth],
  ['GET /api/v1/roadmap/reviews/{id} (live)', reviewUrl, opsAuth],
  ['GET /api/v1/updates/{week} (this week)', updateUrl, opsAuth],
] as const;
const statementCounts: [string, number][] = [];
for (const [name, url, headers] of counted) statementCounts.push([name, await statementsFor(url, headers)]);

const rows = [
  ['baseline: bare Fastify GET /hello', await load(`http://127.0.0.1:${barePort}/hello`)],
  ['prodops GET /healthz (select 1)', await load(`http://127.0.0.1:${port}/healthz`)],
  [
    'prodops GET /api/v1/people?limit=50 (token, 38 people)',
    await load(`http://127.0.0.1:${port}/api/v1/people?limit=50`, auth),
  ],
  ['prodops GET /api/v1/pods (warnings computed)', await load(`http://127.0.0.1:${port}/api/v1/pods`, auth)],
  [`prodops GET /api/v1/releases/{id}/detail (Tier 3)`, await load(detailUrl, auth)],
] as const;

console.log(`${REQUESTS} requests each, concurrency ${CONCURRENCY}, embedded PGlite`);
for (const [name, r] of rows)
  console.log(`${name.padEnd(58)} ${String(r.rps).padStart(7)} req/s   p50 ${r.p50} ms   p95 ${r.p95} ms`);
console.log('database statements for one request:');
for (const [name, n] of statementCounts) console.log(`  ${name.padEnd(42)} ${String(n).padStart(4)}`);
await app.close();
await bare.close();
await database.close();
