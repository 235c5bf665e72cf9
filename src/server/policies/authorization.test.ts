import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import {
  deadDelivery,
  inboxItemFor,
  makeArea,
  makePerson,
  makePod,
  signedIn,
} from '../../../test/factories.ts';
import { followUps, outbox, ritualOccurrences } from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { createApiToken } from '../../services/auth/tokens.ts';
import { createRitual, findRitualBySlug } from '../../services/cadence/rituals.ts';
import { createChannel } from '../../services/delivery/channels.ts';
import { prefsOf } from '../../services/delivery/recipients.ts';
import { createSubscription } from '../../services/delivery/subscriptions.ts';
import { createRelease } from '../../services/releases/releases.ts';
import { publishWeeklyUpdate } from '../../services/updates/publish.ts';
import { systemClock } from '../../shared/clock.ts';
import type { TRole } from '../../shared/roles.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import {
  type Case,
  type Ctx,
  managers,
  type Outcome,
  outcomeFor,
  publicRoute,
  signedInOnly,
  WHO,
  type Who,
} from './authorization-cases.fixture.ts';
import { CHARTER_CASES } from './authorization-charter.fixture.ts';
import { CONTRACT_CASES } from './authorization-contracts.fixture.ts';
import { DECISION_CASES } from './authorization-decisions.fixture.ts';
import { PLAN_CASES } from './authorization-plan.fixture.ts';
import { RELEASE_AND_INSIGHT_CASES } from './authorization-releases-insights.fixture.ts';
import { ROADMAP_CASES } from './authorization-roadmap.fixture.ts';
import { SURVEY_CASES } from './authorization-surveys.fixture.ts';
import { TRACKER_CASES } from './authorization-trackers.fixture.ts';
import { VELOCITY_CASES } from './authorization-velocity.fixture.ts';
import { WEBHOOK_CASES } from './authorization-webhooks.fixture.ts';

/**
 * Every route of the app, with who may call it. A route missing here fails the first test, so a new route
 * cannot ship without someone deciding its policy and testing it.
 */
const MATRIX: Record<string, Case> = {
  'GET /healthz': { expect: publicRoute },
  'GET /api/v1/openapi.json': { expect: publicRoute },
  'GET /*': { expect: publicRoute, url: () => '/favicon-that-does-not-exist.txt' },
  'POST /api/v1/auth/sign-in': {
    expect: publicRoute,
    body: () => ({ email: 'signin-target@example.com', password: 'correct horse battery' }),
  },
  'POST /api/v1/auth/sign-out': { expect: signedInOnly },
  // Issue 18: single sign-on. With it off (the default here) both ends send the browser back to the sign-in page;
  // routes/auth/oidc.test.ts drives them against a real issuer.
  'GET /api/v1/auth/sso': { expect: publicRoute },
  'GET /api/v1/auth/oidc/start': { expect: publicRoute },
  'GET /api/v1/auth/oidc/callback': {
    expect: publicRoute,
    url: () => '/api/v1/auth/oidc/callback?code=x&state=y',
  },
  'GET /api/v1/me': { expect: signedInOnly },
  // Issue 17: everyone signed in has a home; its sections follow their roles (src/server/routes/home).
  'GET /api/v1/home': { expect: signedInOnly },
  // Issue 17: one's own held actions (the undo banner after a reload); nobody else's.
  'GET /api/v1/broadcasts/held': { expect: signedInOnly },
  // Issue 17: the stakeholder feed is everyone's; its Atom/RSS is public, the private token in the URL the credential.
  'GET /api/v1/feed': { expect: signedInOnly },
  'GET /api/v1/feed/:file': {
    expect: publicRoute,
    url: async (c) => `/api/v1/feed/${(await prefsOf(c.db, c.ids.person)).calendarToken}.rss`,
  },
  'GET /api/v1/me/tokens': { expect: signedInOnly },
  'POST /api/v1/me/tokens': { expect: signedInOnly, body: () => ({ name: 'ci' }) },
  'DELETE /api/v1/me/tokens/:id': {
    expect: signedInOnly,
    url: async (c) => {
      if (!c.personId) return `/api/v1/me/tokens/${crypto.randomUUID()}`;
      const t = await createApiToken({
        db: c.db,
        actor: systemActor('test'),
        personId: c.personId,
        name: 'to revoke',
        now: systemClock.now(),
      });
      return `/api/v1/me/tokens/${t.id}`;
    },
  },
  'GET /api/v1/people': { expect: signedInOnly },
  'GET /api/v1/people/:id': { expect: signedInOnly },
  'POST /api/v1/people': {
    expect: managers(),
    body: () => ({
      name: 'New Person',
      email: `new-${crypto.randomUUID()}@example.com`,
      function: 'sales',
      roles: ['stakeholder'],
    }),
  },
  'PATCH /api/v1/people/:id': { expect: managers(), body: () => ({ name: 'Renamed' }) },
  'DELETE /api/v1/people/:id': {
    expect: managers({ product_ops: 403, head_of_product: 403 }),
    url: async (c) => `/api/v1/people/${(await makePerson(c.db)).id}`,
  },
  'GET /api/v1/areas': { expect: signedInOnly },
  'GET /api/v1/areas/:id': { expect: signedInOnly },
  'POST /api/v1/areas': {
    expect: managers(),
    body: () => ({ slug: `a-${Math.random().toString(36).slice(2, 10)}`, name: 'New area' }),
  },
  'PATCH /api/v1/areas/:id': {
    expect: managers({ pmOwner: 'ok' }),
    body: () => ({ description: 'Changed' }),
  },
  // Issue 15: the active users its operational burden divides by; recorded as the area is edited.
  'GET /api/v1/areas/:id/active-users': { expect: signedInOnly },
  'POST /api/v1/areas/:id/active-users': {
    expect: managers({ pmOwner: 'ok' }),
    body: () => ({ entries: [{ month: '2026-11', users: 1200 }] }),
  },
  'DELETE /api/v1/areas/:id': {
    expect: managers(),
    url: async (c) => `/api/v1/areas/${(await makeArea(c.db)).id}`,
  },
  'GET /api/v1/pods': { expect: signedInOnly },
  'GET /api/v1/pods/:id': { expect: signedInOnly },
  'POST /api/v1/pods': {
    expect: managers(),
    body: () => ({ slug: `p-${Math.random().toString(36).slice(2, 10)}`, name: 'New pod' }),
  },
  'PATCH /api/v1/pods/:id': { expect: managers({ pmOwner: 'ok' }), body: () => ({ mission: 'Changed' }) },
  'DELETE /api/v1/pods/:id': {
    expect: managers(),
    url: async (c) => `/api/v1/pods/${(await makePod(c.db)).id}`,
  },
  'GET /api/v1/settings': { expect: signedInOnly },
  'PUT /api/v1/settings': { expect: managers({ product_ops: 403 }), body: () => DEFAULT_SETTINGS },
  'GET /api/v1/raci': { expect: signedInOnly },
  'PUT /api/v1/raci': {
    expect: managers(),
    body: () => ({
      items: [
        {
          activity: 'Weekly product update',
          responsible: 'PMs',
          accountable: 'Product Ops',
          consulted: [],
          informed: [],
        },
      ],
    }),
  },
  'GET /api/v1/audit': { expect: managers() },
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
    url: async (c) => `/api/v1/calendar/feed/${(await prefsOf(c.db, c.ids.person)).calendarToken}.ics`,
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
  ...RELEASE_AND_INSIGHT_CASES,
  ...ROADMAP_CASES,
  ...DECISION_CASES,
  ...VELOCITY_CASES,
  ...SURVEY_CASES,
  ...PLAN_CASES,
  ...WEBHOOK_CASES,
  ...CONTRACT_CASES,
  ...CHARTER_CASES,
  ...TRACKER_CASES,
  'GET /api/v1/updates': { expect: signedInOnly },
  'GET /api/v1/updates/:week': { expect: signedInOnly, url: () => '/api/v1/updates/2026-W40' },
  'GET /api/v1/updates/:week/artifact': {
    expect: signedInOnly,
    url: () => '/api/v1/updates/2026-W40/artifact?format=md',
  },
  'GET /api/v1/updates/:week/areas/:areaId': {
    expect: signedInOnly,
    url: (c) => `/api/v1/updates/2026-W40/areas/${c.ids.area}`,
  },
  'PUT /api/v1/updates/:week/areas/:areaId': {
    expect: managers({ pmOwner: 'ok' }),
    url: (c) => `/api/v1/updates/2026-W41/areas/${c.ids.area}`,
    body: () => ({ content: { wins: ['Shipped'] } }),
  },
  'POST /api/v1/updates/:week/areas/:areaId/absence': {
    expect: managers(),
    url: (c) => `/api/v1/updates/2026-W42/areas/${c.ids.area}/absence`,
    body: () => ({ reason: 'Leave' }),
  },
  'POST /api/v1/updates/:week/publish': {
    expect: managers(),
    // A week per caller: publishing the same week again unchanged is refused (409), whoever asks.
    url: (c) => `/api/v1/updates/2026-W${20 + WHO.indexOf(c.who)}/publish`,
  },
  // Issue 17: the preview runs the publication and rolls it back: who may publish may preview.
  'GET /api/v1/updates/:week/publish-preview': {
    expect: managers(),
    url: () => '/api/v1/updates/2026-W44/publish-preview',
  },
  // Undoing is the action's own permission (here a publication's; a ratification's is the Head of Product's).
  'POST /api/v1/broadcasts/:id/undo': {
    expect: managers(),
    url: async (c) => {
      const week = `2026-W${30 + WHO.indexOf(c.who)}`;
      const { hold } = await publishWeeklyUpdate({
        db: c.db,
        actor: systemActor('test'),
        week,
        now: systemClock.now(),
        hold: { seconds: 600 },
      });
      return `/api/v1/broadcasts/${hold!.id}/undo`;
    },
  },
  'GET /api/v1/updates/:week/publish-check': {
    expect: signedInOnly,
    url: () => '/api/v1/updates/2026-W43/publish-check',
  },
  'GET /api/v1/updates/feed/:file': {
    expect: publicRoute,
    url: async (c) => `/api/v1/updates/feed/${(await prefsOf(c.db, c.ids.person)).calendarToken}.atom`,
  },
  'GET /api/v1/follow-ups': { expect: signedInOnly },
  'POST /api/v1/follow-ups/:id/close': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => {
      const [f] = await c.db
        .insert(followUps)
        .values({
          source: `test:${Math.random()}`,
          areaId: c.ids.area,
          title: 'Risk',
          assigneeIds: [c.ids.pmOwner],
        })
        .returning();
      return `/api/v1/follow-ups/${f!.id}/close`;
    },
  },
  'GET /api/v1/unsubscribe/:token': {
    expect: publicRoute,
    url: async (c) => `/api/v1/unsubscribe/${(await prefsOf(c.db, c.ids.person)).unsubscribeToken}`,
  },
  'POST /api/v1/unsubscribe/:token': {
    expect: publicRoute,
    url: async (c) => `/api/v1/unsubscribe/${(await prefsOf(c.db, c.ids.person)).unsubscribeToken}`,
  },
  // Public to Slack alone: the request's signature is the credential, so no session or API token gets in
  // (signed requests: routes/slack/slack.test.ts).
  'POST /api/v1/slack/commands': {
    expect: { rest: 401 },
    body: () => ({
      command: '/status',
      text: 'billing',
      user_id: 'U0ADMIN01',
      team_id: 'T1',
      response_url: 'x',
    }),
  },
  'POST /api/v1/slack/interactions': { expect: { rest: 401 }, body: () => ({ payload: '{}' }) },
};

let t: TestApp;
const callers = new Map<Who, { headers: Record<string, string>; personId: string | null }>();
let ids: Ctx['ids'];

beforeAll(async () => {
  // With a Slack signing secret, so the Slack routes are on (without one they answer 404 to everyone).
  // Tracker connections point at a closed local port (http://127.0.0.1:9): the operator's switch allows it.
  t = await createTestApp({
    slack: { signingSecret: 'authorizationmatrixsecret0000' },
    webhookAllowPrivate: ['127.0.0.1'],
  });
  const db = t.database.db;
  callers.set('anon', { headers: {}, personId: null });
  const roleOf: Record<Exclude<Who, 'anon' | 'pmOwner' | 'pmOther'>, TRole> = {
    stakeholder: 'stakeholder',
    engineer: 'engineer',
    pm: 'pm',
    product_ops: 'product_ops',
    head_of_product: 'head_of_product',
    admin: 'admin',
  };
  for (const [who, role] of Object.entries(roleOf)) {
    const s = await signedIn(db, [role]);
    callers.set(who as Who, { headers: s.headers, personId: s.person.id });
  }
  const owner = await signedIn(db, ['pm']);
  callers.set('pmOwner', { headers: owner.headers, personId: owner.person.id });
  const elsewhere = await signedIn(db, ['pm']);
  callers.set('pmOther', { headers: elsewhere.headers, personId: elsewhere.person.id });
  await makeArea(db, { ownerPmId: elsewhere.person.id });
  const area = await makeArea(db, { ownerPmId: owner.person.id });
  const pod = await makePod(db, { areaId: area.id });
  const person = await makePerson(db);
  await makePerson(db, { email: 'signin-target@example.com', password: 'correct horse battery' });
  const ritual = await findRitualBySlug(db, 'roadmap-review');
  const [occurrence] = await db
    .select()
    .from(ritualOccurrences)
    .where(eq(ritualOccurrences.ritualId, ritual!.id))
    .limit(1);
  const channel = await createChannel({
    db,
    actor: systemActor('test'),
    input: { kind: 'slack', name: '#auth-test', webhookUrl: 'https://hooks.slack.com/services/T1/B1/abc' },
    allowAnyWebhookHost: false,
  });
  const release = await createRelease({
    db,
    actor: systemActor('test'),
    input: { title: 'Usage billing', areaId: area.id, targetDate: '2026-10-01', tier: 3 },
    now: systemClock.now(),
  });
  await publishWeeklyUpdate({ db, actor: systemActor('test'), week: '2026-W40', now: systemClock.now() });
  ids = {
    area: area.id,
    pod: pod.id,
    person: person.id,
    ritual: ritual!.id,
    occurrence: occurrence!.id,
    channel: channel.id,
    release: release.id,
    pmOwner: owner.person.id,
  };
});
afterAll(() => t.close());

const key = (method: string, url: string) => `${method} ${url}`;

describe('authorization', () => {
  it('covers every route of the app, and only those', () => {
    const routes = t.app.routeTable.filter((r) => r.method !== 'HEAD').map((r) => key(r.method, r.url));
    expect([...new Set(routes)].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [route, spec] of Object.entries(MATRIX)) {
    it(`${route}: ${WHO.map((w) => `${w}→${outcomeFor(spec.expect, w)}`).join(' ')}`, async () => {
      const [method, pattern] = route.split(' ') as [string, string];
      for (const who of WHO) {
        const caller = callers.get(who)!;
        const ctx: Ctx = { db: t.database.db, ids, who, personId: caller.personId };
        const resource = pattern.split('/')[3] as 'people' | 'areas' | 'pods' | undefined;
        const defaultId = resource === 'people' ? ids.person : resource === 'areas' ? ids.area : ids.pod;
        const url = spec.url ? await spec.url(ctx) : pattern.replace(':id', defaultId);
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          headers: { ...caller.headers, ...spec.headers },
          ...(spec.body ? { payload: (await spec.body(ctx)) as object } : {}),
        });
        const wanted = outcomeFor(spec.expect, who);
        const got: Outcome | number =
          res.statusCode < 400 || (route === 'GET /*' && res.statusCode === 503) ? 'ok' : res.statusCode;
        expect({ who, status: got, body: got === 'ok' ? '' : res.body }).toMatchObject({
          who,
          status: wanted,
        });
      }
    });
  }
});
