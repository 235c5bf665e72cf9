import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea } from '../../../test/factories.ts';
import { outbox, scheduledActions, webhookSubscriptions } from '../../db/schema/index.ts';
import type { OutgoingMessage, WebhookExtras } from '../../integrations/message.ts';
import type { TWebhookEvent } from '../../shared/webhooks.ts';
import { systemActor } from '../actor.ts';
import { undoBroadcast } from '../broadcasts/undo.ts';
import { overrideGateCheck } from '../releases/overrides.ts';
import { recordDecision as recordGoNoGo } from '../releases/readiness.ts';
import { createRelease, updateRelease } from '../releases/releases.ts';
import { publishWeeklyUpdate } from '../updates/publish.ts';
import { checkGateForWebhooks } from './gate-check.ts';
import { createWebhook } from './subscriptions.ts';

let d: TestDatabase;
const ops = systemActor('ops');
const head = { personId: null, label: 'Hana Head', roles: ['head_of_product'] as const };
const NOW = new Date('2026-11-10T09:00:00Z');

beforeAll(async () => {
  d = await createTestDb();
});
afterAll(() => d.close());
beforeEach(async () => {
  await d.db.delete(outbox);
  await d.db.delete(webhookSubscriptions);
});

const subscribe = (events: TWebhookEvent[]) =>
  createWebhook({
    db: d.db,
    actor: ops,
    input: { url: 'https://hooks.example.com/x', description: '', events, active: true },
    now: NOW,
  });
const sent = async () =>
  (await d.db.select().from(outbox).where(eq(outbox.channel, 'webhook'))).map((r) => ({
    status: r.status,
    broadcastId: r.broadcastId,
    ...(r.message as OutgoingMessage).webhook!,
  })) as (WebhookExtras & { status: string; broadcastId: string | null })[];

describe('release events', () => {
  it('release.status_changed on an edit and on a go/no-go decision, with the previous status', async () => {
    await subscribe(['release.status_changed']);
    const area = await makeArea(d.db, { name: 'Billing' });
    const r = await createRelease({
      db: d.db,
      actor: ops,
      input: { title: 'Usage invoices', areaId: area.id, targetDate: '2027-02-01' },
      now: NOW,
    });
    expect(await sent()).toEqual([]);
    await updateRelease({ db: d.db, actor: ops, id: r.id, patch: { title: 'Usage invoices v2' }, now: NOW });
    expect(await sent()).toEqual([]);
    await updateRelease({ db: d.db, actor: ops, id: r.id, patch: { status: 'in_readiness' }, now: NOW });
    const later = new Date(NOW.getTime() + 60_000);
    await recordGoNoGo({
      db: d.db,
      actor: ops,
      releaseId: r.id,
      input: { decision: 'hold', reason: 'Not certified' },
      now: later,
    });
    const events = await sent();
    expect(events.map((e) => [e.event, (e.body.data as { previousStatus: string }).previousStatus])).toEqual([
      ['release.status_changed', 'planned'],
      ['release.status_changed', 'in_readiness'],
    ]);
    expect(events[1]!.body.data).toMatchObject({
      release: {
        id: r.id,
        title: 'Usage invoices v2',
        area: 'Billing',
        status: 'hold',
        path: `/releases/${r.id}`,
      },
    });
    // Stakeholder-safe: the go/no-go reason is the product org's.
    expect(JSON.stringify(events)).not.toContain('Not certified');
  });

  it('release.gate_changed: a change schedules a look at the gate, which tells only what changed', async () => {
    const r = await createRelease({
      db: d.db,
      actor: ops,
      input: { title: 'Public API', targetDate: '2027-02-01', attributes: ['api_change'], tier: 2 },
      now: NOW,
    });
    const checks = () =>
      d.db.select().from(scheduledActions).where(eq(scheduledActions.kind, 'webhook.gate_check'));
    // Nobody listens: nothing is scheduled.
    expect((await checks()).filter((a) => (a.payload as { releaseId: string }).releaseId === r.id)).toEqual(
      [],
    );
    await subscribe(['release.gate_changed']);
    await updateRelease({ db: d.db, actor: ops, id: r.id, patch: { title: 'Public API v2' }, now: NOW });
    expect((await checks()).some((a) => (a.payload as { releaseId: string }).releaseId === r.id)).toBe(true);

    expect(await checkGateForWebhooks(d.db, r.id, NOW)).toBe(true);
    expect(await checkGateForWebhooks(d.db, r.id, NOW)).toBe(false);
    const first = (await sent())[0]!;
    expect(first.body.data).toMatchObject({ previous: null, gate: { ready: false } });

    await overrideGateCheck({
      db: d.db,
      actor: head,
      releaseId: r.id,
      checkId: 'sections',
      reason: 'Docs ship next week, internal reason',
      expiresAt: new Date(NOW.getTime() + 86_400_000),
      now: NOW,
    });
    expect(await checkGateForWebhooks(d.db, r.id, NOW)).toBe(true);
    const second = (await sent())[1]!.body.data as {
      gate: { checks: { id: string; overridden: object | null }[] };
      previous: object;
    };
    expect(second.previous).toEqual((first.body.data as { gate: object }).gate);
    expect(second.gate.checks.find((c) => c.id === 'sections')!.overridden).toMatchObject({
      by: 'Hana Head',
    });
    // Who let it through and until when, never why.
    expect(JSON.stringify(second)).not.toContain('internal reason');
  });
});

describe('publications', () => {
  it('artifact.published waits with a held publication and is undone with it', async () => {
    await subscribe(['artifact.published']);
    const v = await publishWeeklyUpdate({
      db: d.db,
      actor: ops,
      week: '2026-W46',
      now: NOW,
      hold: { seconds: 60 },
    });
    const [e] = await sent();
    expect(e).toMatchObject({
      status: 'held',
      broadcastId: v.hold!.id,
      event: 'artifact.published',
      body: {
        type: 'artifact.published',
        data: {
          artifact: { kind: 'weekly_update', kindName: 'Weekly product update', key: '2026-W46', version: 1 },
        },
      },
    });
    await undoBroadcast({ db: d.db, actor: ops, id: v.hold!.id, now: new Date(NOW.getTime() + 10_000) });
    expect(await sent()).toEqual([]);
  });
});
