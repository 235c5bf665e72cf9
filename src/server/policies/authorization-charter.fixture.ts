import { asc, isNotNull } from 'drizzle-orm';
import { frictions } from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { publishQbr } from '../../services/charter/qbr.ts';
import { createContext } from '../../services/context.ts';
import { type Case, type Ctx, managers, productOrg, signedInOnly } from './authorization-cases.fixture.ts';

/**
 * Issue 16: the charter (everyone signed in reads it), the top frictions and the QBR (the product org's) in the
 * app-wide authorization matrix; Product Ops, the Head of Product and admins write. Bad input:
 * routes/validation-charter.fixture.ts.
 */

export const charterContent = {
  mission: 'Make shipping predictable.',
  primaryCustomers: 'PMs',
  scope: ['Cadence'],
  nonGoals: ['Strategy'],
  decisionRights: 'PMs decide.',
  intake: '#product-ops',
  prioritization: 'Weekly triage',
  slas: ['Tier 3: 10 business days'],
  successMetrics: ['Ritual adoption > 80%'],
};

export const qbrInput = {
  priorities: [{ text: 'Enable every Tier 3 launch' }],
  retrospective: { worked: ['Weekly update'], didNot: [], prune: [] },
};

const activeIds = async (c: Ctx) =>
  (
    await c.db
      .select({ id: frictions.id })
      .from(frictions)
      .where(isNotNull(frictions.rank))
      .orderBy(asc(frictions.rank))
  ).map((f) => f.id);

export const CHARTER_CASES: Record<string, Case> = {
  'GET /api/v1/charter': { expect: signedInOnly },
  'GET /api/v1/charter.md': { expect: signedInOnly },
  'GET /api/v1/charter/versions': { expect: signedInOnly },
  'PUT /api/v1/charter': { expect: managers(), body: () => charterContent },
  'GET /api/v1/frictions': { expect: productOrg },
  'POST /api/v1/frictions': { expect: managers(), body: () => ({ title: 'Slow answers' }) },
  'PATCH /api/v1/frictions/:id': {
    expect: managers(),
    url: async (c) => `/api/v1/frictions/${(await activeIds(c))[0]}`,
    body: () => ({ evidence: '14 pings a week' }),
  },
  'PUT /api/v1/frictions/ranking': {
    expect: managers(),
    body: async (c) => ({ ids: (await activeIds(c)).reverse() }),
  },
  'GET /api/v1/qbr': { expect: productOrg },
  'GET /api/v1/qbr/:quarter': { expect: productOrg, url: () => '/api/v1/qbr/2026-Q4' },
  'GET /api/v1/qbr/:quarter/versions': { expect: productOrg, url: () => '/api/v1/qbr/2026-Q4/versions' },
  'GET /api/v1/qbr/:quarter/versions/:version': {
    expect: productOrg,
    url: async (c) => {
      const ctx = createContext({
        db: c.db,
        actor: systemActor('test'),
        now: new Date('2026-11-20T12:00:00Z'),
      });
      const v = await publishQbr({ ctx, actor: systemActor('test'), quarter: '2026-Q3', input: qbrInput });
      return `/api/v1/qbr/2026-Q3/versions/${v.version}`;
    },
  },
  'POST /api/v1/qbr/:quarter/publish': {
    expect: managers(),
    url: () => '/api/v1/qbr/2026-Q4/publish',
    body: () => qbrInput,
  },
};
