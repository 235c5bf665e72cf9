import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import {
  outbox,
  releases,
  scheduledActions,
  webhookGateStates,
  webhookSubscriptions,
} from '../../db/schema/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { ACTION_HANDLERS } from '../../jobs/index.ts';
import { manualClock } from '../../shared/clock.ts';
import { systemActor } from '../actor.ts';
import { overrideGateCheck } from '../releases/overrides.ts';
import { createRelease } from '../releases/releases.ts';
import { type GateState, sweepGatesForWebhooks } from './gate-check.ts';
import { createWebhook } from './subscriptions.ts';

/**
 * Issue 18: a gate that changes with time alone (an override ends, no write) is told to release.gate_changed
 * subscribers by the 15-minute sweep, or by the check scheduled at the override's end; once, whichever comes first.
 */
let d: TestDatabase;
const ops = systemActor('ops');
const head = { personId: null, label: 'Hana Head', roles: ['head_of_product'] as const };
const NOW = new Date('2026-11-10T09:00:00Z');
const HOUR = 3_600_000;
const clock = manualClock(NOW);

beforeAll(async () => {
  d = await createTestDb();
});
afterAll(() => d.close());
beforeEach(async () => {
  clock.set(NOW);
  await d.db.delete(outbox);
  await d.db.delete(webhookSubscriptions);
  await d.db.delete(webhookGateStates);
  await d.db.delete(scheduledActions);
  // Each test's releases are the only ones: a sweep's counts are theirs.
  await d.db.delete(releases);
});

const subscribe = () =>
  createWebhook({
    db: d.db,
    actor: ops,
    input: {
      url: 'https://hooks.example.com/gate',
      description: '',
      events: ['release.gate_changed'],
      active: true,
    },
    now: NOW,
  });

/** A Tier 2 release with its bundle's sections missing: the gate holds it. */
const heldRelease = (title: string) =>
  createRelease({
    db: d.db,
    actor: ops,
    input: { title, targetDate: '2027-02-01', attributes: ['api_change'], tier: 2 },
    now: NOW,
  });

const letThrough = (releaseId: string, hours: number) =>
  overrideGateCheck({
    db: d.db,
    actor: head,
    releaseId,
    checkId: 'sections',
    reason: 'Docs ship next week',
    expiresAt: new Date(NOW.getTime() + hours * HOUR),
    now: NOW,
  });

interface GateEvent {
  release: { id: string };
  gate: GateState;
  previous: GateState | null;
}
const gateEvents = async (releaseId: string) =>
  (await d.db.select().from(outbox).where(eq(outbox.channel, 'webhook')).orderBy(outbox.createdAt))
    .map((r) => (r.message as OutgoingMessage).webhook!)
    .filter((w) => w.event === 'release.gate_changed')
    .map((w) => w.body.data as GateEvent)
    .filter((e) => e.release.id === releaseId);
const sections = (s: GateState) => s.checks.find((c) => c.id === 'sections')!;
const runActions = () => runDueActions({ db: d.db, handlers: ACTION_HANDLERS, clock, instance: 'test' });

describe('the gate sweep', () => {
  it('does nothing when nobody listens to release.gate_changed', async () => {
    const r = await heldRelease('Quiet release');
    expect(await sweepGatesForWebhooks(d.db, NOW)).toEqual({ checked: 0, changed: 0 });
    expect(await d.db.select().from(webhookGateStates).where(eq(webhookGateStates.releaseId, r.id))).toEqual(
      [],
    );
  });

  it('an override ends with no write: the sweep tells it once, a second sweep tells nothing', async () => {
    await subscribe();
    const r = await heldRelease('Usage invoices');
    await letThrough(r.id, 2);
    // The override's own check: what webhooks hear first (let through, by whom, until when).
    await runActions();
    const [first] = await gateEvents(r.id);
    expect(first).toMatchObject({ previous: null, gate: { ready: false } });
    expect(sections(first!.gate)).toMatchObject({ ok: true, overridden: { by: 'Hana Head' } });

    clock.set(new Date(NOW.getTime() + HOUR));
    expect((await sweepGatesForWebhooks(d.db, clock.now())).changed).toBe(0);
    expect(await gateEvents(r.id)).toHaveLength(1);

    // Two hours on the override has ended; nobody wrote anything. The sweep runs before the scheduled check.
    clock.set(new Date(NOW.getTime() + 2 * HOUR + 60_000));
    const swept = await sweepGatesForWebhooks(d.db, clock.now());
    expect(swept.changed).toBe(1);
    const events = await gateEvents(r.id);
    expect(events).toHaveLength(2);
    expect(sections(events[1]!.gate)).toMatchObject({ ok: false, overridden: null });
    expect(events[1]!.previous).toEqual(first!.gate);

    expect(await sweepGatesForWebhooks(d.db, clock.now())).toMatchObject({ changed: 0 });
    // The check scheduled at the override's end finds webhooks already told.
    await runActions();
    expect(await gateEvents(r.id)).toHaveLength(2);
  });

  it("an override's end is looked at at its instant, without waiting for the sweep", async () => {
    await subscribe();
    const r = await heldRelease('Usage exports');
    const override = await letThrough(r.id, 3);
    const ends = new Date(override.expiresAt);
    const [atEnd] = await d.db
      .select()
      .from(scheduledActions)
      .where(and(eq(scheduledActions.kind, 'webhook.gate_check'), eq(scheduledActions.dueAt, ends)));
    expect(atEnd!.payload).toEqual({ releaseId: r.id });

    await runActions();
    expect(await gateEvents(r.id)).toHaveLength(1);
    clock.set(new Date(ends.getTime() - 1));
    await runActions();
    expect(await gateEvents(r.id)).toHaveLength(1);
    clock.set(ends);
    await runActions();
    const events = await gateEvents(r.id);
    expect(events).toHaveLength(2);
    expect(sections(events[1]!.gate).overridden).toBeNull();
    expect((await sweepGatesForWebhooks(d.db, clock.now())).changed).toBe(0);
  });

  it('leaves releases launched or rolled back long ago alone, and looks at recent ones', async () => {
    await subscribe();
    const old = await heldRelease('Launched in the summer');
    const recent = await heldRelease('Launched last week');
    await d.db
      .update(releases)
      .set({ status: 'launched', launchedOn: '2026-07-01' })
      .where(eq(releases.id, old.id));
    await d.db
      .update(releases)
      .set({ status: 'launched', launchedOn: '2026-11-03' })
      .where(eq(releases.id, recent.id));
    await sweepGatesForWebhooks(d.db, NOW);
    const told = (await d.db.select().from(webhookGateStates)).map((s) => s.releaseId);
    expect(told).toContain(recent.id);
    expect(told).not.toContain(old.id);
  });
});
