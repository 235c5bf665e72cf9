import { Temporal } from '@js-temporal/polyfill';
import { and, asc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ritualOccurrences, rituals, scheduledActions } from '../../db/schema/index.ts';
import { seededRandom } from '../../domain/insights/tagger/random.ts';
import { isoWeekKey, todayIn } from '../../shared/calendar.ts';
import type { TUpdateContent } from '../../shared/updates.ts';
import type { Actor } from '../actor.ts';
import { expectedAttendees, recordOccurrence } from '../cadence/attendance.ts';
import { syncRitualOccurrences } from '../cadence/occurrences.ts';
import { ingestFeedback } from '../insights/ingest.ts';
import { runWeeklyTriage } from '../insights/triage.ts';
import { type ActionKind, cancelAction } from '../scheduling.ts';
import { ensureCycle } from '../updates/cycles.ts';
import { publishWeeklyUpdate } from '../updates/publish.ts';
import { submitUpdate } from '../updates/submissions.ts';
import { seedDemoBugs } from './demo-bugs.ts';
import { demoTicketRows } from './demo-tickets.ts';

const DAY_MS = 86_400_000;
/** The quarter of ritual history the Overview's adoption (last 90 days) reads. */
const HISTORY_DAYS = 91;
/** Most occurrences ran as designed; the rest missed on attendance or a late artifact. */
const ADOPTED_SHARE = 0.82;

/** Each area PM's five bullets for last week: what a Product Ops lead would want to read. */
const BULLETS: Record<string, Omit<TUpdateContent, 'nothingThisWeek'>> = {
  billing: {
    wins: ['Usage-based billing passed its beta with 40 accounts'],
    next: ['Usage-based billing GA launch', 'VAT fix for EU invoices'],
    risks: ['Wrong VAT on some EU invoices: fix ships this week, Support has a macro'],
    metrics: ['Failed invoice payments 1.8% (was 2.4%)'],
    links: [],
  },
  onboarding: {
    wins: ['Bulk user import adoption at 35% of new workspaces'],
    next: ['Guided onboarding checklist behind a flag'],
    risks: [],
    metrics: ['Day-7 activation 41% (+3 pts)'],
    links: [],
  },
  reporting: {
    wins: ['Dashboard copy fixes shipped'],
    next: ['Scheduled report exports: beta with 5 customers'],
    risks: ['Revenue dashboard slow for large accounts: query rewrite in progress'],
    metrics: ['Dashboard p95 load 6.2 s (target 3 s)'],
    links: [],
  },
  integrations: {
    wins: ['Slack connector reached 1,200 workspaces'],
    next: ['Salesforce sync v2: migration plan review'],
    risks: [],
    metrics: ['Sync error rate 0.7%'],
    links: [],
  },
  payments: {
    wins: ['Apple Pay at checkout: conversion +2.1 pts'],
    next: ['SEPA debit discovery with 6 EU customers'],
    risks: [],
    metrics: ['Checkout success 96.4%'],
    links: [],
  },
  mobile: {
    wins: ['iOS crash on launch fixed in 5.12.1'],
    next: ['Android push notification delays: root cause'],
    risks: [],
    metrics: ['Crash-free sessions 99.3%'],
    links: [],
  },
  'admin-security': {
    wins: ['Audit log export shipped'],
    next: ['SCIM duplicate users fix', 'Custom roles design review'],
    risks: [],
    metrics: ['SSO adoption 62% of enterprise accounts'],
    links: [],
  },
  search: {
    wins: ['Saved searches shareable with a team'],
    next: ['Index freshness: new documents searchable within a minute'],
    risks: [],
    metrics: ['Search p95 1.9 s'],
    links: [],
  },
};

/**
 * What happened before today, through the real services: eight weeks of support tickets (tagged, grouped,
 * counted, and this week's triage run), the bugs among them with their decisions, last week's published Weekly
 * Product Update, and a quarter of rituals held, most of them as designed.
 */
export async function seedDemoHistory(
  tx: Db,
  opts: { actor: Actor; ops: Actor; pms: Map<string, Actor>; areaIds: Map<string, string>; now: Date },
) {
  await seedTickets(tx, opts.ops, opts.now);
  await seedDemoBugs(tx, opts);
  await planPastOccurrences(tx, opts.now);
  await seedLastWeeksUpdate(tx, opts);
  await seedRitualHistory(tx, opts.ops, opts.now);
  await forgetPastReminders(tx, opts.now);
}

/** Kinds whose moment is gone once history is written: a reminder or check for last week is not sent now. */
const PAST_KINDS: ActionKind[] = [
  'ritual.reminder',
  'ritual.artifact_check',
  'weekly_update.remind',
  'weekly_update.publish',
];

/** The back-dated history scheduled its own reminders and checks on the way: they are history too. */
async function forgetPastReminders(tx: Db, now: Date) {
  const due = await tx
    .select({ key: scheduledActions.key })
    .from(scheduledActions)
    .where(
      and(
        eq(scheduledActions.status, 'pending'),
        inArray(scheduledActions.kind, PAST_KINDS),
        lt(scheduledActions.dueAt, now),
      ),
    );
  for (const a of due) await cancelAction(tx, a.key);
}

/** The planning window reaches 7 days back and 62 ahead of its "now": two earlier plans cover the quarter. */
async function planPastOccurrences(tx: Db, now: Date) {
  for (const r of await tx.select({ id: rituals.id }).from(rituals))
    for (const back of [84, 28])
      await syncRitualOccurrences(tx, r.id, { now: new Date(now.getTime() - back * DAY_MS) });
}

async function seedTickets(tx: Db, ops: Actor, now: Date) {
  await ingestFeedback({
    db: tx,
    actor: ops,
    source: 'support',
    format: 'csv',
    fileName: 'support-tickets-demo.csv',
    rows: demoTicketRows(now),
    now,
  });
  // Last Monday's triage, as the job ran it then: this week's is still Product Ops' to run (or Monday's job).
  const lastWeek = Temporal.PlainDate.from(todayIn('America/New_York', now)).subtract({ days: 7 });
  const monday = lastWeek.subtract({ days: lastWeek.dayOfWeek - 1 });
  await runWeeklyTriage({
    db: tx,
    actor: ops,
    week: isoWeekKey(monday.toString()),
    now: new Date(`${monday.toString()}T14:00:00Z`),
  });
}

async function seedLastWeeksUpdate(
  tx: Db,
  opts: { ops: Actor; pms: Map<string, Actor>; areaIds: Map<string, string>; now: Date },
) {
  const today = Temporal.PlainDate.from(todayIn('America/New_York', opts.now));
  const week = isoWeekKey(today.subtract({ days: 7 }).toString());
  // Opened on last week's Monday, so its deadlines were ahead then (as they were for the PMs).
  const monday = Temporal.PlainDate.from(today.subtract({ days: 7 })).subtract({
    days: today.dayOfWeek - 1,
  });
  const cycle = await ensureCycle(tx, week, new Date(`${monday.toString()}T14:00:00Z`));
  for (const [i, [slug, content]] of Object.entries(BULLETS).entries()) {
    const pm = opts.pms.get(slug);
    const areaId = opts.areaIds.get(slug);
    if (!pm || !areaId) continue;
    // Most a day ahead; the last one an hour before the deadline.
    const at = new Date(cycle.dueAt.getTime() - (i === 7 ? 3_600_000 : DAY_MS + i * 3_600_000));
    await submitUpdate({
      db: tx,
      actor: pm,
      week,
      areaId,
      content: { ...content, nothingThisWeek: false },
      now: at,
    });
  }
  await publishWeeklyUpdate({
    db: tx,
    actor: opts.ops,
    week,
    now: new Date(cycle.publishAt.getTime() - 30 * 60_000),
  });
}

/**
 * The quarter before today on the cadence calendar: occurrences planned as the schedule had them, each recorded
 * as held — most with enough people and the artifact on time, some short of people or late.
 */
async function seedRitualHistory(tx: Db, ops: Actor, now: Date) {
  const from = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  const past = await tx
    .select({ o: ritualOccurrences, r: rituals })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .where(
      and(
        gte(ritualOccurrences.startsAt, from),
        lt(ritualOccurrences.startsAt, now),
        eq(ritualOccurrences.status, 'scheduled'),
        isNull(ritualOccurrences.artifactProducedAt),
      ),
    )
    .orderBy(asc(ritualOccurrences.startsAt));
  const random = seededRandom(90);
  const expected = new Map<string, { id: string }[]>();
  for (const { o, r } of past) {
    const people = expected.get(r.id) ?? (await expectedAttendees(tx, r.attendees));
    expected.set(r.id, people);
    const adopted = random() < ADOPTED_SHARE;
    // Not adopted: half the time too few came, otherwise the artifact came a day late.
    const shortOfPeople = !adopted && random() < 0.5;
    const present = (i: number) => (shortOfPeople ? i % 2 === 0 : i !== 1 || people.length < 6);
    const onTime = new Date(Math.min(o.startsAt.getTime() + 30 * 60_000, o.artifactDueAt.getTime()));
    const produced = adopted || shortOfPeople ? onTime : new Date(o.artifactDueAt.getTime() + DAY_MS);
    await recordOccurrence({
      db: tx,
      actor: ops,
      id: o.id,
      now: produced,
      input: {
        status: 'held',
        attendance: people.map((p, i) => ({ personId: p.id, present: present(i) })),
        artifactProducedAt: produced.toISOString(),
      },
    });
  }
}
