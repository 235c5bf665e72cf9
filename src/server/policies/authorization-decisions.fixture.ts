import { makeBug } from '../../../test/factories.ts';
import { fixtureExportZip } from '../../../test/zip.ts';
import type { Db } from '../../db/client.ts';
import { systemActor } from '../../services/actor.ts';
import { recordDecision } from '../../services/decisions/decisions.ts';
import type { TDecisionLogInput } from '../../shared/decisions.ts';
import { type Case, type Ctx, managers, productOrg, signedInOnly } from './authorization-cases.fixture.ts';

/**
 * The decision log's routes in the app-wide authorization matrix (authorization.test.ts): who may call each.
 * Bad input for each write is routes/validation-decisions.fixture.ts.
 */

/** A complete decision log entry owned by `ownerId`. */
export const decisionTemplate = (ownerId: string): TDecisionLogInput => ({
  title: 'Price by usage',
  context: 'Seats penalise viewers.',
  options: ['Seats', 'Usage'],
  rationale: 'Usage tracks value.',
  ownerId,
  reviewDate: '2030-01-15',
});

/** A fresh decision owned by `ownerId`; its id. */
export async function aDecision(db: Db, ownerId: string): Promise<string> {
  return (
    await recordDecision({
      db,
      actor: systemActor('test'),
      input: decisionTemplate(ownerId),
      now: new Date('2026-11-20T12:00:00Z'),
    })
  ).id;
}

const ownedByPmOwner = async (c: Ctx) => aDecision(c.db, c.ids.pmOwner);

export const DECISION_CASES: Record<string, Case> = {
  'GET /api/v1/decisions': { expect: signedInOnly },
  // Issue 14: anyone signed in asks; the answer is cut to what they may read (routes/status/status.test.ts).
  'GET /api/v1/status': { expect: signedInOnly, url: () => '/api/v1/status?q=anything' },
  // Who asked what: the product org's, not a stakeholder's.
  'GET /api/v1/status-requests': { expect: productOrg },
  // Product Ops and up import the Slack exports it counts (the zip as the body; refused before it is read).
  'POST /api/v1/status-requests/imports': {
    expect: managers(),
    headers: { 'content-type': 'application/zip' },
    body: () => fixtureExportZip(),
  },
  // Issue 15: an area's quality controls name customers' tickets: the product org's to read.
  'GET /api/v1/quality/areas': { expect: productOrg },
  'GET /api/v1/quality/areas/:id': { expect: productOrg, url: (c) => `/api/v1/quality/areas/${c.ids.area}` },
  'GET /api/v1/metrics': { expect: productOrg },
  'GET /api/v1/metrics.csv': { expect: productOrg },
  'GET /api/v1/metrics/:key': { expect: productOrg, url: () => '/api/v1/metrics/surprise' },
  'GET /api/v1/velocity/pods': { expect: productOrg },
  'GET /api/v1/velocity/pods/:id/menu': {
    expect: productOrg,
    url: (c) => `/api/v1/velocity/pods/${c.ids.pod}/menu`,
  },
  // No bug backlog: the product org reads bugs; the area's PM (or the week's rotation), Product Ops and up decide
  // one; the person fixing it may close it too (routes/quality/bugs.test.ts: the rotation and the assignee).
  'GET /api/v1/quality/bugs': { expect: productOrg },
  'GET /api/v1/quality/bugs/backlog': { expect: productOrg },
  'POST /api/v1/quality/bugs/:id/decision': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/quality/bugs/${(await makeBug(c.db, { areaId: c.ids.area })).id}/decision`,
    body: (c) => ({ decision: 'fix_now', assigneeId: c.ids.pmOwner }),
  },
  'POST /api/v1/quality/bugs/:id/close': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/quality/bugs/${(await makeBug(c.db, { areaId: c.ids.area })).id}/close`,
  },
  'GET /api/v1/decisions/:id': {
    expect: signedInOnly,
    url: async (c) => `/api/v1/decisions/${await ownedByPmOwner(c)}`,
  },
  // PMs, eng leads, Product Ops and up record decisions.
  // A PM records decisions they own (the body names pmOwner as the owner).
  'POST /api/v1/decisions': {
    expect: { anon: 401, stakeholder: 403, engineer: 403, pm: 403, rest: 'ok' },
    body: (c) => decisionTemplate(c.ids.pmOwner),
  },
  // Its owner, or Product Ops and up, revisit it.
  'POST /api/v1/decisions/:id/revisit': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/decisions/${await ownedByPmOwner(c)}/revisit`,
    body: () => ({ outcome: 'kept', note: 'Still right', nextReviewDate: '2030-06-01' }),
  },
};
