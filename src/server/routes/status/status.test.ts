import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedIn } from '../../../../test/factories.ts';
import { fixtureExportZip, storedZip } from '../../../../test/zip.ts';
import { statusPings, statusQuestions } from '../../../db/schema/index.ts';
import { systemActor } from '../../../services/actor.ts';
import { createRoadmapItem, markRatified, updateRoadmapItem } from '../../../services/roadmap/item-writes.ts';
import { seedDemoIfEmpty } from '../../../services/setup/demo.ts';
import { manualClock } from '../../../shared/clock.ts';
import type { TStatusAnswer } from '../../../shared/status.ts';
import { MAX_EXPORT_BYTES } from './index.ts';

/** Issue 14: "what's the status of X?" answered from the records, as the asker may read them. */
const clock = manualClock('2026-11-18T15:00:00Z');
let t: TestApp;
let ops: { headers: Record<string, string>; person: { id: string } };
let sales: { headers: Record<string, string>; person: { id: string } };

beforeAll(async () => {
  t = await createTestApp({ clock });
  await seedDemoIfEmpty(t.database.db, clock.now());
  ops = await signedIn(t.database.db, ['product_ops'], { function: 'product_ops' });
  sales = await signedIn(t.database.db, ['stakeholder'], { function: 'sales' });
}, 120_000);
afterAll(() => t.close());

async function ask(who: { headers: Record<string, string> }, query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/status?${query}`, headers: who.headers });
  return { status: res.statusCode, body: res.json() as TStatusAnswer & { error?: { fields: unknown[] } } };
}

describe('GET /status', () => {
  it('tolerates a typo, offers the top matches when two things share a name, then answers the pick', async () => {
    const first = await ask(ops, 'q=salesfroce%20sync');
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe('choose');
    const release = first.body.choices.find(
      (c) => c.subject === 'release' && c.title === 'Salesforce sync v2',
    );
    expect(release).toBeDefined();
    expect(first.body.choices.map((c) => c.subject)).toContain('roadmap_item');

    const picked = await ask(ops, `q=salesfroce%20sync&subject=release&id=${release!.id}`);
    expect(picked.body.outcome).toBe('answer');
    expect(picked.body.card).toMatchObject({
      subject: 'release',
      title: 'Salesforce sync v2',
      areaName: 'Integrations',
      path: `/releases/${release!.id}`,
      when: { exact: true },
    });
    expect(picked.body.card!.owner?.name).toMatch(/\w+ \w+/);
    expect(picked.body.card!.readiness?.ready).toBe(false);
    expect(picked.body.card!.readiness?.missing.length).toBeGreaterThan(0);
  });

  it('answers a clear match at once, with the ratified range of a roadmap item', async () => {
    const res = await ask(sales, 'q=usage%20based%20billing%20item');
    expect(res.body.outcome === 'answer' || res.body.outcome === 'choose').toBe(true);
    const scim = await ask(sales, 'q=SCIM%20provisioning');
    expect(scim.body.outcome).toBe('answer');
    expect(scim.body.card).toMatchObject({ subject: 'roadmap_item', title: 'SCIM provisioning', tier: null });
    expect(scim.body.card!.when?.exact).toBe(false);
  });

  it('says when nothing matches, names the PM to ask, and logs the question as unanswered', async () => {
    const res = await ask(sales, 'q=quantum%20teleporter');
    expect(res.body).toMatchObject({ outcome: 'none', card: null, choices: [] });
    expect(res.body.askInstead?.ownerName).toMatch(/\w/);
    expect(res.body.message).toContain(
      `Ask ${res.body.askInstead!.ownerName}, PM for ${res.body.askInstead!.areaName}.`,
    );
    const logged = await t.database.db
      .select()
      .from(statusQuestions)
      .where(eq(statusQuestions.text, 'quantum teleporter'));
    expect(logged).toMatchObject([
      { personId: sales.person.id, function: 'sales', channel: 'api', answered: false },
    ]);
  });

  it('never shows a stakeholder an internal item or a working title', async () => {
    const db = t.database.db;
    const actor = systemActor('test');
    const now = clock.now();
    const [area] = await db.query.areas.findMany({ limit: 1 });
    const item = await createRoadmapItem({
      db,
      actor,
      now,
      input: {
        title: 'Zephyr exports',
        summary: 'Exports',
        areaId: area!.id,
        confidence: 'medium',
        earliest: '2027-01-04',
        latest: '2027-02-26',
      },
    });
    await markRatified(db, item.id, 1, now);
    await updateRoadmapItem({ db, actor, id: item.id, now, patch: { title: 'Quasar exports' } });

    // The answer echoes the question; beyond it, nothing names what the stakeholder may not read.
    const beyondQuestion = (a: TStatusAnswer) =>
      JSON.stringify({ ...a, query: '', message: a.card ? a.message : '' });
    const internal = await ask(sales, 'q=tax%20engine%20upgrade');
    expect(beyondQuestion(internal.body)).not.toMatch(/tax engine/i);
    const working = await ask(sales, 'q=quasar%20exports');
    expect(beyondQuestion(working.body)).not.toMatch(/quasar/i);
    const ratified = await ask(sales, 'q=zephyr%20exports');
    expect(ratified.body.card).toMatchObject({ title: 'Zephyr exports' });
    // The product org reads the working roadmap.
    expect((await ask(ops, 'q=quasar%20exports')).body.card).toMatchObject({ title: 'Quasar exports' });
    expect((await ask(ops, 'q=tax%20engine%20upgrade')).body.card).toMatchObject({
      title: 'Tax engine upgrade',
    });
  });

  it('refuses a question that is empty or too long, naming the field', async () => {
    const empty = await ask(ops, 'q=%20');
    expect(empty.status).toBe(400);
    expect(empty.body.error?.fields).toEqual([expect.objectContaining({ path: 'query.q' })]);
    expect((await ask(ops, `q=${'x'.repeat(201)}`)).status).toBe(400);
  });
});

describe('POST /status-requests/imports', () => {
  const upload = (who: { headers: Record<string, string> }, payload: Buffer | string, headers = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/status-requests/imports?name=acme-slack-export.zip',
      headers: { ...who.headers, 'content-type': 'application/zip', ...headers },
      payload,
    });
  const uploadsLeft = async () =>
    (await readdir(uploadDir)).filter((name) => name.startsWith('prodops-upload-')).length;
  let before = 0;
  // Uploads go to os.tmpdir(): this file's own, so other test files' uploads are not counted.
  let uploadDir = '';
  beforeAll(async () => {
    uploadDir = await mkdtemp(`${tmpdir()}/prodops-uploads-test-`);
    vi.stubEnv('TMPDIR', uploadDir);
    before = await uploadsLeft();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await rm(uploadDir, { recursive: true, force: true });
  });

  it('finds the status pings in the zip Slack sends, stores them once and removes the upload', async () => {
    const zip = await fixtureExportZip('acme-slack-export/');
    const first = await upload(ops, zip);
    expect({ status: first.statusCode, body: first.json() }).toEqual({
      status: 200,
      body: { found: 4, added: 4 },
    });
    expect((await upload(ops, zip)).json()).toEqual({ found: 4, added: 0 });
    const weeks = await t.app.inject({ method: 'GET', url: '/api/v1/status-requests', headers: ops.headers });
    expect(weeks.json().weeks.slice(0, 2)).toMatchObject([
      { week: '2026-W10', pings: 3 },
      { week: '2026-W11', pings: 1 },
    ]);
    await expect.poll(uploadsLeft).toBe(before);
  });

  it('refuses a stakeholder before reading the body', async () => {
    const res = await upload(sales, await fixtureExportZip());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('answers 400 naming the body for what is not a zip or not an export, storing nothing', async () => {
    const count = async () => (await t.database.db.select().from(statusPings)).length;
    const stored = await count();
    const notZip = await upload(ops, 'channel,ts,text\nsales,1,hello\n');
    expect(notZip.statusCode).toBe(400);
    expect(notZip.json().error).toMatchObject({
      code: 'validation_failed',
      fields: [{ path: 'body', message: 'the upload is not a zip file' }],
    });
    const notExport = await upload(ops, storedZip([{ name: 'report.pdf', data: '%PDF-1.4' }]));
    expect(notExport.statusCode).toBe(400);
    expect(notExport.json().error.fields).toEqual([
      { path: 'body', message: expect.stringMatching(/not a Slack export: there is no channels\.json/) },
    ]);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/status-requests/imports',
      headers: ops.headers,
      payload: { export: 'slack.zip' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.fields).toEqual([
      { path: 'body', message: 'must be a zip file (Content-Type: application/zip)' },
    ]);
    expect(await count()).toBe(stored);
    await expect.poll(uploadsLeft).toBe(before);
  });

  it('answers 413 past 200 MB, in the one error shape', async () => {
    const res = await upload(ops, 'PK', { 'content-length': String(MAX_EXPORT_BYTES + 1) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'the upload is larger than 200 MB',
        fields: [{ path: 'body', message: 'is larger than 200 MB' }],
      },
    });
  });
});
