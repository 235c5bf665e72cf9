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
/** The internal item's own range, after the shown item's: a "what changed" line about it would name it. */
const internalRange = { earliest: '2030-05-06', latest: '2030-08-23', confidence: 'low' as const };
const planted = { internal: '', shown: '', decision: '', internalOnly: '', areaId: '' };

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
      ...internalRange,
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
  // Issue 21: a decision that links the internal item only: even filtering by it must not hint at it.
  const internalOnly = await recordDecision({
    db,
    actor: ops,
    now,
    input: {
      decidedOn: '2026-11-16',
      title: 'Pick a vendor',
      context: 'Context',
      options: ['One', 'Two'],
      rationale: 'Because',
      ownerId: owner!.id,
      reviewDate: '2027-02-01',
      roadmapItemIds: [internal.id],
    },
  });
  await publishView({ db, actor: ops, now });
  secrets.push(internal.id, never.id);
  ids.items.push(internal.id, shown.id, never.id);
  ids.decisions.push(decision.id, internalOnly.id);
  Object.assign(planted, {
    internal: internal.id,
    shown: shown.id,
    decision: decision.id,
    internalOnly: internalOnly.id,
    areaId,
  });
}

/** What stakeholders may never read, from the demo: unreadable items' ids, and notes of unratified versions. */
async function demoSecrets(): Promise<void> {
  const db = t.database.db;
  const items = await db.select().from(roadmapItems);
  const versions = await db.select().from(roadmapItemVersions);
  for (const i of items) {
    ids.items.push(i.id);
    const shownVersion = versions.find((v) => v.itemId === i.id && v.version === i.ratifiedVersion);
    const readable = shownVersion?.state.visibility === 'stakeholders';
    if (readable) continue;
    // Issue 21: an item a stakeholder may not read is not named either ("Tax engine upgrade"), in any version.
    secrets.push(i.id, ...versions.filter((v) => v.itemId === i.id).map((v) => v.state.title));
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

/** Planted words and dates no stakeholder reads: unratified dates, and the internal item's range in words. */
const MARKERS = [
  'LEAK-',
  '2031-01-06',
  '2031-03-28',
  'Mar 2031',
  '2030-05-06',
  '2030-08-23',
  'May 2030',
  'Aug 2030',
];

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
          for (const s of [...secrets, ...MARKERS])
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

  it('the side doors of issue 21: review page, what changed, decisions, history, as Sales, Support, CS and Exec', async () => {
    const db = t.database.db;
    const org = (await signedIn(db, ['pm'])).headers;
    const get = (url: string, headers: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
    // The org does read these: the checks below would catch a leak, not a page that shows nothing to anyone.
    const review = await get(`/roadmap/reviews/${ids.occurrences[0]}`, org);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Tax engine upgrade');
    expect(review.body).toContain('Vendor contract not signed yet');
    expect((await get('/roadmap/changes?since=2020-01-01', org)).body).toContain('LEAK-INTERNAL title');
    const words = ['Tax engine upgrade', 'Vendor contract not signed yet', planted.internal, ...MARKERS];
    for (const fn of ['sales', 'support', 'cs', 'exec'] as const) {
      const as = (await signedIn(db, ['stakeholder'], { function: fn })).headers;
      const bodies: string[] = [];
      const read = async (url: string, status: number) => {
        const res = await get(url, as);
        expect(res.statusCode, `${fn} ${url}`).toBe(status);
        bodies.push(res.body);
        return res.json();
      };
      // The review is the product org's working meeting on unratified changes: refused outright.
      for (const occurrence of ids.occurrences) await read(`/roadmap/reviews/${occurrence}`, 403);
      await read('/roadmap/reviews', 403);
      // What changed: ratified states only, and no line about an item they may not read.
      for (const since of ['2020-01-01', 'last-review']) {
        const changes = await read(`/roadmap/changes?since=${since}`, 200);
        expect(changes.changes.map((c: { itemId: string }) => c.itemId)).not.toContain(planted.internal);
      }
      const all = await read('/roadmap/changes?since=2020-01-01', 200);
      expect(all.changes.map((c: { text: string }) => c.text)).toContain(
        'Shown item added (Early Dec 2026 – late Jan 2027)',
      );
      // Decisions: only the items they may read, by their ratified titles; a filter by a hidden item finds nothing.
      const decision = await read(`/decisions/${planted.decision}`, 200);
      expect(decision.roadmapItems).toEqual([{ id: planted.shown, title: 'Shown item' }]);
      expect((await read(`/decisions/${planted.internalOnly}`, 200)).roadmapItems).toEqual([]);
      expect((await read(`/decisions?roadmapItemId=${planted.internal}`, 200)).items).toEqual([]);
      expect(
        (await read(`/decisions?roadmapItemId=${planted.shown}`, 200)).items.map((d: { id: string }) => d.id),
      ).toEqual([planted.decision]);
      const inArea = (await read(`/decisions?areaId=${planted.areaId}`, 200)).items.map(
        (d: { id: string }) => d.id,
      );
      expect(inArea).toContain(planted.decision);
      expect(inArea).not.toContain(planted.internalOnly);
      // History: the ratified version only, without the PM's note or the hidden dependency.
      const history = await read(`/roadmap/items/${planted.shown}/history`, 200);
      expect(history.items).toMatchObject([
        { version: 1, note: '', ratified: true, state: { title: 'Shown item', dependsOn: [] } },
      ]);
      await read(`/roadmap/items/${planted.internal}/history`, 404);
      await read(`/roadmap/items/${planted.internal}`, 404);
      for (const body of bodies) for (const w of words) expect(body, `${fn} read "${w}"`).not.toContain(w);
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
