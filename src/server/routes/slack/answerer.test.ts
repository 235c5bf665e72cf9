import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../../test/db.ts';
import { makePerson } from '../../../../test/factories.ts';
import { statusQuestions } from '../../../db/schema/index.ts';
import { seedDemoIfEmpty } from '../../../services/setup/demo.ts';
import { slackStatusAnswerer } from './answerer.ts';

/** Issue 14: /status in Slack answered by the status service, as the Slack user may read it. */
const now = new Date('2026-11-18T15:00:00Z');
let d: TestDatabase;

beforeAll(async () => {
  d = await createTestDb();
  await seedDemoIfEmpty(d.db, now);
  await makePerson(d.db, { roles: ['product_ops'], slackId: 'U0OPS', name: 'Olive Ops' });
  await makePerson(d.db, {
    roles: ['stakeholder'],
    function: 'sales',
    slackId: 'U0SALES',
    name: 'Sid Sales',
  });
}, 120_000);
afterAll(() => d.close());

const ask = (slackUserId: string, q: string, audience: 'asker' | 'channel' = 'asker') =>
  slackStatusAnswerer(d.db)({ q, slackUserId, teamId: 'T1', channel: 'slack', now, audience });
const asked = async () => (await d.db.select({ n: count() }).from(statusQuestions))[0]!.n;

describe('the Slack answerer', () => {
  it('answers the product org with the working roadmap, internal items included', async () => {
    expect((await ask('U0OPS', 'tax engine upgrade')).card).toMatchObject({ title: 'Tax engine upgrade' });
  });

  it('gives a stakeholder, an unknown Slack user and a shared card nothing internal', async () => {
    for (const a of [
      await ask('U0SALES', 'tax engine upgrade'),
      await ask('U0NOBODY', 'tax engine upgrade'),
      await ask('U0OPS', 'tax engine upgrade', 'channel'),
    ]) {
      expect(a.card?.title ?? '').not.toMatch(/tax engine/i);
      expect(a.choices.map((c) => c.title).join()).not.toMatch(/tax engine/i);
    }
  });

  it('counts a question once: the copy asked again to share it is not logged', async () => {
    const before = await asked();
    await ask('U0OPS', 'scim provisioning');
    await ask('U0OPS', 'scim provisioning', 'channel');
    expect((await asked()) - before).toBe(1);
  });
});
