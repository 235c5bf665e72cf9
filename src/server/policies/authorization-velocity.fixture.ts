import type { Db } from '../../db/client.ts';
import { systemActor } from '../../services/actor.ts';
import { createBet } from '../../services/velocity/bets.ts';
import { createBrief } from '../../services/velocity/briefs.ts';
import type { TBetInput, TBriefInput } from '../../shared/bets.ts';
import { type Case, type Ctx, productOrg } from './authorization-cases.fixture.ts';

/**
 * Bets and experiment briefs (issue 15) in the app-wide authorization matrix: the product org's, stakeholders
 * refused. Bad input for each write is routes/validation-velocity.fixture.ts.
 */

export const betTemplate = (podId: string, ownerId: string): TBetInput => ({
  title: 'Usage-based pricing',
  podId,
  ownerId,
  profile: {
    familiarity: 'medium',
    change: ['behaviour'],
    measurability: 'high',
    goal: 'growth',
    dependence: 'none',
    traceability: 'high',
  },
});

export const briefTemplate: TBriefInput = {
  experiment: 'Show a usage meter to 10% of workspaces',
  opportunity: 'Customers who see their usage upgrade sooner',
  positiveSignals: ['Upgrades from the meter page'],
  harmfulIndicators: ['Downgrades within a week'],
};

const now = new Date('2026-11-20T12:00:00Z');

/** A fresh bet in `podId` owned by `ownerId`; its id. */
export async function aBet(db: Db, podId: string, ownerId: string): Promise<string> {
  return (await createBet({ db, actor: systemActor('test'), input: betTemplate(podId, ownerId), now })).id;
}

export async function aBrief(db: Db, betId: string): Promise<string> {
  return (await createBrief({ db, actor: systemActor('test'), betId, input: briefTemplate, now })).id;
}

const bet = (c: Ctx) => aBet(c.db, c.ids.pod, c.ids.pmOwner);

export const VELOCITY_CASES: Record<string, Case> = {
  'GET /api/v1/bets': { expect: productOrg },
  'GET /api/v1/bets/:id': { expect: productOrg, url: async (c) => `/api/v1/bets/${await bet(c)}` },
  // Any member of the product org: a pod plans its bets together.
  'POST /api/v1/bets': { expect: productOrg, body: (c) => betTemplate(c.ids.pod, c.ids.pmOwner) },
  'PATCH /api/v1/bets/:id': {
    expect: productOrg,
    url: async (c) => `/api/v1/bets/${await bet(c)}`,
    body: () => ({ status: 'won' }),
  },
  'POST /api/v1/bets/:id/briefs': {
    expect: productOrg,
    url: async (c) => `/api/v1/bets/${await bet(c)}/briefs`,
    body: () => briefTemplate,
  },
  'PATCH /api/v1/briefs/:id': {
    expect: productOrg,
    url: async (c) => `/api/v1/briefs/${await aBrief(c.db, await bet(c))}`,
    body: () => ({ opportunity: 'Sooner upgrades' }),
  },
};
