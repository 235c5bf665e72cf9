import { trackerConnections, trackerDifferences, trackerLinks } from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { createRoadmapItem, markRatified } from '../../services/roadmap/item-writes.ts';
import { systemClock } from '../../shared/clock.ts';
import { TRACKER_KINDS, type TTrackerKind } from '../../shared/trackers.ts';
import { type Case, type Ctx, managers, productOrg } from './authorization-cases.fixture.ts';

/**
 * Tracker connections (issue 18) in the authorization matrix. The connection points at a closed local port: a
 * pull fails at once and is shown on the link, so the routes answer without any tracker.
 */
async function connected(c: Ctx) {
  for (const kind of TRACKER_KINDS)
    await c.db
      .insert(trackerConnections)
      .values({ kind, apiUrl: 'http://127.0.0.1:9', updatedBy: 'test', updatedAt: systemClock.now() })
      .onConflictDoNothing();
}

/** Ratified, so a stakeholder's refusal is about the tracker (an unratified item is "not found" to them). */
const item = async (c: Ctx) => {
  const made = await createRoadmapItem({
    db: c.db,
    actor: systemActor('test'),
    input: {
      title: 'Usage billing',
      summary: 'Pay for use',
      areaId: c.ids.area,
      confidence: 'high',
      earliest: '2026-12-01',
      latest: '2027-01-31',
    },
    now: systemClock.now(),
  });
  await markRatified(c.db, made.id, made.version, systemClock.now());
  return made;
};

/** A difference on a fresh link of the release (whose area pmOwner owns). */
async function difference(c: Ctx, kind: TTrackerKind = 'github'): Promise<string> {
  await connected(c);
  const [link] = await c.db
    .insert(trackerLinks)
    .values({
      kind,
      subjectType: 'release',
      subjectId: c.ids.release,
      repo: 'acme/billing',
      ref: '1',
      createdBy: 'test',
      createdAt: systemClock.now(),
    })
    .onConflictDoUpdate({
      target: [trackerLinks.subjectType, trackerLinks.subjectId],
      set: { kind, ref: '1' },
    })
    .returning();
  const [d] = await c.db
    .insert(trackerDifferences)
    .values({
      linkId: link!.id,
      kind: 'due_date',
      trackerValue: `2026-12-${10 + Math.floor(Math.random() * 18)}`,
      prodopsValue: `${crypto.randomUUID()}`,
      detectedAt: systemClock.now(),
    })
    .returning();
  return d!.id;
}

const link = { repo: 'acme/billing', milestone: 3 };

export const TRACKER_CASES: Record<string, Case> = {
  'GET /api/v1/integrations/github': { expect: productOrg },
  'PUT /api/v1/integrations/github': {
    expect: managers(),
    url: async (c) => {
      await connected(c);
      return '/api/v1/integrations/github';
    },
    body: () => ({ apiUrl: 'http://127.0.0.1:9', bugLabel: 'bug' }),
  },
  'POST /api/v1/integrations/github/sync': {
    expect: managers(),
    url: async (c) => {
      await connected(c);
      return '/api/v1/integrations/github/sync';
    },
  },
  'GET /api/v1/integrations/github/differences': { expect: productOrg },
  'POST /api/v1/integrations/github/differences/:id/acknowledge': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/integrations/github/differences/${await difference(c)}/acknowledge`,
  },
  'GET /api/v1/releases/:id/tracker': {
    expect: productOrg,
    url: (c) => `/api/v1/releases/${c.ids.release}/tracker`,
  },
  'POST /api/v1/releases/:id/tracker/link': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => {
      await connected(c);
      return `/api/v1/releases/${c.ids.release}/tracker/link`;
    },
    body: () => link,
  },
  'POST /api/v1/releases/:id/tracker/unlink': {
    expect: managers({ pmOwner: 'ok' }),
    url: (c) => `/api/v1/releases/${c.ids.release}/tracker/unlink`,
  },
  'GET /api/v1/roadmap/items/:id/tracker': {
    expect: productOrg,
    url: async (c) => `/api/v1/roadmap/items/${(await item(c)).id}/tracker`,
  },
  'POST /api/v1/roadmap/items/:id/tracker/link': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => {
      await connected(c);
      return `/api/v1/roadmap/items/${(await item(c)).id}/tracker/link`;
    },
    body: () => link,
  },
  'POST /api/v1/roadmap/items/:id/tracker/unlink': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/roadmap/items/${(await item(c)).id}/tracker/unlink`,
  },
  // Public to GitHub alone: the delivery's signature is the credential, so no session or API token gets in
  // (signed deliveries: services/trackers/trackers.test.ts).
  'GET /api/v1/integrations/jira': { expect: productOrg },
  'PUT /api/v1/integrations/jira': {
    expect: managers(),
    url: async (c) => {
      await connected(c);
      return '/api/v1/integrations/jira';
    },
    body: () => ({ apiUrl: 'http://127.0.0.1:9', bugLabel: 'Bug' }),
  },
  'POST /api/v1/integrations/jira/sync': {
    expect: managers(),
    url: async (c) => {
      await connected(c);
      return '/api/v1/integrations/jira/sync';
    },
  },
  'GET /api/v1/integrations/jira/differences': { expect: productOrg },
  'POST /api/v1/integrations/jira/differences/:id/acknowledge': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/integrations/jira/differences/${await difference(c, 'jira')}/acknowledge`,
  },
  // Public to Jira alone: the shared secret is the credential (services/trackers/jira.test.ts).
  'POST /api/v1/integrations/jira/webhook': {
    expect: { rest: 401 },
    body: () => ({ webhookEvent: 'jira:issue_updated', timestamp: 1 }),
    headers: { 'x-atlassian-webhook-identifier': 'auth-matrix', 'x-prodops-secret': 'not-the-secret' },
  },
  'GET /api/v1/integrations/linear': { expect: productOrg },
  'PUT /api/v1/integrations/linear': {
    expect: managers(),
    url: async (c) => {
      await connected(c);
      return '/api/v1/integrations/linear';
    },
    body: () => ({ apiUrl: 'http://127.0.0.1:9', bugLabel: 'Bug' }),
  },
  'POST /api/v1/integrations/linear/sync': {
    expect: managers(),
    url: async (c) => {
      await connected(c);
      return '/api/v1/integrations/linear/sync';
    },
  },
  'GET /api/v1/integrations/linear/differences': { expect: productOrg },
  'POST /api/v1/integrations/linear/differences/:id/acknowledge': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/integrations/linear/differences/${await difference(c, 'linear')}/acknowledge`,
  },
  // Public to Linear alone: the delivery's signature is the credential (services/trackers/linear.test.ts).
  'POST /api/v1/integrations/linear/webhook': {
    expect: { rest: 401 },
    body: () => ({ action: 'update', type: 'Issue', data: {}, webhookTimestamp: 1 }),
    headers: { 'linear-delivery': 'auth-matrix', 'linear-signature': '00' },
  },
  'POST /api/v1/integrations/github/webhook': {
    expect: { rest: 401 },
    body: () => ({ action: 'opened', zen: 'Keep it logically awesome.' }),
    headers: {
      'x-github-event': 'ping',
      'x-github-delivery': 'auth-matrix',
      'x-hub-signature-256': 'sha256=00',
    },
  },
};
