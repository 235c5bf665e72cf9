import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedIn } from '../../../../test/factories.ts';
import { statusQuestions } from '../../../db/schema/index.ts';
import { systemActor } from '../../../services/actor.ts';
import { createRoadmapItem, markRatified, updateRoadmapItem } from '../../../services/roadmap/items.ts';
import { seedDemoIfEmpty } from '../../../services/setup/demo.ts';
import { manualClock } from '../../../shared/clock.ts';
import type { TStatusAnswer } from '../../../shared/status.ts';

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
