import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makeArea, makePerson, makePod, signedIn } from '../../../test/factories.ts';
import { ritualOccurrences } from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { findRitualBySlug } from '../../services/cadence/rituals.ts';
import { createChannel } from '../../services/delivery/channels.ts';
import { createRelease } from '../../services/releases/releases.ts';
import { publishWeeklyUpdate } from '../../services/updates/publish.ts';
import { systemClock } from '../../shared/clock.ts';
import type { TRole } from '../../shared/roles.ts';
import { CADENCE_AND_DELIVERY_CASES } from './authorization-cadence-delivery.fixture.ts';
import {
  type Case,
  type Ctx,
  type Outcome,
  outcomeFor,
  WHO,
  type Who,
} from './authorization-cases.fixture.ts';
import { CHARTER_CASES } from './authorization-charter.fixture.ts';
import { CONTRACT_CASES } from './authorization-contracts.fixture.ts';
import { DECISION_CASES } from './authorization-decisions.fixture.ts';
import { ORG_CASES } from './authorization-org.fixture.ts';
import { PLAN_CASES } from './authorization-plan.fixture.ts';
import { RELEASE_AND_INSIGHT_CASES } from './authorization-releases-insights.fixture.ts';
import { ROADMAP_CASES } from './authorization-roadmap.fixture.ts';
import { SURVEY_CASES } from './authorization-surveys.fixture.ts';
import { TRACKER_CASES } from './authorization-trackers.fixture.ts';
import { UPDATE_CASES } from './authorization-updates.fixture.ts';
import { VELOCITY_CASES } from './authorization-velocity.fixture.ts';
import { WEBHOOK_CASES } from './authorization-webhooks.fixture.ts';

/**
 * Every route of the app, with who may call it (the cases live in the authorization-*.fixture.ts files, by route
 * group). A route missing here fails the first test, so a new route cannot ship without someone deciding its
 * policy and testing it.
 */
const MATRIX: Record<string, Case> = {
  ...ORG_CASES,
  ...CADENCE_AND_DELIVERY_CASES,
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
  ...UPDATE_CASES,
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
