import { desc } from 'drizzle-orm';
import {
  insightItems,
  insightRoutings,
  readinessLinks,
  releaseActionItems,
  releaseSignOffs,
} from '../../db/schema/index.ts';
import { LITE_SECTIONS } from '../../domain/releases/bundle.ts';
import { systemActor } from '../../services/actor.ts';
import { sha256 } from '../../services/auth/tokens.ts';
import { publishDigest } from '../../services/insights/digest.ts';
import { ingestFeedback } from '../../services/insights/ingest.ts';
import { releaseBundle, saveBundle } from '../../services/releases/bundle.ts';
import { overrideGateCheck } from '../../services/releases/overrides.ts';
import { createRelease } from '../../services/releases/releases.ts';
import { systemClock } from '../../shared/clock.ts';
import { type Case, type Ctx, managers, publicRoute, signedInOnly } from './authorization-cases.fixture.ts';

/** One release whose bundle was distributed, made on first use (each caller reads the same one). */
let distributed: Promise<string> | undefined;
function distributedOnce(c: Ctx): Promise<string> {
  distributed ??= readyToPublish(c).then(async (id) => {
    const actor = systemActor('test');
    await releaseBundle({ db: c.db, actor, releaseId: id, stage: 'distribution', now: systemClock.now() });
    return id;
  });
  return distributed;
}

/** A Tier 2 release whose lite bundle is complete, so Product Ops can publish it. */
async function readyToPublish(c: Ctx): Promise<string> {
  const r = await createRelease({
    db: c.db,
    actor: systemActor('test'),
    input: { title: 'Publishable', areaId: c.ids.area, targetDate: '2026-12-30', tier: 2 },
    now: systemClock.now(),
  });
  const sections = Object.fromEntries(LITE_SECTIONS.map((k) => [k, `Written: ${k}`]));
  await saveBundle({
    db: c.db,
    actor: systemActor('test'),
    releaseId: r.id,
    input: { sections },
    now: systemClock.now(),
  });
  return r.id;
}

async function linkToken(c: Ctx): Promise<string> {
  const token = `tok-${crypto.randomUUID()}`;
  await c.db
    .insert(readinessLinks)
    .values({ tokenHash: sha256(token), releaseId: c.ids.release, personId: c.ids.person, kind: 'support' });
  return token;
}

const WEEK_MS = 7 * 86_400_000;
const overrideBody = () => ({
  checkId: 'sign_offs',
  reason: 'Support trained live; the sign-off follows.',
  expiresAt: new Date(systemClock.now().getTime() + WEEK_MS).toISOString(),
});

/** An active override of the test release's sign-offs, to revoke. */
async function anOverride(c: Ctx): Promise<string> {
  const o = await overrideGateCheck({
    db: c.db,
    actor: { personId: null, label: 'test', roles: ['head_of_product'] },
    releaseId: c.ids.release,
    ...overrideBody(),
    expiresAt: new Date(systemClock.now().getTime() + WEEK_MS),
    now: systemClock.now(),
  });
  return o.id;
}

/** Overriding a gate check is the Head of Product's call alone (SPEC: the accountable role). */
const headOfProductOnly: Case['expect'] = { anon: 401, head_of_product: 'ok', rest: 403 };

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
    now: systemClock.now(),
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

/** Release enablement (C5) and insights (C6) routes of the authorization matrix. */
export const RELEASE_AND_INSIGHT_CASES: Record<string, Case> = {
  'GET /api/v1/releases': { expect: signedInOnly },
  'GET /api/v1/releases/:id': { expect: signedInOnly, url: (c) => `/api/v1/releases/${c.ids.release}` },
  // A PM creates releases only in an area they own (pmOwner owns the test area).
  'POST /api/v1/releases': {
    expect: managers({ pmOwner: 'ok' }),
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
      `/api/v1/releases/${(await createRelease({ db: c.db, actor: systemActor('test'), input: { title: 'Gone', areaId: c.ids.area, targetDate: '2026-12-01' }, now: systemClock.now() })).id}`,
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
  // Issue 19: a sent bundle version is read by everyone signed in (stakeholders: not a held launch's).
  'GET /api/v1/releases/:id/bundle/artifact': {
    expect: signedInOnly,
    url: async (c) => `/api/v1/releases/${await distributedOnce(c)}/bundle/artifact`,
  },
  // Issue 17: a bundle's distribution and publication are previewed by whoever may send them.
  'GET /api/v1/releases/:id/bundle/distribute-preview': {
    expect: managers(),
    url: (c) => `/api/v1/releases/${c.ids.release}/bundle/distribute-preview`,
  },
  'GET /api/v1/releases/:id/bundle/publish-preview': {
    expect: managers(),
    url: async (c) => `/api/v1/releases/${await readyToPublish(c)}/bundle/publish-preview`,
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
  'POST /api/v1/releases/:id/gate-overrides': {
    expect: headOfProductOnly,
    url: (c) => `/api/v1/releases/${c.ids.release}/gate-overrides`,
    body: overrideBody,
  },
  'DELETE /api/v1/releases/:id/gate-overrides/:overrideId': {
    expect: headOfProductOnly,
    url: async (c) => `/api/v1/releases/${c.ids.release}/gate-overrides/${await anOverride(c)}`,
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
        now: systemClock.now(),
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
  'POST /api/v1/insights/routings/:id/assign': {
    // Product Ops (and up) gives a theme its owner; not the PMs it may go to.
    expect: managers(),
    url: async (c) => `/api/v1/insights/routings/${await aRouting(c)}/assign`,
    body: (c) => ({ areaId: c.ids.area }),
  },
  'GET /api/v1/insights/digests': { expect: signedInOnly },
  'GET /api/v1/insights/digests/:month': {
    expect: signedInOnly,
    url: async (c) => {
      await publishDigest({ db: c.db, actor: systemActor('test'), month: '2026-10', now: systemClock.now() });
      return '/api/v1/insights/digests/2026-10';
    },
  },
  // Issue 17: the preview publishes and rolls back: who may publish may preview.
  'GET /api/v1/insights/digests/:month/publish-preview': {
    expect: managers(),
    url: () => '/api/v1/insights/digests/2026-08/publish-preview',
  },
  'POST /api/v1/insights/digests/:month/publish': {
    expect: managers(),
    url: () => '/api/v1/insights/digests/2026-09/publish',
  },
};
