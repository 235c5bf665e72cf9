import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedIn } from '../../../../test/factories.ts';
import { ritualOccurrences, rituals } from '../../../db/schema/index.ts';
import { planAhead } from '../../../services/cadence/occurrences.ts';
import { manualClock } from '../../../shared/clock.ts';

/** The charter (default, then versioned), the friction list and the quarterly QBR over the API. */
const clock = manualClock('2026-11-18T15:00:00Z');
let t: TestApp;
let ops: Record<string, string>;
let head: Record<string, string>;
let pm: Record<string, string>;
let sales: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  ops = (await signedIn(db, ['product_ops'], { name: 'Olive Ops' })).headers;
  head = (await signedIn(db, ['head_of_product'])).headers;
  pm = (await signedIn(db, ['pm'])).headers;
  sales = (await signedIn(db, ['stakeholder'], { function: 'sales' })).headers;
  // The quarter's planning occurrence (13 Oct 2026): the window is planned from the quarter's start.
  await planAhead(db, new Date('2026-10-01T12:00:00Z'));
});
afterAll(() => t.close());

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const fieldsOf = (res: { json: () => { error: { fields: { path: string }[] } } }) =>
  res.json().error.fields.map((f) => f.path);

describe('/api/v1/charter', () => {
  it("reads the pack's text as the default (to a stakeholder too), then each save is a version", async () => {
    const first = await call('GET', '/charter', sales);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ isDefault: true, version: null, permissions: { update: false } });
    expect(first.json().content.mission).toMatch(/^Build and maintain the operating systems/);
    expect(first.json().content.nonGoals).toContain('Individual feature specifications or PRDs');

    for (const who of [sales, pm])
      expect((await call('PUT', '/charter', who, first.json().content)).statusCode).toBe(403);
    const saved = await call('PUT', '/charter', ops, {
      ...first.json().content,
      mission: 'Make shipping boring.',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1, savedBy: 'Olive Ops' });
    const again = await call('PUT', '/charter', head, {
      ...saved.json().content,
      slas: ['Tier 2: 5 business days', 'Tier 3: 10 business days'],
    });
    expect(again.json().version).toBe(2);

    const versions = (await call('GET', '/charter/versions', sales)).json();
    expect(versions.items.map((v: { version: number; changed: string[] }) => [v.version, v.changed])).toEqual(
      [
        [2, ['SLAs']],
        [1, ['Mission']],
      ],
    );
    const md = await call('GET', '/charter.md', sales);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toContain('## Mission\n\nMake shipping boring.');
    expect(md.body).toContain('- Tier 3: 10 business days');
  });

  it('400 names the field: an empty mission, an empty SLA line', async () => {
    const content = (await call('GET', '/charter', ops)).json().content;
    const res = await call('PUT', '/charter', ops, { ...content, mission: ' ', slas: [''] });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['mission', 'slas.0']);
    expect((await call('GET', '/charter/versions', ops)).json().items).toHaveLength(2);
  });
});

describe('/api/v1/frictions', () => {
  it("starts with the pack's three frictions, each mapped to rituals; retiring one warns of unmapped rituals", async () => {
    const list = (await call('GET', '/frictions', pm)).json();
    expect(list.items.map((f: { rank: number; title: string }) => `${f.rank}. ${f.title}`)).toEqual([
      '1. No visibility',
      '2. Surprise launches',
      '3. Ad-hoc status requests',
    ]);
    expect(list.items[1].rituals.map((r: { name: string }) => r.name)).toEqual([
      'Launch Readiness Check',
      'Insights Review',
    ]);
    expect(list).toMatchObject({ unmappedRituals: [], warning: null, permissions: { update: false } });

    const retired = await call('PATCH', `/frictions/${list.items[1].id}`, ops, { retired: true });
    expect(retired.json()).toMatchObject({ rank: null });
    const after = (await call('GET', '/frictions', ops)).json();
    expect(after.items.map((f: { rank: number }) => f.rank)).toEqual([1, 2]);
    expect(after.unmappedRituals.map((r: { name: string }) => r.name).sort()).toEqual([
      'Insights Review',
      'Launch Readiness Check',
    ]);
    expect(after.warning).toMatch(/map to no friction: every ritual must map to a friction point/);
    const back = await call('PATCH', `/frictions/${list.items[1].id}`, ops, { retired: false });
    expect(back.json().rank).toBe(3);
    const reranked = await call('PUT', '/frictions/ranking', head, {
      ids: [list.items[1].id, list.items[0].id, list.items[2].id],
    });
    expect(reranked.json().items.map((f: { title: string }) => f.title)).toEqual([
      'Surprise launches',
      'No visibility',
      'Ad-hoc status requests',
    ]);
    expect(reranked.json().warning).toBeNull();
  });

  it('adds a friction with evidence links named and linked; 400 names each bad field, nothing written', async () => {
    const created = await call('POST', '/frictions', ops, {
      title: 'Unclear launch owners',
      evidence: '4 of 9 launches had no named Support owner',
      evidenceLinks: [
        { kind: 'metric', ref: 'enablement_coverage' },
        { kind: 'theme', ref: 'pricing' },
      ],
      artifacts: ['Launch Enablement Bundle'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ rank: 4, updatedBy: 'Olive Ops' });
    expect(created.json().evidenceLinks[0]).toMatchObject({
      label: 'Launch enablement coverage',
      href: '/metrics/enablement_coverage',
    });

    const shape = await call('POST', '/frictions', ops, {
      title: '',
      evidenceLinks: [
        { kind: 'metric', ref: 'vibes' },
        { kind: 'release', ref: 'x' },
      ],
    });
    expect(shape.statusCode).toBe(400);
    expect(fieldsOf(shape)).toEqual(['title', 'evidenceLinks.0.ref', 'evidenceLinks.1.ref']);
    const refs = await call('POST', '/frictions', ops, {
      title: 'Ghosts',
      ritualIds: [crypto.randomUUID()],
      evidenceLinks: [
        { kind: 'release', ref: crypto.randomUUID() },
        { kind: 'theme', ref: 'astrology' },
      ],
    });
    expect(refs.statusCode).toBe(400);
    expect(fieldsOf(refs)).toEqual(['ritualIds.0', 'evidenceLinks.0.ref', 'evidenceLinks.1.ref']);
    const ranking = await call('PUT', '/frictions/ranking', ops, { ids: [created.json().id] });
    expect(fieldsOf(ranking)).toEqual(['ids']);
    expect((await call('GET', '/frictions', ops)).json().items).toHaveLength(4);
  });

  it('a stakeholder may not read or edit the list (403)', async () => {
    const id = (await call('GET', '/frictions', ops)).json().items[0].id;
    for (const [method, url, body] of [
      ['GET', '/frictions'],
      ['POST', '/frictions', { title: 'x' }],
      ['PATCH', `/frictions/${id}`, { title: 'x' }],
    ] as const)
      expect((await call(method, url, sales, body)).statusCode, `${method} ${url}`).toBe(403);
    expect((await call('POST', '/frictions', pm, { title: 'x' })).statusCode).toBe(403);
  });
});

describe('/api/v1/qbr', () => {
  const input = {
    priorities: [{ text: 'Every Tier 2/3 launch enabled two days ahead' }],
    retrospective: { worked: ['Weekly update on time'], didNot: ['Pulse survey ignored'], prune: [] },
  };

  it('publishes version 1 then 2; a version keeps its frictions after the list changes; the occurrence counts', async () => {
    const draft = (await call('GET', '/qbr/2026-Q4', pm)).json();
    expect(draft).toMatchObject({
      quarter: '2026-Q4',
      label: 'Q4 2026',
      latest: null,
      permissions: { publish: false },
    });
    expect(draft.draft.metrics.map((m: { key: string }) => m.key)).toEqual([
      'surprise',
      'status_requests',
      'enablement_coverage',
      'pm_pulse',
      'ritual_adoption',
    ]);
    expect((await call('POST', '/qbr/2026-Q4/publish', pm, input)).statusCode).toBe(403);

    const v1 = await call('POST', '/qbr/2026-Q4/publish', head, input);
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toMatchObject({ version: 1, title: 'Quarterly Planning / QBR — Q4 2026' });
    expect(v1.json().markdown).toContain('## Top frictions');
    const first = v1.json().content.frictions[0];

    await call('PATCH', `/frictions/${first.id}`, ops, { title: 'Launches still surprise Support' });
    const v2 = await call('POST', '/qbr/2026-Q4/publish', ops, { ...input, priorities: [] });
    expect(v2.json().version).toBe(2);
    expect(v2.json().content.frictions[0].title).toBe('Launches still surprise Support');
    const kept = (await call('GET', '/qbr/2026-Q4/versions/1', pm)).json();
    expect(kept.content.frictions[0].title).toBe(first.title);
    expect(kept.content.priorities).toEqual([{ text: input.priorities[0]!.text, roadmapItem: null }]);
    expect(
      (await call('GET', '/qbr/2026-Q4/versions', pm))
        .json()
        .items.map((v: { version: number }) => v.version),
    ).toEqual([2, 1]);
    expect((await call('GET', '/qbr/2026-Q4', pm)).json().latest.version).toBe(2);
    expect((await call('GET', '/qbr', pm)).json()).toMatchObject({
      current: '2026-Q4',
      items: [{ quarter: '2026-Q4', version: 2 }],
    });

    const [occ] = await t.database.db
      .select({ o: ritualOccurrences })
      .from(ritualOccurrences)
      .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
      .where(and(eq(rituals.slug, 'quarterly-planning'), eq(ritualOccurrences.localDate, '2026-10-13')));
    expect(occ?.o).toMatchObject({ artifactRef: '/qbr/2026-Q4', status: 'held' });
    expect(occ?.o.artifactProducedAt?.toISOString()).toBe(clock.now().toISOString());
  });

  it('400 names the field: a quarter that is not one, a roadmap item that does not exist, an empty line', async () => {
    const bad = await call('GET', '/qbr/2026-Q5', pm);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['params.quarter']);
    const res = await call('POST', '/qbr/2027-Q1/publish', ops, {
      priorities: [{ text: 'Ship it', roadmapItemId: crypto.randomUUID() }],
      retrospective: { worked: [], didNot: [''], prune: [] },
    });
    expect(fieldsOf(res)).toEqual(['retrospective.didNot.0']);
    const item = await call('POST', '/qbr/2027-Q1/publish', ops, {
      priorities: [{ text: 'Ship it', roadmapItemId: crypto.randomUUID() }],
      retrospective: { worked: [], didNot: [], prune: [] },
    });
    expect(fieldsOf(item)).toEqual(['priorities.0.roadmapItemId']);
    expect((await call('GET', '/qbr/2027-Q1/versions', ops)).json().items).toEqual([]);
  });

  it('a stakeholder reads the charter but not the QBR (403)', async () => {
    expect((await call('GET', '/charter', sales)).statusCode).toBe(200);
    for (const url of ['/qbr', '/qbr/2026-Q4', '/qbr/2026-Q4/versions', '/qbr/2026-Q4/versions/1'])
      expect((await call('GET', url, sales)).statusCode, url).toBe(403);
    expect((await call('POST', '/qbr/2026-Q4/publish', sales, input)).statusCode).toBe(403);
  });
});
