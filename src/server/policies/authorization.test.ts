import { desc, eq } from 'drizzle-orm';
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
import type { Db } from '../../db/client.ts';
import {
  followUps,
  insightItems,
  insightRoutings,
  readinessLinks,
  releaseActionItems,
  releaseSignOffs,
  ritualOccurrences,
} from '../../db/schema/index.ts';
import { LITE_SECTIONS } from '../../domain/releases/bundle.ts';
import { systemActor } from '../../services/actor.ts';
import { createApiToken } from '../../services/auth/tokens.ts';
import { createRitual, findRitualBySlug } from '../../services/cadence/rituals.ts';
import { createChannel } from '../../services/delivery/channels.ts';
import { prefsOf } from '../../services/delivery/recipients.ts';
import { createSubscription } from '../../services/delivery/subscriptions.ts';
import { publishDigest } from '../../services/insights/digest.ts';
import { ingestFeedback } from '../../services/insights/ingest.ts';
import { saveBundle } from '../../services/releases/bundle.ts';
import { createRelease } from '../../services/releases/releases.ts';
import { publishWeeklyUpdate } from '../../services/updates/publish.ts';
import type { TRole } from '../../shared/roles.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';

type Who =
  | 'anon'
  | 'stakeholder'
  | 'engineer'
  | 'pm'
  | 'pmOwner'
  | 'product_ops'
  | 'head_of_product'
  | 'admin';
type Outcome = 'ok' | 401 | 403;
const WHO: Who[] = [
  'anon',
  'stakeholder',
  'engineer',
  'pm',
  'pmOwner',
  'product_ops',
  'head_of_product',
  'admin',
];

interface Ctx {
  db: Db;
  ids: {
    area: string;
    pod: string;
    person: string;
    ritual: string;
    occurrence: string;
    channel: string;
    release: string;
    pmOwner: string;
  };
  who: Who;
  personId: string | null;
}
interface Case {
  /** Outcome per caller; callers not listed get `rest`. */
  expect: Partial<Record<Who, Outcome>> & { rest: Outcome };
  url?: (c: Ctx) => Promise<string> | string;
  body?: (c: Ctx) => unknown;
}

const publicRoute: Case['expect'] = { rest: 'ok' };
const signedInOnly: Case['expect'] = { anon: 401, rest: 'ok' };
const managers = (extra: Partial<Record<Who, Outcome>> = {}): Case['expect'] => ({
  anon: 401,
  stakeholder: 403,
  engineer: 403,
  pm: 403,
  pmOwner: 403,
  ...extra,
  rest: 'ok',
});

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
  'GET /api/v1/me': { expect: signedInOnly },
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
  'GET /api/v1/releases': { expect: signedInOnly },
  'GET /api/v1/releases/:id': { expect: signedInOnly, url: (c) => `/api/v1/releases/${c.ids.release}` },
  'POST /api/v1/releases': {
    expect: managers({ pm: 'ok', pmOwner: 'ok' }),
    body: (c) => ({ title: 'New release', areaId: c.ids.area, targetDate: '2026-12-01' }),
  },
  'PATCH /api/v1/releases/:id': {
    expect: managers({ pmOwner: 'ok' }),
    url: (c) => `/api/v1/releases/${c.ids.release}`,
    body: () => ({ tier: 2 }),
  },
  'DELETE /api/v1/releases/:id': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) =>
      `/api/v1/releases/${(await createRelease({ db: c.db, actor: systemActor('test'), input: { title: 'Gone', areaId: c.ids.area, targetDate: '2026-12-01' } })).id}`,
  },
  'POST /api/v1/releases/tier-suggestion': {
    expect: signedInOnly,
    body: () => ({ attributes: ['api_change'] }),
  },
  'GET /api/v1/releases/leadtime': {
    expect: signedInOnly,
    url: () => '/api/v1/releases/leadtime?tier=3&launch=2026-12-24',
  },
  'GET /api/v1/releases/coverage': { expect: signedInOnly },
  'GET /api/v1/releases/:id/detail': {
    expect: signedInOnly,
    url: (c) => `/api/v1/releases/${c.ids.release}/detail`,
  },
  'GET /api/v1/releases/:id/gate': {
    expect: signedInOnly,
    url: (c) => `/api/v1/releases/${c.ids.release}/gate`,
  },
  'PUT /api/v1/releases/:id/bundle': {
    expect: managers({ pmOwner: 'ok' }),
    url: (c) => `/api/v1/releases/${c.ids.release}/bundle`,
    body: () => ({ sections: { what_changed: 'Usage-based billing for every plan.' } }),
  },
  'POST /api/v1/releases/:id/bundle/distribute': {
    expect: managers(),
    url: (c) => `/api/v1/releases/${c.ids.release}/bundle/distribute`,
  },
  'POST /api/v1/releases/:id/bundle/publish': {
    expect: managers(),
    url: async (c) => `/api/v1/releases/${await readyToPublish(c)}/bundle/publish`,
  },
  'POST /api/v1/releases/:id/sign-offs': {
    // The stakeholder caller's function is sales: they confirm Sales readiness; engineers are not its eng owner.
    expect: managers({ stakeholder: 'ok' }),
    url: (c) => `/api/v1/releases/${c.ids.release}/sign-offs`,
    body: () => ({ kind: 'sales', note: 'Talk track read' }),
  },
  'DELETE /api/v1/releases/:id/sign-offs/:kind': {
    expect: managers({ stakeholder: 'ok' }),
    url: async (c) => {
      await c.db
        .insert(releaseSignOffs)
        .values({ releaseId: c.ids.release, kind: 'sales', byLabel: 'test' })
        .onConflictDoNothing();
      return `/api/v1/releases/${c.ids.release}/sign-offs/sales`;
    },
  },
  'POST /api/v1/releases/:id/decisions': {
    expect: managers({ pmOwner: 'ok' }),
    url: (c) => `/api/v1/releases/${c.ids.release}/decisions`,
    body: () => ({ decision: 'hold', reason: 'Waiting for the tax engine' }),
  },
  'PUT /api/v1/releases/:id/post-launch/:kind': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => {
      const r = await createRelease({
        db: c.db,
        actor: systemActor('test'),
        input: {
          title: 'Launched',
          areaId: c.ids.area,
          targetDate: '2026-10-01',
          tier: 2,
          status: 'launched',
        },
      });
      return `/api/v1/releases/${r.id}/post-launch/day3`;
    },
    body: () => ({ answers: { ticket_spike: 'No spike' } }),
  },
  'GET /api/v1/release-action-items': { expect: signedInOnly },
  'PATCH /api/v1/release-action-items/:id': {
    expect: managers(),
    url: async (c) => {
      const [item] = await c.db
        .insert(releaseActionItems)
        .values({ releaseId: c.ids.release, title: 'Shorter bundle' })
        .returning();
      return `/api/v1/release-action-items/${item!.id}`;
    },
    body: () => ({ status: 'done' }),
  },
  'GET /api/v1/readiness/:token': {
    expect: publicRoute,
    url: async (c) => `/api/v1/readiness/${await linkToken(c)}`,
  },
  'POST /api/v1/readiness/:token': {
    expect: publicRoute,
    url: async (c) => `/api/v1/readiness/${await linkToken(c)}`,
  },
  'POST /api/v1/insights/intake': {
    expect: signedInOnly,
    body: () => ({
      source: 'support',
      items: [{ externalId: `auth-${crypto.randomUUID()}`, title: 'Export', body: 'The export is slow' }],
    }),
  },
  'GET /api/v1/insights': { expect: signedInOnly },
  'GET /api/v1/insights/:id': {
    expect: signedInOnly,
    url: async (c) => `/api/v1/insights/${await anInsight(c)}`,
  },
  'PATCH /api/v1/insights/:id': {
    expect: managers({ pm: 'ok', pmOwner: 'ok' }),
    url: async (c) => `/api/v1/insights/${await anInsight(c)}`,
    body: () => ({ kind: 'bug' }),
  },
  'GET /api/v1/insights/themes': { expect: signedInOnly },
  'GET /api/v1/insights/themes/:theme': {
    expect: signedInOnly,
    url: () => '/api/v1/insights/themes/pricing',
  },
  'POST /api/v1/insights/triage': { expect: managers(), body: () => ({ week: '2026-W40' }) },
  'GET /api/v1/insights/routings': { expect: signedInOnly },
  'GET /api/v1/insights/routings/:id': {
    expect: signedInOnly,
    url: async (c) => `/api/v1/insights/routings/${await aRouting(c)}`,
  },
  'POST /api/v1/insights/routings/:id/disposition': {
    // The PM it was routed to decides; Product Ops and up may record it for them.
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/insights/routings/${await aRouting(c)}/disposition`,
    body: () => ({ disposition: 'backlog' }),
  },
  'GET /api/v1/insights/digests': { expect: signedInOnly },
  'GET /api/v1/insights/digests/:month': {
    expect: signedInOnly,
    url: async (c) => {
      await publishDigest({ db: c.db, actor: systemActor('test'), month: '2026-10' });
      return '/api/v1/insights/digests/2026-10';
    },
  },
  'POST /api/v1/insights/digests/:month/publish': {
    expect: managers(),
    url: () => '/api/v1/insights/digests/2026-09/publish',
  },
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
    expect: managers({ pmOwner: 'ok' }),
    url: (c) => `/api/v1/updates/2026-W42/areas/${c.ids.area}/absence`,
    body: () => ({ reason: 'Leave' }),
  },
  'POST /api/v1/updates/:week/publish': { expect: managers(), url: () => '/api/v1/updates/2026-W43/publish' },
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
};

/** A Tier 2 release whose lite bundle is complete, so Product Ops can publish it. */
async function readyToPublish(c: Ctx): Promise<string> {
  const r = await createRelease({
    db: c.db,
    actor: systemActor('test'),
    input: { title: 'Publishable', areaId: c.ids.area, targetDate: '2026-12-30', tier: 2 },
  });
  const sections = Object.fromEntries(LITE_SECTIONS.map((k) => [k, `Written: ${k}`]));
  await saveBundle({ db: c.db, actor: systemActor('test'), releaseId: r.id, input: { sections } });
  return r.id;
}

async function linkToken(c: Ctx): Promise<string> {
  const token = `tok-${crypto.randomUUID()}`;
  await c.db
    .insert(readinessLinks)
    .values({ token, releaseId: c.ids.release, personId: c.ids.person, kind: 'support' });
  return token;
}

/** A fresh feedback item (through the real intake path), for routes on one item. */
async function anInsight(c: Ctx): Promise<number> {
  async function* one() {
    yield {
      line: 1,
      item: {
        externalId: `auth-${crypto.randomUUID()}`,
        title: 'Invoice',
        body: 'We were charged twice',
        occurredAt: '2026-11-10T10:00:00.000Z',
        customer: null,
        segment: null,
        evidenceType: null,
        severityHint: null,
        kindHint: null,
        tags: [],
        url: null,
      },
    };
  }
  await ingestFeedback({
    db: c.db,
    actor: systemActor('test'),
    source: 'support',
    format: 'api',
    fileName: 'test',
    rows: one(),
  });
  const [row] = await c.db
    .select({ id: insightItems.id })
    .from(insightItems)
    .orderBy(desc(insightItems.id))
    .limit(1);
  return row!.id;
}

/** A theme routed to the area's owning PM (pmOwner). */
async function aRouting(c: Ctx): Promise<string> {
  const [r] = await c.db
    .insert(insightRoutings)
    .values({
      week: '2026-W41',
      theme: `t-${crypto.randomUUID()}`,
      areaId: c.ids.area,
      ownerId: c.ids.pmOwner,
      rank: 1,
      evidence: {},
    })
    .returning();
  return r!.id;
}

let t: TestApp;
const callers = new Map<Who, { headers: Record<string, string>; personId: string | null }>();
let ids: Ctx['ids'];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  callers.set('anon', { headers: {}, personId: null });
  const roleOf: Record<Exclude<Who, 'anon' | 'pmOwner'>, TRole> = {
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
  });
  await publishWeeklyUpdate({ db, actor: systemActor('test'), week: '2026-W40' });
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
    it(`${route}: ${WHO.map((w) => `${w}→${spec.expect[w] ?? spec.expect.rest}`).join(' ')}`, async () => {
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
          headers: caller.headers,
          ...(spec.body ? { payload: spec.body(ctx) as object } : {}),
        });
        const wanted = spec.expect[who] ?? spec.expect.rest;
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
