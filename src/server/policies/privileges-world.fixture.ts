import { and, eq, isNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makeArea, makePerson, signedIn } from '../../../test/factories.ts';
import type { Db } from '../../db/client.ts';
import {
  insightItems,
  insightRoutings,
  ritualOccurrences,
  rituals,
  roadmapReviews,
} from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { createRelease } from '../../services/releases/releases.ts';
import { createRoadmapItem, markRatified } from '../../services/roadmap/item-writes.ts';
import { startReview } from '../../services/roadmap/review-actions.ts';
import { systemClock } from '../../shared/clock.ts';
import type { TRole } from '../../shared/roles.ts';
import { CALLERS, type Call, intoOwnArea, WHERE, type Where, type Who } from './privileges-cases.fixture.ts';

/**
 * The security matrix's world (privileges.test.ts): the app, a signed-in caller per role, an area owned by the PM
 * caller, one by another PM and one by nobody; records made in them, and the call lists that move records between
 * them. Filled by start() in the test's beforeAll; the case tables read it only when their calls run.
 */
export class World {
  t!: TestApp;
  db!: Db;
  readonly callers = new Map<Who, { headers: Record<string, string>; id: string }>();
  readonly area: Record<Where, string> = { own: '', other: '', none: '' };
  otherPm = '';
  engineerId = '';
  readonly actor = systemActor('test:privileges');

  async start() {
    this.t = await createTestApp();
    this.db = this.t.database.db;
    for (const who of CALLERS) {
      const s = await signedIn(this.db, [who as TRole]);
      this.callers.set(who, { headers: s.headers, id: s.person.id });
    }
    this.otherPm = (await makePerson(this.db, { roles: ['pm'] })).id;
    this.engineerId = this.callers.get('engineer')!.id;
    this.area.own = (await makeArea(this.db, { ownerPmId: this.callers.get('pm')!.id })).id;
    this.area.other = (await makeArea(this.db, { ownerPmId: this.otherPm })).id;
    this.area.none = (await makeArea(this.db)).id;
  }

  now = () => systemClock.now();
  uid = () => crypto.randomUUID().slice(0, 8);

  release = async (where: Where) =>
    (
      await createRelease({
        db: this.db,
        actor: this.actor,
        input: { title: 'R', areaId: this.area[where], targetDate: '2027-06-01' },
        now: this.now(),
      })
    ).id;

  /** Ratified, so a stakeholder may read it: their PATCH is then refused as forbidden, not as not found. */
  item = async (where: Where): Promise<string> => {
    const made = await createRoadmapItem({
      db: this.db,
      actor: this.actor,
      input: {
        title: 'Item',
        summary: 'A thing',
        areaId: this.area[where],
        confidence: 'low',
        earliest: '2027-01-01',
        latest: '2027-03-31',
      },
      now: this.now(),
    });
    await markRatified(this.db, made.id, 1, this.now());
    return made.id;
  };

  insight = async (where: Where): Promise<number> => {
    const [row] = await this.db
      .insert(insightItems)
      .values({
        source: 'support',
        externalId: `priv-${this.uid()}`,
        title: 'Charged twice',
        occurredAt: this.now(),
        kind: 'bug',
        kindConfidence: 1,
        severity: 'high',
        dupKey: BigInt(Math.floor(Math.random() * 1e12)),
        areaId: this.area[where],
      })
      .returning({ id: insightItems.id });
    return row!.id;
  };

  startedReview = async (): Promise<string> => {
    const [o] = await this.db
      .select({ id: ritualOccurrences.id })
      .from(ritualOccurrences)
      .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
      .leftJoin(roadmapReviews, eq(roadmapReviews.occurrenceId, ritualOccurrences.id))
      .where(and(eq(rituals.slug, 'roadmap-review'), isNull(roadmapReviews.closedAt)))
      .orderBy(ritualOccurrences.startsAt)
      .limit(1);
    await startReview({ db: this.db, actor: this.actor, occurrenceId: o!.id, now: this.now() }).catch(
      () => undefined,
    );
    return o!.id;
  };

  /** A theme routed nobody (no area): the kind Product Ops assigns. */
  unownedRouting = async (): Promise<string> => {
    const [row] = await this.db
      .insert(insightRoutings)
      .values({ week: '2026-W41', theme: `t-${this.uid()}`, rank: 1, evidence: {} })
      .returning({ id: insightRoutings.id });
    return row!.id;
  };

  ownerOfWhere = (where: Where) =>
    where === 'own' ? this.callers.get('pm')!.id : where === 'other' ? this.otherPm : null;

  /** Every caller × record × target for a route that moves a record between areas. */
  areaMoves = (method: 'PATCH', path: string, make: (w: Where) => Promise<string | number>, extra = {}) =>
    CALLERS.flatMap((who) =>
      WHERE.flatMap((record) =>
        WHERE.map(
          (target): Call => ({
            label: `${who} moves a record in ${record} area to ${target} area`,
            who,
            method,
            url: async () => `${path}/${await make(record)}`,
            body: () => ({ areaId: this.area[target], ...extra }),
            expect: intoOwnArea(who, record, target),
          }),
        ),
      ),
    );

  /** Every caller × target for a route that creates a record in an area. */
  areaCreates = (path: string, body: () => object, rule = intoOwnArea) =>
    CALLERS.flatMap((who) =>
      WHERE.map(
        (target): Call => ({
          label: `${who} creates in ${target} area`,
          who,
          method: 'POST',
          url: () => path,
          body: () => ({ ...body(), areaId: this.area[target] }),
          expect: rule(who, null, target),
        }),
      ),
    );
}
