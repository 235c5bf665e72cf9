import { and, eq, isNull } from 'drizzle-orm';
import { ritualOccurrences, rituals, roadmapReviews } from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { createSubscription } from '../../services/delivery/subscriptions.ts';
import { createRoadmapItem, markRatified } from '../../services/roadmap/item-writes.ts';
import { startReview } from '../../services/roadmap/review-actions.ts';
import { systemClock } from '../../shared/clock.ts';
import { type Case, type Ctx, managers, productOrg, signedInOnly } from './authorization-cases.fixture.ts';

const item = (c: Ctx, title = 'Usage billing') =>
  createRoadmapItem({
    db: c.db,
    actor: systemActor('test'),
    input: {
      title,
      summary: 'Pay for use',
      areaId: c.ids.area,
      confidence: 'high',
      earliest: '2026-12-01',
      latest: '2027-01-31',
    },
    now: systemClock.now(),
  });

/** A Roadmap Review occurrence nobody has closed yet (other than the one the outcome cases use), started. */
async function openReview(c: Ctx): Promise<string> {
  const [o] = await c.db
    .select({ id: ritualOccurrences.id })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .leftJoin(roadmapReviews, eq(roadmapReviews.occurrenceId, ritualOccurrences.id))
    .where(and(eq(rituals.slug, 'roadmap-review'), isNull(roadmapReviews.closedAt)))
    .orderBy(ritualOccurrences.startsAt);
  const free = o && o.id !== c.ids.occurrence ? o.id : c.ids.occurrence;
  await startReview({ db: c.db, actor: systemActor('test'), occurrenceId: free, now: systemClock.now() });
  return free;
}

/** An item stakeholders can read: ratified as shown to them. */
async function ratifiedItem(c: Ctx) {
  const made = await item(c);
  await markRatified(c.db, made.id, made.version, systemClock.now());
  return made;
}

/** The product org reads the review; stakeholders do not (it works on unratified changes and PMs' notes). */

let pendingItem = '';
const ratifiers: Case['expect'] = {
  anon: 401,
  stakeholder: 403,
  engineer: 403,
  pm: 403,
  pmOwner: 403,
  product_ops: 403,
  rest: 'ok',
};

/** Roadmap (C4) routes of the authorization matrix. */
export const ROADMAP_CASES: Record<string, Case> = {
  'GET /api/v1/roadmap/items': { expect: signedInOnly },
  'GET /api/v1/roadmap/items/:id': {
    expect: signedInOnly,
    url: async (c) => `/api/v1/roadmap/items/${(await ratifiedItem(c)).id}`,
  },
  'POST /api/v1/roadmap/items': {
    // A PM adds items to the areas they own; pmOwner owns the test area.
    expect: managers({ pmOwner: 'ok' }),
    body: (c) => ({
      title: 'New',
      summary: 'New thing',
      areaId: c.ids.area,
      confidence: 'low',
      earliest: '2027-01-01',
      latest: '2027-03-01',
    }),
  },
  'PATCH /api/v1/roadmap/items/:id': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/roadmap/items/${(await ratifiedItem(c)).id}`,
    body: () => ({ latest: '2027-02-28', note: 'Vendor slipped' }),
  },
  // Sizing is planning, not a roadmap change: the same people who edit the item.
  'PUT /api/v1/roadmap/items/:id/size': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/roadmap/items/${(await ratifiedItem(c)).id}/size`,
    body: () => ({ engineerWeeks: 3 }),
  },
  'GET /api/v1/roadmap/items/:id/history': {
    expect: signedInOnly,
    url: async (c) => `/api/v1/roadmap/items/${(await ratifiedItem(c)).id}/history`,
  },
  'GET /api/v1/roadmap/changes': {
    expect: signedInOnly,
    url: () => '/api/v1/roadmap/changes?since=2026-11-01',
  },
  'GET /api/v1/roadmap/view': { expect: signedInOnly, url: () => '/api/v1/roadmap/view?audience=sales' },
  'GET /api/v1/roadmap/view/export': {
    expect: signedInOnly,
    url: () => '/api/v1/roadmap/view/export?format=html',
  },
  'GET /api/v1/roadmap/views': { expect: signedInOnly },
  // Issue 17: the preview republishes and rolls back: who may republish may preview.
  'GET /api/v1/roadmap/view/publish-preview': { expect: managers() },
  'POST /api/v1/roadmap/view/publish': { expect: managers(), body: () => ({}) },
  'GET /api/v1/roadmap/reviews': { expect: productOrg },
  'GET /api/v1/roadmap/reviews/:occurrenceId': {
    expect: productOrg,
    url: (c) => `/api/v1/roadmap/reviews/${c.ids.occurrence}`,
  },
  'POST /api/v1/roadmap/reviews/:occurrenceId/start': {
    expect: managers(),
    url: (c) => `/api/v1/roadmap/reviews/${c.ids.occurrence}/start`,
  },
  'POST /api/v1/roadmap/reviews/:occurrenceId/outcomes': {
    // Ratifying is the Head of Product's call (and an admin's); Product Ops runs the review but does not ratify.
    expect: ratifiers,
    url: async (c) => {
      await startReview({
        db: c.db,
        actor: systemActor('test'),
        occurrenceId: c.ids.occurrence,
        now: systemClock.now(),
      });
      pendingItem = (await item(c, `Pending for ${c.who}`)).id;
      return `/api/v1/roadmap/reviews/${c.ids.occurrence}/outcomes`;
    },
    body: () => ({ itemId: pendingItem, outcome: 'ratified' }),
  },
  // Issue 17: the preview records the outcome and rolls it back: only who may ratify may preview it.
  'GET /api/v1/roadmap/reviews/:occurrenceId/outcomes/preview': {
    expect: ratifiers,
    url: async (c) => {
      await startReview({
        db: c.db,
        actor: systemActor('test'),
        occurrenceId: c.ids.occurrence,
        now: systemClock.now(),
      });
      const pending = (await item(c, `Previewed for ${c.who}`)).id;
      return `/api/v1/roadmap/reviews/${c.ids.occurrence}/outcomes/preview?itemId=${pending}&outcome=ratified`;
    },
  },
  'POST /api/v1/roadmap/reviews/:occurrenceId/actions': {
    expect: managers(),
    url: async (c) => {
      await startReview({
        db: c.db,
        actor: systemActor('test'),
        occurrenceId: c.ids.occurrence,
        now: systemClock.now(),
      });
      return `/api/v1/roadmap/reviews/${c.ids.occurrence}/actions`;
    },
    body: (c) => ({ title: `Resolve the tax dependency (${c.who})`, ownerId: c.ids.pmOwner }),
  },
  'POST /api/v1/roadmap/reviews/:occurrenceId/close': {
    expect: managers(),
    url: async (c) => `/api/v1/roadmap/reviews/${await openReview(c)}/close`,
  },
  'PATCH /api/v1/subscriptions/:id': {
    expect: signedInOnly,
    url: async (c) => {
      // Anonymous callers are refused before anything is looked up.
      if (!c.personId) return `/api/v1/subscriptions/${crypto.randomUUID()}`;
      const actor = { personId: c.personId, label: c.who, roles: [] };
      const sub = await createSubscription({ db: c.db, actor, input: { kind: 'roadmap' } });
      return `/api/v1/subscriptions/${sub.id}`;
    },
    body: () => ({ toleranceDays: 21 }),
  },
};
