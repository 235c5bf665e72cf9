import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signedIn } from '../../test/factories.ts';
import {
  bets,
  experimentBriefs,
  ritualOccurrences,
  rituals,
  roadmapItems,
  roadmapItemVersions,
} from '../db/schema/index.ts';
import { systemActor } from '../services/actor.ts';
import { rotateFeedToken } from '../services/cadence/feed.ts';
import { recordDecision } from '../services/decisions/decisions.ts';
import { createRoadmapItem, markRatified, updateRoadmapItem } from '../services/roadmap/item-writes.ts';
import { publishView } from '../services/roadmap/publish.ts';
import { startReview } from '../services/roadmap/review-actions.ts';
import { seedDemoIfEmpty } from '../services/setup/demo.ts';
import { manualClock } from '../shared/clock.ts';

/**
 * Issue 13, finding 3: a stakeholder reads ratified data only, and no internal item is named or hinted at. The
 * demo org plus items marked LEAK-… (an internal one, a ratified one with unratified changes, one never
 * ratified), then every read route of the route table, with every documented enum of its query, as Sales.
 * Any marker, any id of an item they may not read, or any PM note of an unratified change in a body fails.
 */
const clock = manualClock('2026-11-18T15:00:00Z');
let t: TestApp;
let sales: Record<string, string>;
let feedFile = '';
const secrets: string[] = [];
const ids = {
  items: [] as string[],
  decisions: [] as string[],
  occurrences: [] as string[],
  bets: [] as string[],
};

const ops = systemActor('test');
const range = { earliest: '2026-12-07', latest: '2027-01-29', confidence: 'high' as const };

async function seedMarkers(): Promise<void> {
  const db = t.database.db;
  const now = clock.now();
  const [area] = await db
    .execute<{ id: string }>(sql`select id from areas order by name limit 1`)
    .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
  const areaId = area!.id;
  const internal = await createRoadmapItem({
    db,
    actor: ops,
    now,
    input: {
      title: 'LEAK-INTERNAL title',
      summary: 'LEAK-INTERNAL summary',
      areaId,
      ...range,
      visibility: 'internal',
      note: 'LEAK-NOTE internal',
    },
  });
  await markRatified(db, internal.id, 1, now);
  const shown = await createRoadmapItem({
    db,
    actor: ops,
    now,
    input: {
      title: 'Shown item',
      summary: 'Stakeholders read this',
      areaId,
      ...range,
      dependsOn: [internal.id],
    },
  });
  await markRatified(db, shown.id, 1, now);
  await updateRoadmapItem({
    db,
    actor: ops,
    now,
    id: shown.id,
    patch: {
      title: 'LEAK-UNRATIFIED title',
      summary: 'LEAK-UNRATIFIED summary',
      customerNote: 'LEAK-UNRATIFIED customer note',
      earliest: '2031-01-06',
      latest: '2031-03-28',
      note: 'LEAK-NOTE unratified',
    },
  });
  const never = await createRoadmapItem({
    db,
    actor: ops,
    now,
    input: { title: 'LEAK-NEVER ratified', summary: 'LEAK-NEVER summary', areaId, ...range },
  });
  const [owner] = await db
    .execute(sql`select owner_pm_id as id from areas where id = ${areaId}`)
    .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
  const decision = await recordDecision({
    db,
    actor: ops,
    now,
    input: {
      decidedOn: '2026-11-17',
      title: 'Keep the shown item on track',
      context: 'Context',
      options: ['Keep', 'Drop'],
      rationale: 'Because',
      ownerId: owner!.id,
      reviewDate: '2027-02-01',
      roadmapItemIds: [shown.id, internal.id, never.id],
    },
  });
  await publishView({ db, actor: ops, now });
  secrets.push(internal.id, never.id);
  ids.items.push(internal.id, shown.id, never.id);
  ids.decisions.push(decision.id);
}

/** What stakeholders may never read, from the demo: unreadable items' ids, and notes of unratified versions. */
async function demoSecrets(): Promise<void> {
  const db = t.database.db;
  const items = await db.select().from(roadmapItems);
  for (const i of items) {
    ids.items.push(i.id);
    const readable = i.ratifiedVersion !== null && i.state.visibility === 'stakeholders';
    if (!readable) secrets.push(i.id);
  }
  const pending = await db
    .select({ note: roadmapItemVersions.note })
    .from(roadmapItemVersions)
    .innerJoin(roadmapItems, eq(roadmapItems.id, roadmapItemVersions.itemId))
    .where(gt(roadmapItemVersions.version, sql`coalesce(${roadmapItems.ratifiedVersion}, 0)`));
  secrets.push(...pending.map((p) => p.note).filter((n) => n.length > 8));
  const reviews = await db
    .select({ id: ritualOccurrences.id })
    .from(ritualOccurrences)
    .innerJoin(rituals, and(eq(rituals.id, ritualOccurrences.ritualId), eq(rituals.slug, 'roadmap-review')));
  ids.occurrences.push(...reviews.map((r) => r.id));
  // Issue 15: bets and their briefs are the product org's; the demo's are refused, never read.
  const demoBets = await db.select({ id: bets.id, title: bets.title }).from(bets);
  ids.bets.push(...demoBets.map((b) => b.id));
  secrets.push(...demoBets.map((b) => b.title));
  const briefs = await db.select({ experiment: experimentBriefs.experiment }).from(experimentBriefs);
  secrets.push(...briefs.map((b) => b.experiment));
  if (ids.occurrences[0])
    await startReview({ db, actor: ops, now: clock.now(), occurrenceId: ids.occurrences[0] }).catch(() => {});
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDemoIfEmpty(t.database.db, clock.now());
  const sam = await signedIn(t.database.db, ['stakeholder'], { function: 'sales' });
  sales = sam.headers;
  await seedMarkers();
  await demoSecrets();
  const urls = await rotateFeedToken(t.database.db, sam.person.id, 'http://localhost', clock.now());
  feedFile = urls.url.split('/').pop()!;
}, 120_000);
afterAll(() => t.close());

type OpenApi = { paths: Record<string, Record<string, { parameters?: Param[] }>> };
type Param = { in: string; name: string; schema?: { enum?: string[]; anyOf?: { enum?: string[] }[] } };

/** Each documented query variant worth reading: none, then every value of every enum parameter. */
function queryVariants(params: Param[]): string[] {
  const out = [''];
  for (const p of params.filter((x) => x.in === 'query')) {
    const values = [...(p.schema?.enum ?? []), ...(p.schema?.anyOf ?? []).flatMap((s) => s.enum ?? [])];
    for (const v of values) out.push(`${p.name}=${encodeURIComponent(v)}`);
    if (p.name === 'since') out.push('since=2020-01-01', 'since=last-review');
    if (p.name === 'version') out.push('version=draft', 'version=1');
    // Searches, the status question among them: the markers' words, and the shown item by its ratified title.
    if (p.name === 'q')
      out.push('q=leak', 'q=leak%20internal', 'q=leak%20unratified%20title', 'q=shown%20item');
  }
  return out;
}

/** Every value a path parameter might take here: the roadmap's and decisions' ids first of all. */
function pathValues(url: string, name: string): string[] {
  if (name === 'occurrenceId') return ids.occurrences;
  if (name === 'file')
    return url.includes('updates') || url === '/api/v1/feed/:file'
      ? [feedFile.replace('.ics', '.atom'), feedFile.replace('.ics', '.rss')]
      : [feedFile];
  if (name === 'week') return ['2026-W46', '2026-W47'];
  if (name === 'month') return ['2026-10', '2026-11'];
  if (name === 'theme') return ['pricing', 'feature-gap'];
  if (url.startsWith('/api/v1/decisions')) return ids.decisions;
  if (url.startsWith('/api/v1/bets')) return ids.bets;
  return ids.items;
}

function urlsOf(pattern: string): string[] {
  let urls = [pattern];
  for (const [, name] of pattern.matchAll(/:(\w+)/g))
    urls = urls.flatMap((u) => pathValues(pattern, name!).map((v) => u.replace(`:${name}`, v)));
  return urls;
}

describe('a stakeholder reads ratified data only (issue 13, finding 3)', () => {
  it('every read route, every documented query variant: no internal or unratified data, no hint of either', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApi;
    expect(secrets.length).toBeGreaterThan(6);
    const leaks: string[] = [];
    let reads = 0;
    for (const route of t.app.routeTable) {
      if (route.method !== 'GET' || route.url === '/*' || !route.url.startsWith('/api/')) continue;
      const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.get;
      for (const url of urlsOf(route.url))
        for (const q of queryVariants(op?.parameters ?? [])) {
          const res = await t.app.inject({ method: 'GET', url: q ? `${url}?${q}` : url, headers: sales });
          reads++;
          if (res.statusCode >= 500) leaks.push(`${url}?${q}: ${res.statusCode}`);
          for (const s of [...secrets, 'LEAK-', '2031-01-06', '2031-03-28', 'Mar 2031'])
            if (res.body.includes(s)) leaks.push(`${url}?${q}: ${res.statusCode} shows "${s}"`);
        }
    }
    expect(reads).toBeGreaterThan(150);
    expect(leaks).toEqual([]);
  }, 300_000);

  it('the stakeholder feed (issue 17): no held launch, no unsent bundle copy, in JSON, Atom or RSS', async () => {
    const ops = (await signedIn(t.database.db, ['product_ops'])).headers;
    const areaId = (await t.database.db
      .execute<{ id: string }>(sql`select id from areas limit 1`)
      .then((r) => (r as unknown as { rows: { id: string }[] }).rows[0]!.id)) as string;
    const send = async (method: 'POST' | 'PUT', url: string, payload: object) => {
      const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: ops, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json() as { id: string };
    };
    const launch = (title: string) =>
      send('POST', '/releases', { title, tier: 3, targetDate: '2026-11-26', areaId });
    const held = await launch('FEEDCHECK held launch');
    await send('PUT', `/releases/${held.id}/bundle`, { sections: { what_changed: 'FEEDCHECK held copy' } });
    await send('POST', `/releases/${held.id}/bundle/distribute`, {});
    await send('POST', `/releases/${held.id}/decisions`, { decision: 'hold', reason: 'Not ready' });
    const sent = await launch('Sent launch');
    await send('PUT', `/releases/${sent.id}/bundle`, { sections: { what_changed: 'Sent words' } });
    await send('POST', `/releases/${sent.id}/bundle/distribute`, {});
    await send('PUT', `/releases/${sent.id}/bundle`, { sections: { what_changed: 'FEEDCHECK draft words' } });
    const reads = ['', '?audience=all', '?audience=exec', '?audience=support', '?before=2026-12&months=12'];
    const bodies: string[] = [];
    for (const q of reads) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/feed${q}`, headers: sales });
      expect(res.statusCode).toBe(200);
      bodies.push(res.body);
    }
    for (const ext of ['atom', 'rss'])
      for (const q of ['', '?audience=all'])
        bodies.push(
          (
            await t.app.inject({
              method: 'GET',
              url: `/api/v1/feed/${feedFile.replace('.ics', `.${ext}`)}${q}`,
            })
          ).body,
        );
    expect(bodies[0]).toContain('Sent words');
    for (const body of bodies) {
      for (const s of ['FEEDCHECK', held.id, ...secrets, 'LEAK-']) expect(body).not.toContain(s);
    }
  });

  it('reads what was ratified, as ratified', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/roadmap/items?q=shown', headers: sales });
    expect(list.json().items).toMatchObject([
      { title: 'Shown item', dependsOn: [], pending: false, version: 1 },
    ]);
    const view = await t.app.inject({ method: 'GET', url: '/api/v1/roadmap/view', headers: sales });
    expect(view.json().view.items.map((i: { title: string }) => i.title)).toContain('Shown item');
    const draft = await t.app.inject({
      method: 'GET',
      url: '/api/v1/roadmap/view?version=draft',
      headers: sales,
    });
    expect(draft.statusCode).toBe(403);
  });
});
