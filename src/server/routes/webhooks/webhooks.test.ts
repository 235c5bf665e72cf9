import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedIn } from '../../../../test/factories.ts';
import { type Received, signatureValid, startReceiver } from '../../../../test/webhook-receiver.ts';
import { outbox } from '../../../db/schema/index.ts';
import { relayOnce } from '../../../jobs/outbox-relay.ts';
import { createWebhookDeliverer } from '../../../jobs/webhook-deliverer.ts';
import { systemActor } from '../../../services/actor.ts';
import { recordDecision } from '../../../services/decisions/decisions.ts';
import { emitEvent } from '../../../services/webhooks/events.ts';
import { systemClock } from '../../../shared/clock.ts';
import type { TWebhookDelivery, TWebhookWithSecret } from '../../../shared/webhooks.ts';

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let ops: { headers: Record<string, string>; person: { id: string } };
let hook: TWebhookWithSecret;

const refuse = async () => ({ ok: false as const, retryable: false, error: 'not in this test' });
/** The receiver listens on 127.0.0.1: the operator's switch lets webhooks reach it (PRODOPS_WEBHOOK_ALLOW_PRIVATE). */
const ALLOW_PRIVATE = ['127.0.0.1'];
/** One pass of the relay (the webhook deliverer with the switch, 1 ms backoff so a retry is due at once). */
const relay = () =>
  relayOnce({
    db: t.database.db,
    deliverers: {
      email: refuse,
      slack: refuse,
      webhook: createWebhookDeliverer(t.database.db, { allowPrivate: ALLOW_PRIVATE }),
    },
    instance: 'test',
    backoffMs: 1,
  });
/** Relays until the receiver has `n` requests (a retry is due 1 ms after its failure, on the database's clock). */
async function relayUntil(n: number): Promise<Received[]> {
  const received = async () => {
    await relay();
    return receiver.received.length;
  };
  await expect.poll(received, { timeout: 10_000 }).toBe(n);
  return receiver.received;
}

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, who = ops) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who.headers,
    ...(body ? { payload: body as object } : {}),
  });

beforeAll(async () => {
  t = await createTestApp({ webhookAllowPrivate: ALLOW_PRIVATE });
  receiver = await startReceiver();
  ops = await signedIn(t.database.db, ['product_ops'], { name: 'Olivia Ops' });
  const res = await call('POST', '/webhooks', {
    url: receiver.url,
    description: 'Release bot',
    events: ['decision.recorded', 'release.status_changed'],
  });
  expect(res.statusCode).toBe(201);
  hook = res.json();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

async function decide(title: string) {
  const owner = await signedIn(t.database.db, ['pm']);
  return recordDecision({
    db: t.database.db,
    actor: systemActor('test'),
    now: systemClock.now(),
    input: {
      title,
      context: 'Seats penalise viewers.',
      options: ['Seats', 'Usage'],
      rationale: 'Usage tracks value.',
      ownerId: owner.person.id,
      reviewDate: '2099-01-15',
    },
  });
}

describe('subscriptions', () => {
  it('shows the secret once, at creation; the list names who created it and never the secret', async () => {
    expect(hook.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(hook).toMatchObject({ createdBy: 'Olivia Ops', active: true, lastDelivery: null });
    const list = await call('GET', '/webhooks');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(hook.secret);
    expect(list.json().items.map((h: { id: string }) => h.id)).toContain(hook.id);
  });

  it('refuses a URL that is not http(s) and an empty event list, naming the fields; writes nothing', async () => {
    const res = await call('POST', '/webhooks', { url: 'ftp://example.com/x', events: [] });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['url', 'events']));
    expect((await call('GET', '/webhooks')).json().items).toHaveLength(1);
  });

  it('is Product Ops’ and the admin’s alone', async () => {
    for (const roles of [['pm'], ['head_of_product'], ['stakeholder'], ['engineer']] as const) {
      const who = await signedIn(t.database.db, [...roles]);
      expect((await call('GET', '/webhooks', undefined, who)).statusCode).toBe(403);
      expect((await call('POST', `/webhooks/${hook.id}/ping`, undefined, who)).statusCode).toBe(403);
    }
    const admin = await signedIn(t.database.db, ['admin']);
    expect((await call('GET', `/webhooks/${hook.id}`, undefined, admin)).statusCode).toBe(200);
  });
});

describe('delivery', () => {
  it('posts the event signed with the secret: event, delivery id and signature headers, a JSON body', async () => {
    const d = await decide('Price by usage');
    const [got] = await relayUntil(1);
    expect(got!.headers['x-prodops-event']).toBe('decision.recorded');
    expect(got!.headers['content-type']).toContain('application/json');
    expect(signatureValid(hook.secret, got!.raw, got!.headers['x-prodops-signature-256'])).toBe(true);
    expect(signatureValid('whsec_wrong', got!.raw, got!.headers['x-prodops-signature-256'])).toBe(false);
    const [row] = await t.database.db.select().from(outbox).where(eq(outbox.webhookId, hook.id));
    expect(got!.headers['x-prodops-delivery']).toBe(row!.id);
    expect(got!.body).toMatchObject({
      type: 'decision.recorded',
      id: expect.stringMatching(/^evt_/),
      data: { decision: { id: d.id, number: d.number, title: 'Price by usage', path: `/decisions/${d.id}` } },
    });
    expect(new Date(got!.body.occurredAt).toISOString()).toBe(got!.body.occurredAt);
    // Stakeholder-safe: the decision's context and rationale are not carried.
    expect(got!.raw).not.toContain('Seats penalise');
  });

  it('retries a failed delivery with the outbox backoff and logs each attempt', async () => {
    receiver.answer(500);
    await decide('Retry me');
    const got = await relayUntil(3);
    expect(got[1]!.body.id).toBe(got[2]!.body.id);
    expect(got[1]!.headers['x-prodops-delivery']).toBe(got[2]!.headers['x-prodops-delivery']);
    const list = (await call('GET', `/webhooks/${hook.id}/deliveries`)).json().items as TWebhookDelivery[];
    const retried = list.find((x) => x.id === got[2]!.headers['x-prodops-delivery'])!;
    expect(retried).toMatchObject({ status: 'sent', attempts: 2, event: 'decision.recorded' });
    expect(retried.log.map((l) => l.result)).toEqual(['failed', 'sent']);
    expect(retried.log[0]!.detail).toBe('HTTP 500: try later');
  });

  it('replays a delivery: the same event and body as a new delivery id', async () => {
    const first = receiver.received[0]!;
    const id = first.headers['x-prodops-delivery'] as string;
    const res = await call('POST', `/webhooks/${hook.id}/deliveries/${id}/replay`);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ replayOf: id, status: 'pending', eventId: first.body.id });
    const got = await relayUntil(4);
    expect(got[3]!.raw).toBe(first.raw);
    expect(got[3]!.headers['x-prodops-delivery']).toBe(res.json().id);
    expect(got[3]!.headers['x-prodops-delivery']).not.toBe(id);
  });

  it('sends a test ping; a rotated secret signs from then on and the old one no longer verifies', async () => {
    const rotated = await call('POST', `/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const secret = rotated.json().secret as string;
    expect(secret).not.toBe(hook.secret);
    expect((await call('POST', `/webhooks/${hook.id}/ping`)).statusCode).toBe(201);
    const got = (await relayUntil(5))[4]!;
    expect(got.body.type).toBe('ping');
    expect(signatureValid(secret, got.raw, got.headers['x-prodops-signature-256'])).toBe(true);
    expect(signatureValid(hook.secret, got.raw, got.headers['x-prodops-signature-256'])).toBe(false);
    hook = { ...hook, secret };
  });

  it('sends nothing for an event emitted in a transaction that rolled back', async () => {
    const before = (await t.database.db.select().from(outbox)).length;
    await expect(
      t.database.db.transaction(async (tx) => {
        await emitEvent(tx, {
          type: 'decision.recorded',
          key: 'rolled-back',
          title: 'Never happened',
          data: {},
          now: systemClock.now(),
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await t.database.db.select().from(outbox)).toHaveLength(before);
    expect(await relay()).toBe(0);
    expect(receiver.received).toHaveLength(5);
  });

  it('a paused subscription hears nothing new; events it does not choose never reach it', async () => {
    const paused = await call('PATCH', `/webhooks/${hook.id}`, { active: false });
    expect(paused.json()).toMatchObject({ active: false, lastDelivery: { status: 'sent' } });
    await decide('While paused');
    await call('PATCH', `/webhooks/${hook.id}`, { active: true, events: ['polish_mode.entered'] });
    await decide('Not chosen');
    expect(await relay()).toBe(0);
    expect(receiver.received).toHaveLength(5);
  });

  it('removing a subscription keeps no way to reach it: 404 afterwards', async () => {
    expect((await call('DELETE', `/webhooks/${hook.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/webhooks/${hook.id}`)).statusCode).toBe(404);
  });
});
