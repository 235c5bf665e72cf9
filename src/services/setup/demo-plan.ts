import { and, asc, eq, gt, gte, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insightRoutings, planDeliverables, ritualOccurrences, rituals } from '../../db/schema/index.ts';
import { addDays, localInstant, todayIn } from '../../shared/calendar.ts';
import type { Actor } from '../actor.ts';
import { expectedAttendees, recordOccurrence } from '../cadence/attendance.ts';
import { disposeRouting } from '../insights/triage.ts';
import { startPlan, tickDeliverable } from '../plan/plan.ts';
import { listRetros, RETRO_RITUAL, recordRetro } from '../plan/retros.ts';

/** The plan started 40 days ago: today is day 41, the first timebox over, the second a third through. */
const DAYS_AGO = 40;

/** Product Ops' notes on the deliverables no record shows (pack §7, days 0–30). */
const TICKS: Record<string, string> = {
  'Published charter': 'Charter signed off by Hana and posted in #product-ops',
  'Enablement bundle template published': 'Template on the wiki; walked through it with the Billing pod',
  'Baseline stakeholder surprise survey sent': 'Sent to Sales, CS and Support leads; 11 of 14 answered',
};

/**
 * The pilot kept the weekly update on time through its first 30 days: the quarter of ritual history is drawn at
 * random (demo-history.ts), so a late one there is put right.
 */
async function pilotUpdatesOnTime(tx: Db, ops: Actor, startOn: string, timeZone: string) {
  const [ritual] = await tx.select().from(rituals).where(eq(rituals.slug, 'weekly-product-update'));
  const late = await tx
    .select()
    .from(ritualOccurrences)
    .where(
      and(
        eq(ritualOccurrences.ritualId, ritual!.id),
        gte(ritualOccurrences.startsAt, localInstant(startOn, '00:00', timeZone)),
        lt(ritualOccurrences.startsAt, localInstant(addDays(startOn, 30), '00:00', timeZone)),
        gt(ritualOccurrences.artifactProducedAt, ritualOccurrences.artifactDueAt),
      ),
    );
  for (const occ of late)
    await recordOccurrence({
      db: tx,
      actor: ops,
      id: occ.id,
      now: occ.artifactDueAt,
      input: { artifactProducedAt: occ.artifactDueAt.toISOString() },
    });
}

/** Two of last week's routed themes already have their PM's disposition: the triage is operational. */
async function disposeTwoThemes(tx: Db, ops: Actor, now: Date) {
  const routed = await tx.select().from(insightRoutings).orderBy(asc(insightRoutings.rank)).limit(2);
  const [first, second] = routed;
  if (first)
    await disposeRouting({
      db: tx,
      actor: ops,
      id: first.id,
      now,
      input: { disposition: 'backlog', rationale: 'Next quarter’s plan' },
    });
  if (second)
    await disposeRouting({
      db: tx,
      actor: ops,
      id: second.id,
      now,
      input: { disposition: 'needs_research', rationale: 'Five interviews first' },
    });
}

/**
 * Issue 16: the 30/60/90 plan half done, through the real services: started by Priya (Product Ops) 44 days back
 * (on the demo's calendar, whose quarter of rituals is already history), the charter and two other manual
 * deliverables ticked with notes, two routed themes disposed, and the week 4 retrospective held with three owned actions. Week 8's is ahead.
 */
export async function seedDemoPlan(
  tx: Db,
  o: { ops: Actor; people: Map<string, string>; timeZone: string; now: Date },
) {
  const startOn = addDays(todayIn(o.timeZone, o.now), -DAYS_AGO);
  await startPlan({ db: tx, actor: o.ops, startOn, now: o.now });
  await pilotUpdatesOnTime(tx, o.ops, startOn, o.timeZone);
  await disposeTwoThemes(tx, o.ops, o.now);
  const manual = await tx.select().from(planDeliverables).where(isNull(planDeliverables.check));
  for (const d of manual) {
    const note = TICKS[d.title];
    if (note)
      await tickDeliverable({ db: tx, actor: o.ops, id: d.id, tick: { done: true, note }, now: o.now });
  }
  const week4 = (await listRetros(tx)).find((r) => r.week === 4)!;
  const held = new Date(new Date(week4.startsAt!).getTime() + 90 * 60_000);
  const [ritual] = await tx.select().from(rituals).where(eq(rituals.slug, RETRO_RITUAL));
  const expected = await expectedAttendees(tx, ritual!.attendees);
  // Most of the product org came; one PM was out.
  await recordOccurrence({
    db: tx,
    actor: o.ops,
    id: week4.occurrenceId!,
    now: held,
    input: { status: 'held', attendance: expected.map((p, i) => ({ personId: p.id, present: i !== 2 })) },
  });
  const id = (mail: string) => o.people.get(mail)!;
  await recordRetro({
    db: tx,
    actor: o.ops,
    week: 4,
    now: held,
    input: {
      working:
        'The five-bullet update takes PMs under ten minutes and Sales reads it: fewer "what shipped?" pings in #sales.',
      overhead: 'Chasing the last two updates every Thursday; the bundle template repeats the release page.',
      adjust: 'Move the update deadline to Thursday noon; prefill the bundle from the release page.',
      actions: [
        {
          title: 'Move the weekly update deadline to Thursday 12:00',
          ownerId: id('priya@example.com'),
          dueOn: addDays(startOn, 35),
        },
        {
          title: 'Prefill the enablement bundle from the release page',
          ownerId: id('maya@example.com'),
          dueOn: addDays(startOn, 42),
        },
        {
          title: 'Expand enablement to every Tier 2/3 release',
          ownerId: id('hana@example.com'),
          dueOn: null,
        },
      ],
    },
  });
}
