import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../test/db.ts';
import { scheduledActions } from '../db/schema/index.ts';
import { type ActionHandlers, scheduleAction } from '../services/scheduling.ts';
import { manualClock } from '../shared/clock.ts';
import type { TActionKind } from '../shared/scheduling.ts';
import { runDueActions } from './actions.ts';

let d: TestDatabase;
const ran: string[] = [];
// Two real kinds of the catalog stand in: one records that it ran, one fails after writing.
const handlers: Partial<ActionHandlers> = {
  'insights.retrain': async ({ action }) => {
    ran.push(action.key);
  },
  'insights.triage': async ({ tx, action }) => {
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

const clock = manualClock('2026-11-21T10:00:00Z');
const ago = (ms: number) => new Date(clock.now().getTime() - ms);
const schedule = (
  key: string,
  dueAt: Date,
  extra: { latePolicy?: 'run_late' | 'skip_if_late'; graceSeconds?: number; fails?: boolean } = {},
) =>
  d.db.transaction((tx) =>
    extra.fails
      ? scheduleAction(tx, {
          kind: 'insights.triage',
          key,
          dueAt,
          latePolicy: 'run_late',
          payload: { week: '2026-W47' },
        })
      : scheduleAction(tx, {
          kind: 'insights.retrain',
          key,
          dueAt,
          latePolicy: extra.latePolicy ?? 'run_late',
          graceSeconds: extra.graceSeconds,
          payload: {},
        }),
  );
const run = () => runDueActions({ db: d.db, handlers, clock, instance: 'test' });
const statusOf = async (key: string) =>
  (await d.db.select().from(scheduledActions).where(eq(scheduledActions.key, key)))[0];

describe('scheduled actions', () => {
  it('runs a due action once, and not one that is not due', async () => {
    await schedule('due', ago(1000));
    await schedule('later', new Date(clock.now().getTime() + 3_600_000));
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
    await schedule('moved', new Date(clock.now().getTime() + 3_600_000));
    await schedule('moved', ago(1000));
    await run();
    expect(ran.filter((k) => k === 'moved')).toHaveLength(1);
    await schedule('moved', ago(500));
    await run();
    expect(ran.filter((k) => k === 'moved')).toHaveLength(1);
  });

  it('rolls back a failing effect, keeps the action pending with backoff, then marks it failed', async () => {
    await schedule('fails', ago(1000), { fails: true });
    const first = await run();
    expect(first.failed).toBe(1);
    const after = await statusOf('fails');
    expect(after).toMatchObject({ status: 'pending', attempts: 1, lastError: 'boom' });
    expect(after!.dueAt.getTime()).toBe(clock.now().getTime() + 30_000);
    for (let i = 0; i < 4; i++) {
      await d.db
        .update(scheduledActions)
        .set({ dueAt: ago(1) })
        .where(eq(scheduledActions.key, 'fails'));
      await run();
    }
    expect(await statusOf('fails')).toMatchObject({ status: 'failed', attempts: 5, lastError: 'boom' });
  });

  it('runs by its clock, not the machine clock: an action due tomorrow runs when the clock gets there', async () => {
    await schedule('tomorrow', new Date(clock.now().getTime() + 86_400_000));
    await run();
    expect(ran).not.toContain('tomorrow');
    clock.advance(86_400_000);
    await run();
    expect(ran.filter((k) => k === 'tomorrow')).toHaveLength(1);
  });

  it('refuses a payload that does not match its kind, when scheduled and when run', async () => {
    await expect(
      d.db.transaction((tx) =>
        scheduleAction(tx, {
          kind: 'insights.triage',
          key: 'bad',
          dueAt: ago(1),
          latePolicy: 'run_late',
          payload: { week: 47 } as unknown as { week: string },
        }),
      ),
    ).rejects.toThrow(/week/);
    await d.db.insert(scheduledActions).values({
      kind: 'insights.retrain',
      key: 'no-such-payload',
      dueAt: ago(1),
      latePolicy: 'run_late',
      payload: { week: 1 },
    });
    await d.db.insert(scheduledActions).values({
      // The column is typed by this build's kinds, but the database holds text: one from another build.
      kind: 'no.such_kind' as TActionKind,
      key: 'unknown-kind',
      dueAt: ago(1),
      latePolicy: 'run_late',
      payload: {},
    });
    const out = await run();
    expect(out.failed).toBe(2);
    expect(await statusOf('unknown-kind')).toMatchObject({
      status: 'pending',
      lastError: 'no handler for action kind no.such_kind',
    });
    expect((await statusOf('no-such-payload'))?.lastError).toMatch(/week/);
  });
});
