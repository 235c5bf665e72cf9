import { eq } from 'drizzle-orm';
import { deadDelivery, inboxItemFor } from '../../../test/factories.ts';
import { outbox } from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { rotateFeedToken } from '../../services/cadence/feed.ts';
import { createRitual } from '../../services/cadence/rituals.ts';
import { createChannel } from '../../services/delivery/channels.ts';
import { createSubscription } from '../../services/delivery/subscriptions.ts';
import { systemClock } from '../../shared/clock.ts';
import { type Case, managers, publicRoute, signedInOnly } from './authorization-cases.fixture.ts';

/** Rituals, the calendar and occurrences, channels and deliveries, the inbox, preferences and subscriptions. */
export const CADENCE_AND_DELIVERY_CASES: Record<string, Case> = {
  'GET /api/v1/rituals': { expect: signedInOnly },
  'GET /api/v1/rituals/:id': { expect: signedInOnly, url: (c) => `/api/v1/rituals/${c.ids.ritual}` },
  'POST /api/v1/rituals': {
    expect: managers(),
    body: () => ({
      slug: `r-${Math.random().toString(36).slice(2, 10)}`,
      name: 'Demo day',
      schedule: { kind: 'weekly', weekday: 5, time: '15:00' },
      durationMinutes: 30,
      ownerRole: 'product_ops',
      outputArtifact: 'Demo recording',
    }),
  },
  'PATCH /api/v1/rituals/:id': {
    expect: managers(),
    url: (c) => `/api/v1/rituals/${c.ids.ritual}`,
    body: () => ({ durationMinutes: 50 }),
  },
  'DELETE /api/v1/rituals/:id': {
    expect: managers(),
    url: async (c) => {
      const r = await createRitual({
        db: c.db,
        actor: systemActor('test'),
        input: {
          slug: `gone-${Math.random().toString(36).slice(2, 10)}`,
          name: 'Gone',
          schedule: { kind: 'per_release' },
          durationMinutes: 30,
          ownerRole: 'product_ops',
          outputArtifact: 'x',
        },
        now: systemClock.now(),
      });
      return `/api/v1/rituals/${r.id}`;
    },
  },
  'GET /api/v1/calendar': { expect: signedInOnly },
  'GET /api/v1/occurrences/:id': {
    expect: signedInOnly,
    url: (c) => `/api/v1/occurrences/${c.ids.occurrence}`,
  },
  // The Roadmap Review is owned by the Head of Product: its role (and managers) record it.
  'PATCH /api/v1/occurrences/:id': {
    expect: managers(),
    url: (c) => `/api/v1/occurrences/${c.ids.occurrence}`,
    body: () => ({ notes: 'Decisions recorded.' }),
  },
  'GET /api/v1/adoption': { expect: signedInOnly },
  'GET /api/v1/calendar/feed-url': { expect: signedInOnly },
  'POST /api/v1/calendar/feed-url/rotate': { expect: signedInOnly },
  // Public by design (calendar apps send no headers): the private token in the URL is the credential.
  'GET /api/v1/calendar/feed/:file': {
    expect: publicRoute,
    url: async (c) =>
      new URL((await rotateFeedToken(c.db, c.ids.person, 'http://localhost', systemClock.now())).url)
        .pathname,
  },
  'GET /api/v1/channels': { expect: signedInOnly },
  'GET /api/v1/channels/:id': { expect: signedInOnly, url: (c) => `/api/v1/channels/${c.ids.channel}` },
  'POST /api/v1/channels': {
    expect: managers({ head_of_product: 403 }),
    body: () => ({
      kind: 'slack',
      name: `#c-${Math.random().toString(36).slice(2, 10)}`,
      webhookUrl: 'https://hooks.slack.com/services/T1/B1/abc',
    }),
  },
  'PATCH /api/v1/channels/:id': {
    expect: managers({ head_of_product: 403 }),
    url: (c) => `/api/v1/channels/${c.ids.channel}`,
    body: () => ({ slackChannelId: 'C024BE91L' }),
  },
  'DELETE /api/v1/channels/:id': {
    expect: managers({ head_of_product: 403 }),
    url: async (c) => {
      const ch = await createChannel({
        db: c.db,
        actor: systemActor('test'),
        input: { kind: 'email_list', name: `list-${Math.random()}`, email: 'list@example.com' },
        allowAnyWebhookHost: false,
      });
      return `/api/v1/channels/${ch.id}`;
    },
  },
  'GET /api/v1/deliveries': { expect: managers() },
  'GET /api/v1/deliveries/messages': { expect: managers() },
  'GET /api/v1/deliveries/configuration': { expect: managers() },
  'POST /api/v1/deliveries/messages/retry': {
    expect: managers(),
    body: async (c) => {
      const id = await deadDelivery(c.db);
      const [row] = await c.db.select().from(outbox).where(eq(outbox.id, id));
      return { kind: row!.kind, ref: row!.ref };
    },
  },
  'GET /api/v1/deliveries/:id': {
    expect: managers(),
    url: async (c) => `/api/v1/deliveries/${await deadDelivery(c.db)}`,
  },
  'POST /api/v1/deliveries/:id/retry': {
    expect: managers(),
    url: async (c) => `/api/v1/deliveries/${await deadDelivery(c.db)}/retry`,
  },
  'GET /api/v1/inbox': { expect: signedInOnly },
  'POST /api/v1/inbox/:id/read': {
    expect: signedInOnly,
    url: async (c) =>
      `/api/v1/inbox/${c.personId ? await inboxItemFor(c.db, c.personId) : crypto.randomUUID()}/read`,
  },
  'POST /api/v1/inbox/read-all': { expect: signedInOnly },
  'GET /api/v1/me/preferences': { expect: signedInOnly },
  'PUT /api/v1/me/preferences': { expect: signedInOnly, body: () => ({ via: ['inbox', 'email'] }) },
  'GET /api/v1/subscriptions': { expect: signedInOnly },
  'POST /api/v1/subscriptions': { expect: signedInOnly, body: () => ({ kind: 'release', tiers: [2, 3] }) },
  'DELETE /api/v1/subscriptions/:id': {
    expect: signedInOnly,
    url: async (c) => {
      if (!c.personId) return `/api/v1/subscriptions/${crypto.randomUUID()}`;
      const sub = await createSubscription({
        db: c.db,
        actor: { personId: c.personId, label: 'x', roles: [] },
        input: { kind: 'roadmap' },
      });
      return `/api/v1/subscriptions/${sub.id}`;
    },
  },
};
