import { isNull } from 'drizzle-orm';
import { planDeliverables, plans } from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { startPlan } from '../../services/plan/plan.ts';
import { addDays, todayIn } from '../../shared/calendar.ts';
import { systemClock } from '../../shared/clock.ts';
import { type Case, type Ctx, managers, productOrg } from './authorization-cases.fixture.ts';

/**
 * The 30/60/90 plan (issue 16) in the authorization matrix: the product org reads it, Product Ops and up keep it.
 * The plan starts 120 days back, so every retrospective has happened whatever day the suite runs.
 */
const startOn = () => addDays(todayIn('UTC', systemClock.now()), -120);

async function started(c: Ctx) {
  const [plan] = await c.db.select().from(plans);
  if (!plan)
    await startPlan({ db: c.db, actor: systemActor('test'), startOn: startOn(), now: systemClock.now() });
}

async function manualDeliverable(c: Ctx) {
  await started(c);
  const [d] = await c.db
    .select({ id: planDeliverables.id })
    .from(planDeliverables)
    .where(isNull(planDeliverables.check));
  return d!.id;
}

export const PLAN_CASES: Record<string, Case> = {
  'GET /api/v1/plan': { expect: productOrg },
  'POST /api/v1/plan': { expect: managers(), body: () => ({ startOn: startOn() }) },
  'PATCH /api/v1/plan/timeboxes/:n': {
    expect: managers(),
    url: async (c) => {
      await started(c);
      return '/api/v1/plan/timeboxes/2';
    },
    body: () => ({ goal: 'Cadence + insights, org-wide' }),
  },
  'POST /api/v1/plan/deliverables/:id/tick': {
    expect: managers(),
    url: async (c) => `/api/v1/plan/deliverables/${await manualDeliverable(c)}/tick`,
    body: () => ({ done: true, note: 'Published on the wiki' }),
  },
  'GET /api/v1/plan/retros': { expect: productOrg },
  'PUT /api/v1/plan/retros/:week': {
    expect: managers(),
    url: async (c) => {
      await started(c);
      return '/api/v1/plan/retros/4';
    },
    body: (c) => ({
      working: 'The update is read',
      overhead: 'Chasing late updates',
      adjust: 'Earlier deadline',
      actions: [{ title: 'Move the deadline', ownerId: c.ids.person }],
    }),
  },
};
