import { eq, sql } from 'drizzle-orm';
import { makeArea, makePerson } from '../../../test/factories.ts';
import type { Db } from '../../db/client.ts';
import { ritualOccurrences, roadmapItems, roadmapReviews } from '../../db/schema/index.ts';
import { systemClock } from '../../shared/clock.ts';
import type { TDecisionLogInput } from '../../shared/decisions.ts';
import { systemActor } from '../actor.ts';
import { findRitualBySlug } from '../cadence/rituals.ts';
import { createRelease } from '../releases/releases.ts';

/** A roadmap item row as the roadmap service would write it (only what the decision log reads). */
export async function makeRoadmapItem(db: Db, areaId: string, title: string): Promise<string> {
  const [row] = await db
    .insert(roadmapItems)
    .values({
      areaId,
      state: {
        title,
        summary: `${title}, in stakeholder words`,
        customerNote: '',
        areaId,
        status: 'planned',
        confidence: 'medium',
        earliest: '2027-01-01',
        latest: '2027-03-31',
        visibility: 'stakeholders',
        dependsOn: [],
        releaseIds: [],
        themes: [],
      },
    })
    .returning({ id: roadmapItems.id });
  return row!.id;
}

/** A started Roadmap Review on one of the ritual's occurrences; returns both ids. */
export async function startedReview(db: Db, index = 0) {
  const ritual = await findRitualBySlug(db, 'roadmap-review');
  const occurrences = await db
    .select({ id: ritualOccurrences.id })
    .from(ritualOccurrences)
    .where(eq(ritualOccurrences.ritualId, ritual!.id))
    .orderBy(ritualOccurrences.startsAt);
  const occurrenceId = occurrences[index]!.id;
  const [review] = await db
    .insert(roadmapReviews)
    .values({ occurrenceId, startedBy: 'test' })
    .returning({ id: roadmapReviews.id });
  return { occurrenceId, reviewId: review!.id, unstartedOccurrenceId: occurrences[index + 1]!.id };
}

/** People, two areas with a roadmap item and a release each, and the input of a complete decision. */
export async function decisionWorld(db: Db) {
  const maya = await makePerson(db, { roles: ['pm'], name: 'Maya Chen' });
  const ravi = await makePerson(db, { roles: ['eng_lead'], name: 'Ravi Rao' });
  const billing = await makeArea(db, { name: 'Billing', ownerPmId: maya.id });
  const growth = await makeArea(db, { name: 'Growth' });
  const release = (title: string, areaId: string) =>
    createRelease({
      db,
      actor: systemActor('test'),
      input: { title, areaId, targetDate: '2027-02-01' },
      now: systemClock.now(),
    });
  const world = {
    maya,
    ravi,
    billing,
    growth,
    billingItem: await makeRoadmapItem(db, billing.id, 'Usage-based pricing'),
    growthItem: await makeRoadmapItem(db, growth.id, 'Referral program'),
    billingRelease: (await release('Invoice previews', billing.id)).id,
    growthRelease: (await release('Invite flow', growth.id)).id,
  };
  const input = (over: Partial<TDecisionLogInput> = {}): TDecisionLogInput => ({
    title: 'Price by usage, not by seat',
    context: 'Seat pricing penalises teams that invite viewers.',
    options: ['Keep seats', 'Usage-based pricing', 'Hybrid'],
    rationale: 'Usage tracks the value customers get.',
    ownerId: maya.id,
    reviewDate: '2027-01-15',
    ...over,
  });
  return { ...world, input };
}

/** Rows in the tables a decision write touches: equal before and after means nothing was written. */
export async function decisionCounts(db: Db) {
  const result = await db.execute(sql`
    select (select count(*) from decisions) as decisions, (select count(*) from decision_events) as events,
           (select count(*) from audit_log) as audit, (select count(*) from scheduled_actions) as actions`);
  return (result as unknown as { rows: unknown[] }).rows[0];
}
