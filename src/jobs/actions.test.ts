import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../test/db.ts';
import { scheduledActions } from '../db/schema/index.ts';
import { type ActionHandler, runDueActions, scheduleAction } from './actions.ts';

let d: TestDatabase;
const ran: string[] = [];
const handlers: Record<string, ActionHandler> = {
  'test.record': async ({ action }) => {
    ran.push(action.key);
  },
  'test.fail': async ({ tx, action }) => {
    // The effect is written, then the handler fails: the write must not survive.
    await tx
      .update(scheduledActions)
      .set({ lastError: 'half-done' })
      .where(eq(scheduledActions.id, action.id));
    throw new Error('boom');
  },
};

beforeAll(async () => {
  d = await createTestDb();
});
afterAll(() => d.close());

const ago = (ms: number) => new Date(Date.now() - ms);
const schedule = (key: string, dueAt: Date, extra: Partial<Parameters<typeof scheduleAction>[1]> = {}) =>
  d.db.transaction((tx) =>
    scheduleAction(tx, { kind: 'test.record', key, dueAt, latePolicy: 'run_late', payload: {}, ...extra }),
  );
const run = () => runDueActions({ db: d.db, handlers, instance: 'test' });
const statusOf = async (key: string) =>
  (await d.db.select().from(scheduledActions).where(eq(scheduledActions.key, key)))[0];

describe('scheduled actions', () => {
  it('runs a due action once, and not one that is not due', async () => {
    await schedule('due', ago(1000));
    await schedule('later', new Date(Date.now() + 3_600_000));
    await run();
    await run();
    expect(ran.filter((k) => k === 'due')).toHaveLength(1);
    expect(ran).not.toContain('later');
    expect(await statusOf('due')).toMatchObject({ status: 'done', ranBy: 'test' });
    expect(await statusOf('later')).toMatchObject({ status: 'pending' });
  });

  it('after downtime runs a late run_late action once, and records a late skip_if_late one as missed', async () => {
    await schedule('late-run', ago(6 * 3_600_000));
    await schedule('late-skip', ago(6 * 3_600_000), { latePolicy: 'skip_if_late', graceSeconds: 600 });
    await schedule('recent-skip', ago(60_000), { latePolicy: 'skip_if_late', graceSeconds: 600 });
    await run();
    expect(ran.filter((k) => k === 'late-run')).toHaveLength(1);
    expect(ran).not.toContain('late-skip');
    expect(ran.filter((k) => k === 'recent-skip')).toHaveLength(1);
    expect(await statusOf('late-skip')).toMatchObject({ status: 'missed' });
  });

  it('moves a pending action when rescheduled, but never revives a done one', async () => {
    await schedule('moved', new Date(Date.now() + 3_600_000));
    await schedule('moved', ago(1000));
    await run();
    expect(ran.filter((k) => k === 'moved')).toHaveLength(1);
    await schedule('moved', ago(500));
    await run();
    expect(ran.filter((k) => k === 'moved')).toHaveLength(1);
  });

  it('rolls back a failing effect, keeps the action pending with backoff, then marks it failed', async () => {
    await schedule('fails', ago(1000), { kind: 'test.fail' });
    const first = await run();
    expect(first.failed).toBe(1);
    const after = await statusOf('fails');
    expect(after).toMatchObject({ status: 'pending', attempts: 1, lastError: 'boom' });
    expect(after!.dueAt.getTime()).toBeGreaterThan(Date.now());
    for (let i = 0; i < 4; i++) {
      await d.db
        .update(scheduledActions)
        .set({ dueAt: ago(1) })
        .where(eq(scheduledActions.key, 'fails'));
      await run();
    }
    expect(await statusOf('fails')).toMatchObject({ status: 'failed', attempts: 5, lastError: 'boom' });
  });
});
