import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makeArea, makePerson, makePod, signedIn } from '../../../test/factories.ts';
import type { Db } from '../../db/client.ts';
import {
  insightItems,
  insightRoutings,
  ritualOccurrences,
  rituals,
  roadmapReviews,
} from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { recordDecision } from '../../services/decisions/decisions.ts';
import { createRelease } from '../../services/releases/releases.ts';
import { createRoadmapItem, markRatified } from '../../services/roadmap/items.ts';
import { startReview } from '../../services/roadmap/review-actions.ts';
import { systemClock } from '../../shared/clock.ts';
import type { TRole } from '../../shared/roles.ts';
import { decisionTemplate } from './authorization-decisions.fixture.ts';
import {
  CALLERS,
  type Call,
  intoOwnArea,
  manager,
  managersOnly,
  peopleChanges,
  peopleCreates,
  type Spec,
  type Verdict,
  WHERE,
  type Where,
  type Who,
} from './privileges-cases.fixture.ts';

/**
 * The security matrix: every route whose body carries a privileged field (roles, credentials, the area a record
 * lives in, who owns it), called by every role, on records in the caller's own area, another PM's area and an
 * area nobody owns, moving them to each of those. The list of routes comes from the app's route table, so a new
 * route taking such a field fails the first test until it is in the matrix (or exempt, with the reason).
 * The expectations are written here from the SPEC, independently of the policy code.
 */

const PRIVILEGED = [
  'roles',
  'password',
  'currentPassword',
  'email',
  'active',
  'areaId',
  'ownerPmId',
  'pmOwnerId',
  'engOwnerId',
  'ownerId',
];

/** Routes that take such a field without it granting anything, and why. */
const EXEMPT: Record<string, string> = {
  'POST /api/v1/auth/sign-in': 'the password is the credential being checked (security.test.ts)',
  'POST /api/v1/rituals': 'attendees.roles says who attends a ritual; only org managers write rituals',
  'PATCH /api/v1/rituals/:id': 'attendees.roles says who attends a ritual; only org managers write rituals',
  'POST /api/v1/channels':
    "a channel's email is its list address; only admins and Product Ops write channels",
  'PATCH /api/v1/channels/:id':
    "a channel's email is its list address; only admins and Product Ops write channels",
  'POST /api/v1/subscriptions':
    "areaId filters the caller's own subscription; it writes nothing into the area",
  'POST /api/v1/bets':
    "a bet's owner answers for it and gains nothing by it; every member of the product org writes bets",
  'PATCH /api/v1/bets/:id':
    "a bet's owner answers for it and gains nothing by it; every member of the product org writes bets",
  'POST /api/v1/webhooks':
    "a webhook's active flag pauses its deliveries and grants nothing; only admins and Product Ops write webhooks",
  'PATCH /api/v1/webhooks/:id':
    "a webhook's active flag pauses its deliveries and grants nothing; only admins and Product Ops write webhooks",
};

let t: TestApp;
let db: Db;
const callers = new Map<Who, { headers: Record<string, string>; id: string }>();
const area: Record<Where, string> = { own: '', other: '', none: '' };
let otherPm = '';
let engineerId = '';
const now = () => systemClock.now();
const test = systemActor('test:privileges');
const uid = () => crypto.randomUUID().slice(0, 8);

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  for (const who of CALLERS) {
    const s = await signedIn(db, [who as TRole]);
    callers.set(who, { headers: s.headers, id: s.person.id });
  }
  otherPm = (await makePerson(db, { roles: ['pm'] })).id;
  engineerId = callers.get('engineer')!.id;
  area.own = (await makeArea(db, { ownerPmId: callers.get('pm')!.id })).id;
  area.other = (await makeArea(db, { ownerPmId: otherPm })).id;
  area.none = (await makeArea(db)).id;
});
afterAll(() => t.close());

const release = async (where: Where) =>
  (
    await createRelease({
      db,
      actor: test,
      input: { title: 'R', areaId: area[where], targetDate: '2027-06-01' },
      now: now(),
    })
  ).id;
/** Ratified, so a stakeholder may read it: their PATCH is then refused as forbidden, not as not found. */
async function item(where: Where): Promise<string> {
  const made = await createRoadmapItem({
    db,
    actor: test,
    input: {
      title: 'Item',
      summary: 'A thing',
      areaId: area[where],
      confidence: 'low',
      earliest: '2027-01-01',
      latest: '2027-03-31',
    },
    now: now(),
  });
  await markRatified(db, made.id, 1, now());
  return made.id;
}
async function insight(where: Where): Promise<number> {
  const [row] = await db
    .insert(insightItems)
    .values({
      source: 'support',
      externalId: `priv-${uid()}`,
      title: 'Charged twice',
      occurredAt: now(),
      kind: 'bug',
      kindConfidence: 1,
      severity: 'high',
      dupKey: BigInt(Math.floor(Math.random() * 1e12)),
      areaId: area[where],
    })
    .returning({ id: insightItems.id });
  return row!.id;
}
async function startedReview(): Promise<string> {
  const [o] = await db
    .select({ id: ritualOccurrences.id })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .leftJoin(roadmapReviews, eq(roadmapReviews.occurrenceId, ritualOccurrences.id))
    .where(and(eq(rituals.slug, 'roadmap-review'), isNull(roadmapReviews.closedAt)))
    .orderBy(ritualOccurrences.startsAt)
    .limit(1);
  await startReview({ db, actor: test, occurrenceId: o!.id, now: now() }).catch(() => undefined);
  return o!.id;
}
/** A theme routed nobody (no area): the kind Product Ops assigns. */
async function unownedRouting(): Promise<string> {
  const [row] = await db
    .insert(insightRoutings)
    .values({ week: '2026-W41', theme: `t-${uid()}`, rank: 1, evidence: {} })
    .returning({ id: insightRoutings.id });
  return row!.id;
}

const ownerOfWhere = (where: Where) =>
  where === 'own' ? callers.get('pm')!.id : where === 'other' ? otherPm : null;

/** Every caller × record × target for a route that moves a record between areas. */
function areaMoves(method: 'PATCH', path: string, make: (w: Where) => Promise<string | number>, extra = {}) {
  return CALLERS.flatMap((who) =>
    WHERE.flatMap((record) =>
      WHERE.map(
        (target): Call => ({
          label: `${who} moves a record in ${record} area to ${target} area`,
          who,
          method,
          url: async () => `${path}/${await make(record)}`,
          body: () => ({ areaId: area[target], ...extra }),
          expect: intoOwnArea(who, record, target),
        }),
      ),
    ),
  );
}
/** Every caller × target for a route that creates a record in an area. */
function areaCreates(path: string, body: () => object, rule = intoOwnArea) {
  return CALLERS.flatMap((who) =>
    WHERE.map(
      (target): Call => ({
        label: `${who} creates in ${target} area`,
        who,
        method: 'POST',
        url: () => path,
        body: () => ({ ...body(), areaId: area[target] }),
        expect: rule(who, null, target),
      }),
    ),
  );
}

const SPECS: Record<string, Spec> = {
  'POST /api/v1/releases': {
    fields: ['areaId', 'pmOwnerId', 'engOwnerId'],
    calls: () => [
      ...areaCreates('/api/v1/releases', () => ({ title: 'New', targetDate: '2027-06-01' })),
      ...CALLERS.map(
        (who): Call => ({
          label: `${who} creates one in their area for another PM and an engineer`,
          who,
          method: 'POST',
          url: () => '/api/v1/releases',
          body: () => ({
            title: 'Handed',
            targetDate: '2027-06-01',
            areaId: area.own,
            pmOwnerId: otherPm,
            engOwnerId: engineerId,
          }),
          expect: intoOwnArea(who, null, 'own'),
        }),
      ),
    ],
  },
  'PATCH /api/v1/releases/:id': {
    fields: ['areaId', 'pmOwnerId', 'engOwnerId'],
    calls: () => [
      ...areaMoves('PATCH', '/api/v1/releases', release),
      ...CALLERS.flatMap((who) =>
        WHERE.flatMap((record): Call[] => [
          {
            label: `${who} hands a release in ${record} area to another PM`,
            who,
            method: 'PATCH',
            url: async () => `/api/v1/releases/${await release(record)}`,
            body: () => ({ pmOwnerId: otherPm }),
            expect: intoOwnArea(who, record, 'own'),
          },
          {
            label: `${who} names the eng owner of a release in ${record} area`,
            who,
            method: 'PATCH',
            url: async () => `/api/v1/releases/${await release(record)}`,
            body: () => ({ engOwnerId: engineerId }),
            expect: intoOwnArea(who, record, 'own'),
          },
        ]),
      ),
    ],
  },
  'POST /api/v1/pods': {
    fields: ['areaId'],
    calls: () => areaCreates('/api/v1/pods', () => ({ slug: `p-${uid()}`, name: 'Pod' }), managersOnly),
  },
  'PATCH /api/v1/pods/:id': {
    fields: ['areaId'],
    calls: () => areaMoves('PATCH', '/api/v1/pods', async (w) => (await makePod(db, { areaId: area[w] })).id),
  },
  'POST /api/v1/roadmap/items': {
    fields: ['areaId'],
    calls: () =>
      areaCreates('/api/v1/roadmap/items', () => ({
        title: 'New',
        summary: 'A thing',
        confidence: 'low',
        earliest: '2027-01-01',
        latest: '2027-03-31',
      })),
  },
  'PATCH /api/v1/roadmap/items/:id': {
    fields: ['areaId'],
    calls: () => areaMoves('PATCH', '/api/v1/roadmap/items', item, { note: 'Moved' }),
  },
  // Tag corrections are triage: a PM may hand an item to any area, but only from their own or nobody's.
  'PATCH /api/v1/insights/:id': {
    fields: ['areaId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        WHERE.flatMap((record) =>
          WHERE.map(
            (target): Call => ({
              label: `${who} re-tags an item of ${record} area to ${target} area`,
              who,
              method: 'PATCH',
              url: async () => `/api/v1/insights/${await insight(record)}`,
              body: () => ({ areaId: area[target] }),
              expect: manager(who) || (who === 'pm' && record !== 'other') ? 'allowed' : 'denied',
            }),
          ),
        ),
      ),
  },
  // Giving a theme an owner is Product Ops' job (and up): no PM hands themes to themselves or others.
  'POST /api/v1/insights/routings/:id/assign': {
    fields: ['areaId', 'ownerId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        WHERE.map(
          (target): Call => ({
            label: `${who} assigns a theme nobody owns to ${target} area`,
            who,
            method: 'POST',
            url: async () => `/api/v1/insights/routings/${await unownedRouting()}/assign`,
            body: () => ({ areaId: area[target], ownerId: ownerOfWhere(target) ?? undefined }),
            expect: managersOnly(who),
          }),
        ),
      ),
  },
  'POST /api/v1/areas': {
    fields: ['ownerPmId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        (['own', 'other'] as const).map(
          (owner): Call => ({
            label: `${who} creates an area owned by ${owner === 'own' ? 'the PM caller' : 'another PM'}`,
            who,
            method: 'POST',
            url: () => '/api/v1/areas',
            body: () => ({ slug: `a-${uid()}`, name: `Area ${uid()}`, ownerPmId: ownerOfWhere(owner) }),
            expect: managersOnly(who),
          }),
        ),
      ),
  },
  'PATCH /api/v1/areas/:id': {
    fields: ['ownerPmId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        WHERE.flatMap((record) =>
          (['own', 'other'] as const).map(
            (owner): Call => ({
              label: `${who} gives an area (${record}) to ${owner === 'own' ? 'the PM caller' : 'another PM'}`,
              who,
              method: 'PATCH',
              url: async () =>
                `/api/v1/areas/${(await makeArea(db, { ownerPmId: ownerOfWhere(record) })).id}`,
              body: () => ({ ownerPmId: ownerOfWhere(owner) }),
              expect: managersOnly(who),
            }),
          ),
        ),
      ),
  },
  'POST /api/v1/roadmap/reviews/:occurrenceId/actions': {
    fields: ['ownerId', 'areaId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        WHERE.map(
          (target): Call => ({
            label: `${who} assigns a review action in ${target} area`,
            who,
            method: 'POST',
            url: async () => `/api/v1/roadmap/reviews/${await startedReview()}/actions`,
            body: () => ({ title: 'Follow up', ownerId: otherPm, areaId: area[target] }),
            expect: managersOnly(who),
          }),
        ),
      ),
  },
  'POST /api/v1/decisions': {
    fields: ['ownerId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        (['self', 'other'] as const).map(
          (owner): Call => ({
            label: `${who} records a decision owned by ${owner === 'self' ? 'themselves' : 'another PM'}`,
            who,
            method: 'POST',
            url: () => '/api/v1/decisions',
            body: () => decisionTemplate(owner === 'self' ? callers.get(who)!.id : otherPm),
            expect: manager(who) || (who === 'pm' && owner === 'self') ? 'allowed' : 'denied',
          }),
        ),
      ),
  },
  'POST /api/v1/decisions/:id/revisit': {
    fields: ['replacement.ownerId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        (['own', 'other'] as const).flatMap((record) =>
          (['self', 'other'] as const).map(
            (owner): Call => ({
              label: `${who} supersedes a decision of ${record === 'own' ? 'the PM caller' : 'another PM'} with one owned by ${owner}`,
              who,
              method: 'POST',
              url: async () => {
                const ownerId = record === 'own' ? callers.get('pm')!.id : otherPm;
                const d = await recordDecision({
                  db,
                  actor: test,
                  input: decisionTemplate(ownerId),
                  now: now(),
                });
                return `/api/v1/decisions/${d.id}/revisit`;
              },
              body: () => ({
                outcome: 'superseded',
                note: 'Changed',
                replacement: decisionTemplate(owner === 'self' ? callers.get(who)!.id : otherPm),
              }),
              expect:
                manager(who) || (who === 'pm' && record === 'own' && owner === 'self') ? 'allowed' : 'denied',
            }),
          ),
        ),
      ),
  },
  'POST /api/v1/people': {
    fields: ['email', 'roles', 'active', 'password'],
    calls: () => peopleCreates(uid),
  },
  'PATCH /api/v1/people/:id': {
    fields: ['email', 'roles', 'active', 'password', 'currentPassword'],
    calls: () => peopleChanges(db, uid),
  },
};

const routeKey = (method: string, url: string) => `${method} ${url}`;

describe('security matrix (route × role × ownership × privileged field)', () => {
  it('covers every route whose body takes a privileged field, and each such field', () => {
    const found: Record<string, string[]> = {};
    for (const r of t.app.routeTable) {
      const fields = r.bodyFields.filter((f) => PRIVILEGED.includes(f.split('.').pop()!));
      if (fields.length) found[routeKey(r.method, r.url)] = fields.sort();
    }
    const covered = Object.fromEntries(Object.entries(SPECS).map(([k, s]) => [k, [...s.fields].sort()]));
    const exempt = Object.keys(EXEMPT);
    expect(Object.keys(found).sort()).toEqual([...Object.keys(SPECS), ...exempt].sort());
    for (const key of Object.keys(SPECS))
      expect({ key, fields: found[key] }).toEqual({ key, fields: covered[key] });
  });

  let total = 0;
  let failed = 0;
  for (const [route, spec] of Object.entries(SPECS)) {
    it(`${route}: every caller, ownership and target`, async () => {
      const failures: string[] = [];
      const calls = spec.calls();
      for (const c of calls) {
        const url = await c.url();
        const res = await t.app.inject({
          method: c.method,
          url,
          headers: c.headers?.() ?? callers.get(c.who)!.headers,
          payload: c.body(),
        });
        const got: Verdict | number =
          res.statusCode === 403
            ? 'denied'
            : [200, 201, 400, 409].includes(res.statusCode)
              ? 'allowed'
              : res.statusCode;
        if (got !== c.expect)
          failures.push(`${c.label}: expected ${c.expect}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      total += calls.length;
      failed += failures.length;
      expect(failures).toEqual([]);
    });
  }
  afterAll(() => {
    console.log(`security matrix: ${total} cases, ${failed} failed`);
  });
});
