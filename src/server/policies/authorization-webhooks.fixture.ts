import { eq } from 'drizzle-orm';
import { outbox } from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { createWebhook, pingWebhook } from '../../services/webhooks/subscriptions.ts';
import { systemClock } from '../../shared/clock.ts';
import type { Case, Ctx } from './authorization-cases.fixture.ts';

/** Outbound webhooks (issue 18): Product Ops and the admin alone, reading included (URLs may carry tokens). */
const opsAndAdmin: Case['expect'] = { anon: 401, product_ops: 'ok', admin: 'ok', rest: 403 };

async function aHook(c: Ctx) {
  const hook = await createWebhook({
    db: c.db,
    actor: systemActor('test'),
    input: {
      url: 'https://hooks.example.com/prodops',
      description: '',
      events: ['decision.recorded'],
      active: true,
    },
    now: systemClock.now(),
  });
  return hook.id;
}

async function aDelivery(c: Ctx) {
  const id = await aHook(c);
  await pingWebhook({ db: c.db, actor: systemActor('test'), id, now: systemClock.now() });
  const [row] = await c.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.webhookId, id));
  return `/api/v1/webhooks/${id}/deliveries/${row!.id}/replay`;
}

export const WEBHOOK_CASES: Record<string, Case> = {
  'GET /api/v1/webhooks': { expect: opsAndAdmin },
  'POST /api/v1/webhooks': {
    expect: opsAndAdmin,
    body: () => ({ url: 'https://hooks.example.com/new', events: ['artifact.published'] }),
  },
  'GET /api/v1/webhooks/:id': { expect: opsAndAdmin, url: async (c) => `/api/v1/webhooks/${await aHook(c)}` },
  'PATCH /api/v1/webhooks/:id': {
    expect: opsAndAdmin,
    url: async (c) => `/api/v1/webhooks/${await aHook(c)}`,
    body: () => ({ active: false }),
  },
  'DELETE /api/v1/webhooks/:id': {
    expect: opsAndAdmin,
    url: async (c) => `/api/v1/webhooks/${await aHook(c)}`,
  },
  'POST /api/v1/webhooks/:id/rotate-secret': {
    expect: opsAndAdmin,
    url: async (c) => `/api/v1/webhooks/${await aHook(c)}/rotate-secret`,
  },
  'GET /api/v1/webhooks/:id/deliveries': {
    expect: opsAndAdmin,
    url: async (c) => `/api/v1/webhooks/${await aHook(c)}/deliveries`,
  },
  'POST /api/v1/webhooks/:id/deliveries/:deliveryId/replay': { expect: opsAndAdmin, url: aDelivery },
  'POST /api/v1/webhooks/:id/ping': {
    expect: opsAndAdmin,
    url: async (c) => `/api/v1/webhooks/${await aHook(c)}/ping`,
  },
};
