import { eq, isNotNull, isNull } from 'drizzle-orm';
import type { TestApp } from '../../../test/app.ts';
import { makeArea, makeBug, makePerson, makePod } from '../../../test/factories.ts';
import {
  frictions,
  insightItems,
  insightRoutings,
  planDeliverables,
  ritualOccurrences,
} from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { findRitualBySlug } from '../../services/cadence/rituals.ts';
import { createChannel } from '../../services/delivery/channels.ts';
import { startPlan } from '../../services/plan/plan.ts';
import { createRelease } from '../../services/releases/releases.ts';
import { createBet } from '../../services/velocity/bets.ts';
import { systemClock } from '../../shared/clock.ts';
import type { TReleaseInput } from '../../shared/releases.ts';
import { aDecision } from '../policies/authorization-decisions.fixture.ts';
import { aBet, aBrief, betTemplate } from '../policies/authorization-velocity.fixture.ts';
import { roadmapFixtures } from './validation-roadmap.fixture.ts';

/**
 * The records validation.test.ts's bad cases point at (an area, a release, a friction…), each id written into
 * `ids` under the name the cases use.
 */
export async function seedValidationRecords(
  t: TestApp,
  admin: { headers: Record<string, string> },
  ids: Record<string, string>,
): Promise<void> {
  const db = t.database.db;
  ids.stakeholder = (await makePerson(db)).id;
  ids.pm1 = (await makePerson(db, { roles: ['pm'] })).id;
  ids.pm2 = (await makePerson(db, { roles: ['pm'] })).id;
  ids.person = ids.stakeholder;
  ids.area = (await makeArea(db, { ownerPmId: ids.pm1 })).id;
  ids.decision = await aDecision(db, ids.pm1);
  ids.bug = (await makeBug(db, { areaId: ids.area })).id;
  ids.inactive = (await makePerson(db, { roles: ['engineer'], active: false })).id;
  ids.pod = (await makePod(db, { areaId: ids.area })).id;
  ids.friction = (await db.select().from(frictions).where(isNotNull(frictions.rank)).limit(1))[0]!.id;
  ids.ritual = (await findRitualBySlug(db, 'roadmap-review'))!.id;
  ids.occurrence = (
    await db.select().from(ritualOccurrences).where(eq(ritualOccurrences.ritualId, ids.ritual)).limit(1)
  )[0]!.id;
  ids.channel = (
    await createChannel({
      db,
      actor: systemActor('test'),
      input: { kind: 'slack', name: '#validation', webhookUrl: 'https://hooks.slack.com/services/T1/B1/abc' },
      allowAnyWebhookHost: false,
    })
  ).id;
  ids.release = (
    await createRelease({
      db,
      actor: systemActor('test'),
      input: { title: 'Usage billing', targetDate: '2026-12-01' },
      now: systemClock.now(),
    })
  ).id;
  const release = (input: TReleaseInput) =>
    createRelease({ db, actor: systemActor('test'), input, now: systemClock.now() });
  ids.tier2 = (await release({ title: 'Invoice previews', targetDate: '2026-12-15', tier: 2 })).id;
  ids.launched = (
    await release({ title: 'Tax IDs', targetDate: '2026-11-02', tier: 3, status: 'launched' })
  ).id;
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/insights/intake',
    headers: admin.headers,
    payload: { source: 'support', items: [{ externalId: 'v-1', body: 'The export is slow' }] },
  });
  ids.insight = String((await db.select({ id: insightItems.id }).from(insightItems).limit(1))[0]!.id);
  ids.routing = (
    await db
      .insert(insightRoutings)
      .values({
        week: '2026-W41',
        theme: 'pricing',
        areaId: ids.area,
        ownerId: ids.pm1,
        rank: 1,
        evidence: {},
      })
      .returning()
  )[0]!.id;
  Object.assign(ids, await roadmapFixtures(db, ids.area, ids.pm1));
  await startPlan({ db, actor: systemActor('test'), now: systemClock.now() });
  ids.deliverable = (await db.select().from(planDeliverables).where(isNull(planDeliverables.check)))[0]!.id;
  ids.bet = await aBet(db, ids.pod, ids.pm1);
  ids.brief = await aBrief(db, ids.bet);
  ids.uncharted = (
    await createBet({
      db,
      actor: systemActor('test'),
      input: {
        ...betTemplate(ids.pod, ids.pm1),
        profile: { ...betTemplate(ids.pod, ids.pm1).profile, familiarity: 'low' },
      },
      now: systemClock.now(),
    })
  ).id;
}
