import type { Db } from '../../db/client.ts';
import { systemActor } from '../../services/actor.ts';
import { createWebhook } from '../../services/webhooks/subscriptions.ts';
import { systemClock } from '../../shared/clock.ts';
import type { BadCase } from './validation-releases-insights.fixture.ts';

/** A subscription for the webhook routes' bad cases (validation.test.ts). */
export async function aWebhook(db: Db): Promise<string> {
  const hook = await createWebhook({
    db,
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

/** Bad input for the outbound webhooks' write routes (issue 18); `ids.webhook`: a subscription. */
export function webhookBadCases(ids: { webhook: string }): Record<string, BadCase[]> {
  const one = `/api/v1/webhooks/${ids.webhook}`;
  return {
    'POST /api/v1/webhooks': [
      {
        name: 'a URL that is not http(s), no events',
        body: { url: 'javascript:alert(1)', events: [] },
        fields: ['url', 'events'],
      },
      {
        name: 'an event that does not exist, a repeated one, an unknown field',
        body: { url: 'https://x.example.com', events: ['release.deleted'], secret: 'mine' },
        fields: ['events.0', 'secret'],
      },
      {
        name: 'a repeated event, active not true or false',
        body: {
          url: 'https://x.example.com',
          events: ['decision.recorded', 'decision.recorded'],
          active: 'yes',
        },
        fields: ['events', 'active'],
      },
    ],
    'PATCH /api/v1/webhooks/:id': [
      { name: 'not an id', url: '/api/v1/webhooks/abc', body: { active: false }, fields: ['params.id'] },
      {
        name: 'a file URL, no events',
        url: one,
        body: { url: 'file:///etc/passwd', events: [] },
        fields: ['url', 'events'],
      },
    ],
    'DELETE /api/v1/webhooks/:id': [
      { name: 'not an id', url: '/api/v1/webhooks/abc', fields: ['params.id'] },
    ],
    'POST /api/v1/webhooks/:id/rotate-secret': [
      { name: 'not an id', url: '/api/v1/webhooks/abc/rotate-secret', fields: ['params.id'] },
    ],
    'POST /api/v1/webhooks/:id/ping': [
      { name: 'not an id', url: '/api/v1/webhooks/abc/ping', fields: ['params.id'] },
    ],
    'POST /api/v1/webhooks/:id/deliveries/:deliveryId/replay': [
      {
        name: 'a delivery that is not an id',
        url: `${one}/deliveries/abc/replay`,
        fields: ['params.deliveryId'],
      },
    ],
  };
}
