import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedIn } from '../../../../test/factories.ts';
import { auditLog, outbox } from '../../../db/schema/index.ts';
import { enqueueMessage } from '../../../services/delivery/outbox.ts';

/** Retrying a whole message: only its dead letters go back to the queue, once, by Product Ops and up. */

let t: TestApp;
let ops: { authorization: string };
let sales: { authorization: string };
const key = { kind: 'weekly_update', ref: '2026-W48:v1' };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ops = (await signedIn(db, ['product_ops'])).headers;
  sales = (await signedIn(db, ['stakeholder'])).headers;
  await db.transaction((tx) =>
    enqueueMessage(tx, {
      key: 'w48',
      ...key,
      message: { title: 'Weekly Product Update', summary: 's' },
      recipients: ['a', 'b', 'c', 'd'].map((n) => ({
        channel: 'email' as const,
        address: `${n}@example.com`,
      })),
    }),
  );
  const rows = await db.select().from(outbox).where(eq(outbox.ref, key.ref)).orderBy(outbox.address);
  const states = ['dead', 'dead', 'sent', 'pending'] as const;
  for (const [i, row] of rows.entries())
    await db
      .update(outbox)
      .set({
        status: states[i]!,
        attempts: 8,
        lastError: i < 2 ? 'email (SMTP_URL) is not configured' : null,
      })
      .where(eq(outbox.id, row.id));
});
afterAll(async () => t.close());

const retry = (headers: Record<string, string>, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/deliveries/messages/retry', headers, payload });
const statuses = async () =>
  (await t.database.db.select().from(outbox).where(eq(outbox.ref, key.ref)).orderBy(outbox.address)).map(
    (r) => r.status,
  );

describe('POST /deliveries/messages/retry', () => {
  it('refuses a stakeholder and changes nothing', async () => {
    const res = await retry(sales, key);
    expect(res.statusCode).toBe(403);
    expect(await statuses()).toEqual(['dead', 'dead', 'sent', 'pending']);
  });

  it('re-queues only the failed copies, audited once', async () => {
    const res = await retry(ops, key);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.retried).toBe(2);
    expect(body.group.counts).toEqual({ sent: 1, failed: 0, pending: 3 });
    expect(await statuses()).toEqual(['pending', 'pending', 'sent', 'pending']);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'delivery.retry_message'), eq(auditLog.entityId, `${key.kind}:${key.ref}`)),
      );
    expect(audit).toHaveLength(1);
  });

  it('is idempotent: asked again, nothing is re-queued or audited', async () => {
    const res = await retry(ops, key);
    expect(res.statusCode).toBe(200);
    expect(res.json().retried).toBe(0);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'delivery.retry_message'));
    expect(audit).toHaveLength(1);
  });

  it('answers 404 for an unknown message and 400 naming a missing field', async () => {
    expect((await retry(ops, { kind: 'weekly_update', ref: 'nope' })).statusCode).toBe(404);
    const bad = await retry(ops, { kind: 'weekly_update' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('ref');
  });
});

describe('GET /deliveries/configuration', () => {
  it('says email and the Slack bot are not set up, naming the settings, for Product Ops only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/deliveries/configuration', headers: ops });
    expect(res.statusCode).toBe(200);
    expect(res.json().email).toMatchObject({ configured: false, settings: ['SMTP_URL', 'SMTP_FROM'] });
    expect(res.json().slack).toMatchObject({ configured: false, settings: ['SLACK_BOT_TOKEN'] });
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/v1/deliveries/configuration',
      headers: sales,
    });
    expect(denied.statusCode).toBe(403);
  });
});
