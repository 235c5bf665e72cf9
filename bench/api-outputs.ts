/**
 * Issue 19: the read routes' JSON, byte for byte, to compare two versions of the code on the same data. The
 * first run seeds a PGlite directory (the demo org grown a little, at a fixed instant); copy that directory and
 * run each version of the code on its own copy at the same instant, then diff the outputs:
 *   node --import tsx bench/api-outputs.ts <pglite dir> <out file>
 */
import { writeFileSync } from 'node:fs';
import { openDatabase, runMigrations } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { systemActor } from '../src/services/actor.ts';
import { createApiToken } from '../src/services/auth/tokens.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';
import { seedDemoIfEmpty } from '../src/services/setup/demo.ts';
import { manualClock } from '../src/shared/clock.ts';
import { growOrg } from './api-data.ts';

const [dataDir, out] = process.argv.slice(2);
if (!dataDir || !out) throw new Error('usage: api-outputs.ts <pglite dir> <out file>');
const clock = manualClock('2026-11-19T15:00:00Z');

const ROUTES: [string, 'ops' | 'pm' | 'stakeholder'][] = [];
for (const path of [
  '/api/v1/releases?limit=200',
  '/api/v1/releases?limit=7',
  '/api/v1/roadmap/items?limit=200',
  '/api/v1/roadmap/items',
  '/api/v1/people?limit=200',
  '/api/v1/people?limit=5&q=a',
  '/api/v1/areas',
  '/api/v1/pods',
  '/api/v1/decisions?limit=50',
  '/api/v1/insights?limit=50',
  '/api/v1/quality/bugs?limit=50',
  '/api/v1/bets?limit=50',
  '/api/v1/settings',
])
  for (const who of ['ops', 'pm'] as const) ROUTES.push([path, who]);
ROUTES.push(['/api/v1/roadmap/view', 'stakeholder'], ['/api/v1/releases?limit=50', 'stakeholder']);

const database = await openDatabase({ kind: 'pglite', dataDir });
await runMigrations({ kind: 'pglite', dataDir }, database);
await ensureOrgDefaults(database.db, clock.now());
await seedDemoIfEmpty(database.db, clock.now());
await growOrg(database.db, { now: clock.now(), releases: 60, items: 80, people: 60 });
const headers: Record<string, Record<string, string>> = {};
for (const [who, email] of [
  ['ops', 'priya@example.com'],
  ['pm', 'maya@example.com'],
  ['stakeholder', 'sam@example.com'],
] as const) {
  const t = await createApiToken({ db: database.db, actor: systemActor('bench'), email, now: clock.now() });
  headers[who] = { authorization: `Bearer ${t.token}` };
}
const app = await buildApp({
  db: database.db,
  clock,
  config: { secureCookies: false, sessionHours: 1, signInPerMinute: 100 },
});
const lines: string[] = [];
for (const [url, who] of ROUTES) {
  // Each page and the pages after it, by the cursor it gives.
  let next: string | null = url;
  for (let page = 0; next && page < 20; page += 1) {
    const res: { statusCode: number; body: string } = await app.inject({
      method: 'GET',
      url: next,
      headers: headers[who],
    });
    lines.push(`${who} GET ${next} ${res.statusCode}`, res.body);
    const cursor: string | null | undefined =
      res.statusCode === 200 ? (JSON.parse(res.body) as { nextCursor?: string | null }).nextCursor : null;
    next = cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : null;
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${ROUTES.length} routes, ${lines.length / 2} answers → ${out}`);
await app.close();
await database.close();
