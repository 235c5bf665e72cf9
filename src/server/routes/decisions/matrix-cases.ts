import type { Db } from '../../../db/client.ts';
import { systemActor } from '../../../services/actor.ts';
import { recordDecision } from '../../../services/decisions/decisions.ts';
import type { TDecisionLogInput } from '../../../shared/decisions.ts';
import { type Case, type Ctx, managers, signedInOnly } from '../../policies/authorization-cases.ts';
import type { BadCase } from '../validation-releases-insights.ts';

/**
 * The decision log's routes in the app-wide matrices: who may call each (policies/authorization.test.ts) and
 * bad input for each write (routes/validation.test.ts).
 */

const template = (ownerId: string): TDecisionLogInput => ({
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
      input: template(ownerId),
      now: new Date('2026-11-20T12:00:00Z'),
    })
  ).id;
}

const ownedByPmOwner = async (c: Ctx) => aDecision(c.db, c.ids.pmOwner);

export const DECISION_CASES: Record<string, Case> = {
  'GET /api/v1/decisions': { expect: signedInOnly },
  'GET /api/v1/decisions/:id': {
    expect: signedInOnly,
    url: async (c) => `/api/v1/decisions/${await ownedByPmOwner(c)}`,
  },
  // PMs, eng leads, Product Ops and up record decisions.
  'POST /api/v1/decisions': {
    expect: { anon: 401, stakeholder: 403, engineer: 403, rest: 'ok' },
    body: (c) => template(c.ids.pmOwner),
  },
  // Its owner, or Product Ops and up, revisit it.
  'POST /api/v1/decisions/:id/revisit': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/decisions/${await ownedByPmOwner(c)}/revisit`,
    body: () => ({ outcome: 'kept', note: 'Still right', nextReviewDate: '2030-06-01' }),
  },
};

/** `ids.decision`: an active decision; `ids.pm1`: an active person. */
export function decisionBadCases(ids: { decision: string; pm1: string }): Record<string, BadCase[]> {
  return {
    'POST /api/v1/decisions': [
      {
        name: 'no field of the template',
        body: {},
        fields: ['title', 'context', 'options', 'rationale', 'ownerId', 'reviewDate'],
      },
      {
        name: 'review date before the decision, links that do not exist',
        body: {
          ...template(ids.pm1),
          decidedOn: '2026-10-01',
          reviewDate: '2026-09-01',
          roadmapItemIds: [crypto.randomUUID()],
          themes: ['vibes'],
        },
        fields: ['reviewDate', 'roadmapItemIds.0', 'themes.0'],
      },
    ],
    'POST /api/v1/decisions/:id/revisit': [
      {
        name: 'kept without a note or a next review date',
        url: `/api/v1/decisions/${ids.decision}/revisit`,
        body: { outcome: 'kept', note: '' },
        fields: ['note', 'nextReviewDate'],
      },
      {
        name: 'superseded by a replacement with no owner',
        url: `/api/v1/decisions/${ids.decision}/revisit`,
        body: { outcome: 'superseded', note: 'Changed', replacement: { ...template(ids.pm1), ownerId: 'x' } },
        fields: ['replacement.ownerId'],
      },
    ],
  };
}
