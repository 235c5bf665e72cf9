import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makePerson } from '../../../test/factories.ts';
import { decisionEvents, outbox, scheduledActions } from '../../db/schema/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { ACTION_HANDLERS } from '../../jobs/index.ts';
import { systemClock } from '../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { updatePerson } from '../org/people.ts';
import { updateSettings } from '../org/settings.ts';
import { decisionWorld } from './decisions.fixture.ts';
import { recordDecision, revisitDecision } from './decisions.ts';
import { reviewReminderKey } from './reminders.ts';
import { getDecision } from './view.ts';

/**
 * Review reminders run through the real scheduled-action runner, which compares due instants with the
 * database clock: reminders meant to fire have review dates already past (autumn 2026), the others 2030.
 */

let d: TestDatabase;
let w: Awaited<ReturnType<typeof decisionWorld>>;
const ops = systemActor('ops');
/** Thursday 1 October 2026, noon in Paris. */
const NOW = new Date('2026-10-01T10:00:00Z');

beforeAll(async () => {
  d = await createTestDb();
  await updateSettings({
    db: d.db,
    actor: ops,
    settings: { ...DEFAULT_SETTINGS, timeZone: 'Europe/Paris' },
    now: systemClock.now(),
  });
  w = await decisionWorld(d.db);
});
afterAll(() => d.close());

const record = (over: Parameters<typeof w.input>[0]) =>
  recordDecision({ db: d.db, actor: ops, input: w.input(over), now: NOW });
const runDue = () =>
  runDueActions({ db: d.db, handlers: ACTION_HANDLERS, clock: systemClock, instance: 'test' });
const actionsOf = (id: string) =>
  d.db
    .select()
    .from(scheduledActions)
    .where(like(scheduledActions.key, `decision-review:${id}:%`))
    .orderBy(scheduledActions.dueAt);
const messagesOf = (id: string) =>
  d.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, 'decision.review_due'), eq(outbox.ref, id)));
const remindedEvents = (id: string) =>
  d.db
    .select()
    .from(decisionEvents)
    .where(and(eq(decisionEvents.decisionId, id), eq(decisionEvents.kind, 'review_reminded')));

describe('review reminders', () => {
  it('are scheduled for 09:00 org time on the review date, and run late rather than never', async () => {
    const summer = await record({ reviewDate: '2030-07-01' });
    const winter = await record({ reviewDate: '2030-01-15' });
    const [s] = await actionsOf(summer.id);
    const [wi] = await actionsOf(winter.id);
    expect(s).toMatchObject({
      kind: 'decision.review_due',
      key: reviewReminderKey(summer.id, '2030-07-01'),
      status: 'pending',
      latePolicy: 'run_late',
      dueAt: new Date('2030-07-01T07:00:00Z'), // CEST
    });
    expect(wi!.dueAt).toEqual(new Date('2030-01-15T08:00:00Z')); // CET
    await runDue();
    expect((await actionsOf(summer.id))[0]!.status).toBe('pending');
    expect(await messagesOf(summer.id)).toEqual([]);
  });

  it('remind the owner once when the date arrives: two runs, one message, one event', async () => {
    const v = await record({ title: 'Sunset the legacy API', reviewDate: '2026-10-15' });
    await runDue();
    await runDue();
    const sent = await messagesOf(v.id);
    // One message, one copy per channel the owner reads (inbox, and email by default).
    expect(sent.map((m) => [m.channel, m.personId]).sort()).toEqual([
      ['email', w.maya.id],
      ['inbox', w.maya.id],
    ]);
    const message = sent[0]!.message as OutgoingMessage;
    expect(message.title).toBe(`Review due: decision #${v.number} Sunset the legacy API`);
    expect(message.summary).toContain('is due for review on 2026-10-15');
    expect(message.link).toEqual({ label: 'Open the decision', url: `/decisions/${v.id}` });
    expect(await remindedEvents(v.id)).toHaveLength(1);
    expect((await actionsOf(v.id)).map((a) => a.status)).toEqual(['done']);
    const after = (await getDecision(d.db, v.id, systemClock.now()))!;
    expect(after.reviewDue).toBe(true);
    expect(after.history.map((e) => [e.kind, e.nextReviewDate, e.by])).toEqual([
      ['recorded', '2026-10-15', 'ops'],
      ['review_reminded', '2026-10-15', 'prodops'],
    ]);
  });

  it('never reach a decision superseded before its review date', async () => {
    const v = await record({ reviewDate: '2026-10-16' });
    await revisitDecision({
      db: d.db,
      actor: ops,
      id: v.id,
      now: NOW,
      input: { outcome: 'superseded', note: 'Replaced', replacement: w.input({ reviewDate: '2030-02-01' }) },
    });
    await runDue();
    expect(await messagesOf(v.id)).toEqual([]);
    expect(await remindedEvents(v.id)).toEqual([]);
    expect((await actionsOf(v.id)).map((a) => a.status)).toEqual(['cancelled']);
  });

  it('follow a decision kept with a new date: the old date stays silent, the new one reminds once', async () => {
    const v = await record({ reviewDate: '2026-10-17' });
    // Kept on 2 October, to be looked at again on 20 November (a date that has passed for this test run).
    await revisitDecision({
      db: d.db,
      actor: ops,
      id: v.id,
      now: new Date('2026-10-02T10:00:00Z'),
      input: { outcome: 'kept', note: 'Wait for Q4 numbers', nextReviewDate: '2026-11-20' },
    });
    expect((await actionsOf(v.id)).map((a) => [a.key, a.dueAt.toISOString()])).toEqual([
      [reviewReminderKey(v.id, '2026-10-17'), '2026-10-17T07:00:00.000Z'],
      [reviewReminderKey(v.id, '2026-11-20'), '2026-11-20T08:00:00.000Z'],
    ]);
    await runDue();
    await runDue();
    expect((await messagesOf(v.id)).filter((m) => m.channel === 'inbox')).toHaveLength(1);
    expect((await remindedEvents(v.id)).map((e) => e.nextReviewDate)).toEqual(['2026-11-20']);
  });

  it('a decision kept to a future date gets a new pending reminder for it', async () => {
    const v = await record({ reviewDate: '2030-03-01' });
    await revisitDecision({
      db: d.db,
      actor: ops,
      id: v.id,
      now: NOW,
      input: { outcome: 'kept', note: 'Fine', nextReviewDate: '2030-09-01' },
    });
    expect((await actionsOf(v.id)).map((a) => [a.key, a.status])).toEqual([
      [reviewReminderKey(v.id, '2030-03-01'), 'pending'],
      [reviewReminderKey(v.id, '2030-09-01'), 'pending'],
    ]);
  });

  it('go to Product Ops when the owner has left', async () => {
    const priya = await makePerson(d.db, { roles: ['product_ops'], function: 'product_ops' });
    const leaver = await makePerson(d.db, { roles: ['pm'] });
    const v = await record({ ownerId: leaver.id, reviewDate: '2026-10-20' });
    await updatePerson({
      db: d.db,
      actor: ops,
      id: leaver.id,
      patch: { active: false },
      now: systemClock.now(),
    });
    await runDue();
    const inbox = (await messagesOf(v.id)).filter((m) => m.channel === 'inbox');
    expect(inbox.map((m) => m.personId)).toEqual([priya.id]);
    expect(await remindedEvents(v.id)).toHaveLength(1);
  });
});
