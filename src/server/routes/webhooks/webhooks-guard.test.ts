import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedIn } from '../../../../test/factories.ts';
import { startReceiver } from '../../../../test/webhook-receiver.ts';
import { webhookSubscriptions } from '../../../db/schema/index.ts';
import { outboundGuard } from '../../../integrations/net/outbound-guard.ts';
import { relayOnce } from '../../../jobs/outbox-relay.ts';
import { createWebhookDeliverer } from '../../../jobs/webhook-deliverer.ts';
import { systemActor } from '../../../services/actor.ts';
import { createWebhook } from '../../../services/webhooks/subscriptions.ts';
import { systemClock } from '../../../shared/clock.ts';
import type { TWebhook, TWebhookDelivery } from '../../../shared/webhooks.ts';

/**
 * Issue 18, server-side request forgery: with the operator's switch (PRODOPS_WEBHOOK_ALLOW_PRIVATE) off, a webhook
 * may not name a private or internal address, and a delivery to one is refused when it connects, for good.
 */
let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let ops: { headers: Record<string, string> };

const refuse = async () => ({ ok: false as const, retryable: false, error: 'not in this test' });
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: ops.headers,
    ...(body ? { payload: body as object } : {}),
  });
/** A subscription stored as a server that allowed any address would have (or before the guard existed). */
const stored = (url: string) =>
  createWebhook({
    db: t.database.db,
    actor: systemActor('test'),
    input: { url, description: '', events: ['decision.recorded'], active: true },
    now: systemClock.now(),
    guard: outboundGuard('all'),
  });
const fieldsOf = (res: { json(): { error: { fields: { path: string; message: string }[] } } }) =>
  res.json().error.fields;

beforeAll(async () => {
  t = await createTestApp();
  receiver = await startReceiver();
  ops = await signedIn(t.database.db, ['product_ops']);
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

describe('registering a webhook', () => {
  it.each([
    ['http://127.0.0.1:8080/hooks', 'loopback'],
    ['http://localhost:3000/hooks', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://10.0.0.5/hooks', 'private network'],
    ['http://192.168.1.20/hooks', 'private network'],
    ['http://[::1]/hooks', 'loopback'],
    ['http://[fd00::1]/hooks', 'unique-local'],
    ['http://[::ffff:127.0.0.1]/hooks', 'loopback'],
    ['http://0.0.0.0/hooks', 'unspecified'],
    ['http://2130706433/hooks', 'loopback'],
    ['https://bot:secret@hooks.example.com/x', 'user name or password'],
  ])('refuses %s with a 400 naming url (%s), writing nothing', async (url, words) => {
    const res = await call('POST', '/webhooks', { url, events: ['decision.recorded'] });
    expect(res.statusCode).toBe(400);
    const [field] = fieldsOf(res);
    expect(field).toEqual({ path: 'url', message: expect.stringContaining(words) });
    expect(field!.message).toMatch(/^must /);
    expect((await call('GET', '/webhooks')).json().items).toEqual([]);
  });

  it('refuses a change of URL to a private address and keeps the old one', async () => {
    const row = await stored('https://hooks.example.com/a');
    const res = await call('PATCH', `/webhooks/${row!.id}`, {
      url: 'http://172.16.4.4/hooks',
      active: false,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([
      { path: 'url', message: expect.stringContaining('172.16.4.4 is a private') },
    ]);
    const after = (await call('GET', `/webhooks/${row!.id}`)).json() as TWebhook;
    expect(after).toMatchObject({ url: 'https://hooks.example.com/a', active: true });
    await t.database.db.delete(webhookSubscriptions);
  });
});

describe('delivering', () => {
  /** One pass of the relay with the production webhook deliverer's defaults: no private address allowed. */
  const relay = (webhook?: ReturnType<typeof createWebhookDeliverer>) =>
    relayOnce({
      db: t.database.db,
      deliverers: { email: refuse, slack: refuse, ...(webhook ? { webhook } : {}) },
      instance: 'test',
      backoffMs: 1,
    });
  const deliveries = async (id: string) =>
    (await call('GET', `/webhooks/${id}/deliveries`)).json().items as TWebhookDelivery[];

  it('refuses, at send time, a stored URL on localhost: logged as failed with the reason, never retried', async () => {
    const row = await stored(`http://localhost:${new URL(receiver.url).port}/x`);
    expect((await call('POST', `/webhooks/${row!.id}/ping`)).statusCode).toBe(201);
    expect(await relay()).toBe(1);
    expect(await relay()).toBe(0);
    const [d] = await deliveries(row!.id);
    expect(d).toMatchObject({ status: 'dead', attempts: 1 });
    expect(d!.lastError).toMatch(/^refused before sending: the webhook URL must not point at a private/);
    expect(d!.log).toEqual([expect.objectContaining({ result: 'dead', detail: d!.lastError })]);
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses a name that passed registration and now resolves to 127.0.0.1; the switch lets it through', async () => {
    const port = new URL(receiver.url).port;
    const created = await call('POST', '/webhooks', {
      url: `http://hooks.example.com:${port}/hooks/prodops`,
      events: ['decision.recorded'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const rebound = async () => [{ address: '127.0.0.1', family: 4 }];
    await call('POST', `/webhooks/${id}/ping`);
    expect(await relay(createWebhookDeliverer(t.database.db, { resolve: rebound }))).toBe(1);
    expect((await deliveries(id))[0]!.lastError).toContain(
      'hooks.example.com resolves to 127.0.0.1, a loopback',
    );
    expect(receiver.received).toHaveLength(0);

    await call('POST', `/webhooks/${id}/ping`);
    const allowed = createWebhookDeliverer(t.database.db, { resolve: rebound, allowPrivate: ['127.0.0.1'] });
    expect(await relay(allowed)).toBe(1);
    expect((await deliveries(id))[0]).toMatchObject({ status: 'sent' });
    expect(receiver.received).toHaveLength(1);
  });
});
