import { and, eq, isNull, lte } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makePerson, signedIn } from '../../../test/factories.ts';
import { relayInboxCopies } from '../../../test/relay.ts';
import { inboxItems, outbox, ritualOccurrences } from '../../db/schema/index.ts';
import { manualClock } from '../../shared/clock.ts';
import { type Actor, systemActor } from '../actor.ts';
import { recordOccurrence } from '../cadence/attendance.ts';
import { createRitual } from '../cadence/rituals.ts';
import { markRead } from '../delivery/inbox.ts';
import { updatePreferences } from '../delivery/subscriptions.ts';
import { releaseBundle, saveBundle } from '../releases/bundle.ts';
import { overrideGateCheck } from '../releases/overrides.ts';
import { recordDecision, signOff } from '../releases/readiness.ts';
import { createRelease, updateRelease } from '../releases/releases.ts';
import { answerMine, mySurveys } from '../surveys/answer.ts';
import { sendAwarenessSurvey } from '../surveys/awareness.ts';
import { sendPulse } from '../surveys/pulse.ts';
import { buildControls } from './quarter-controls.fixture.ts';

/**
 * Issue 16, C8: a quarter of records built through the services, on a manual clock. Default settings: UTC,
 * Monday–Friday, no holidays; Tier 2 distributes 5 business days before launch. The quarter ends on
 * Wednesday 16 December 2026 (2026-W51); 13 weeks back is 2026-W39 (Monday 21 September).
 */
export const NOW = '2026-12-16T12:00:00Z';
export const clock = manualClock(NOW);
const ops = systemActor('ops');
const at = (instant: string) => {
  clock.set(instant);
  return clock.now();
};

export interface Quarter {
  t: TestApp;
  head: { headers: Record<string, string> };
  stakeholder: { headers: Record<string, string> };
  ids: Record<'sam' | 'cara' | 'sue' | 'billing' | 'scim' | 'audit', string>;
  areas: { billing: string; reporting: string };
  /** What the services answered along the way (a second pulse answer, …). */
  refused: { secondPulse: string };
}

const asPerson = (p: { id: string; name: string }): Actor => ({ personId: p.id, label: p.name, roles: [] });

const stamped = new Set<string>();

/** Relays what is due (inbox copies only: everyone here reads prodops in its inbox) and dates each send. */
async function relay(q: TestApp, sentAt: (personId: string | null) => string) {
  const db = q.database.db;
  await relayInboxCopies(db);
  // The relay stamps the database's own clock; the story's instants are the manual clock's.
  const sent = await db
    .select({ id: outbox.id, personId: outbox.personId })
    .from(outbox)
    .where(eq(outbox.status, 'sent'));
  for (const row of sent) {
    if (stamped.has(row.id)) continue;
    stamped.add(row.id);
    const when = sentAt(row.personId);
    await db
      .update(outbox)
      .set({ sentAt: new Date(when) })
      .where(eq(outbox.id, row.id));
  }
}

async function readAll(q: TestApp, personId: string, instant: string) {
  const db = q.database.db;
  const unread = await db
    .select({ id: inboxItems.id })
    .from(inboxItems)
    .where(and(eq(inboxItems.personId, personId), isNull(inboxItems.readAt)));
  for (const item of unread) await markRead(db, personId, item.id, at(instant));
}

const SECTIONS = {
  what_changed: 'What changed.',
  whos_impacted: 'Who is impacted.',
  how_it_works: 'How it works.',
  faqs: 'FAQs.',
  support_macros: 'Macros.',
  sales_talk_track: 'Talk track.',
  monitoring: 'Dashboards.',
  rollback: 'Flag off.',
  owner_escalation: 'The PM.',
};

/** A Tier 2 release from creation to launch, its bundle distributed and published on the days given. */
async function tier2(
  q: TestApp,
  o: { title: string; created: string; launch: string; distribute: string; publish: string },
) {
  const db = q.database.db;
  const r = await createRelease({
    db,
    actor: ops,
    now: at(`${o.created}T09:00:00Z`),
    input: { title: o.title, targetDate: o.launch, attributes: [], tier: 2, tierReason: 'customer-visible' },
  });
  await saveBundle({ db, actor: ops, releaseId: r.id, input: { sections: SECTIONS }, now: clock.now() });
  await releaseBundle({
    db,
    actor: ops,
    releaseId: r.id,
    stage: 'distribution',
    now: at(`${o.distribute}T10:00:00Z`),
  });
  return {
    id: r.id,
    publish: () =>
      releaseBundle({
        db,
        actor: ops,
        releaseId: r.id,
        stage: 'publication',
        now: at(`${o.publish}T10:00:00Z`),
      }),
    launch: async () => {
      await recordDecision({
        db,
        actor: ops,
        releaseId: r.id,
        input: { decision: 'ship', reason: 'ready' },
        now: at(`${o.launch}T08:00:00Z`),
      });
      await updateRelease({
        db,
        actor: ops,
        id: r.id,
        patch: { status: 'launched' },
        now: at(`${o.launch}T09:00:00Z`),
      });
    },
  };
}

export async function buildQuarter(): Promise<Quarter> {
  const t = await createTestApp({ clock, planFrom: clock.now() });
  const db = t.database.db;
  const head = await signedIn(db, ['head_of_product'], { name: 'Hana Okafor', function: 'design' });
  const stakeholder = await signedIn(db, ['stakeholder'], { name: 'Sam Rivera', function: 'sales' });
  const sam = stakeholder.person;
  const cara = await makePerson(db, { name: 'Cara Lee', function: 'cs' });
  const sue = await makePerson(db, { name: 'Sue Park', function: 'support' });
  const pms = [
    await makePerson(db, { name: 'Pia Moreau', roles: ['pm'] }),
    await makePerson(db, { name: 'Pat Quinn', roles: ['pm'] }),
    await makePerson(db, { name: 'Priya Shah', roles: ['pm'] }),
  ];
  for (const p of [sam, cara, sue, ...pms])
    await updatePreferences({ db, actor: asPerson(p), via: ['inbox'], now: clock.now() });

  // W41: Audit log export, told in time and read, but its bundle published on launch day; CS says it surprised them.
  const audit = await tier2(t, {
    title: 'Audit log export',
    created: '2026-09-21',
    launch: '2026-10-08',
    distribute: '2026-09-30',
    publish: '2026-10-08',
  });
  await relay(t, () => '2026-09-30T10:05:00Z');
  for (const p of [sam, cara, sue]) await readAll(t, p.id, '2026-10-01T09:00:00Z');
  await audit.launch();
  await audit.publish();
  // The final bundle's copies, after the launch: they tell nobody in time.
  await relay(t, () => '2026-10-08T10:05:00Z');

  // W45: Usage-based billing, told in time, every function read it by the distribute-by date: no surprise.
  const billing = await tier2(t, {
    title: 'Usage-based billing',
    created: '2026-10-12',
    launch: '2026-11-05',
    distribute: '2026-10-28',
    publish: '2026-11-04',
  });
  await relay(t, () => '2026-10-28T10:05:00Z');
  for (const p of [sam, cara, sue]) await readAll(t, p.id, '2026-10-29T09:00:00Z');
  await billing.publish();
  await relay(t, () => '2026-11-04T10:05:00Z');
  await billing.launch();

  // W49: SCIM provisioning, to be told by Thu 26 Nov; Support's copy went out on Fri 27 Nov, a business day late.
  const scim = await tier2(t, {
    title: 'SCIM provisioning',
    created: '2026-11-09',
    launch: '2026-12-03',
    distribute: '2026-11-26',
    publish: '2026-12-02',
  });
  await relay(t, (personId) => (personId === sue.id ? '2026-11-27T10:05:00Z' : '2026-11-26T10:05:00Z'));
  for (const p of [sam, cara]) await readAll(t, p.id, '2026-11-26T15:00:00Z');
  await readAll(t, sue.id, '2026-11-27T11:00:00Z');
  await signOff({
    db,
    actor: asPerson(sue),
    releaseId: scim.id,
    kind: 'support',
    now: at('2026-11-27T12:00:00Z'),
  });
  await overrideGateCheck({
    db,
    actor: { ...asPerson(head.person), roles: ['head_of_product'] },
    releaseId: scim.id,
    checkId: 'sign_offs',
    reason: 'Sales confirmed in the readiness meeting',
    expiresAt: new Date('2026-12-04T12:00:00Z'),
    now: at('2026-12-01T12:00:00Z'),
  });
  await scim.publish();
  await relay(t, () => '2026-12-02T10:05:00Z');
  await scim.launch();

  // The Day 3 question about the audit export: Sam answers twice (it counts once), Cara was not aware.
  await sendAwarenessSurvey(db, audit.id, at('2026-10-13T09:00:00Z'));
  const answer = async (
    p: { id: string; name: string },
    aware: boolean,
    comment: string,
    instant: string,
  ) => {
    const [survey] = (await mySurveys(db, asPerson(p))).filter((s) => s.kind === 'launch_awareness');
    await answerMine(db, asPerson(p), survey!.id, { aware, comment }, at(instant));
    return survey!.id;
  };
  const samSurvey = await answer(sam, true, '', '2026-10-13T10:00:00Z');
  await answer(cara, false, 'Heard about it from a customer', '2026-10-13T11:00:00Z');
  // Sam's link clicked again the next day: the answer is replaced, not added.
  await answerMine(db, asPerson(sam), samSurvey, { aware: true }, at('2026-10-14T10:00:00Z'));

  // PM pulse: two answers in 2026-Q3 (nothing shown), three in 2026-Q4 (shown); a second answer is refused.
  await sendPulse(db, { quarter: '2026-Q3', actor: ops, now: at('2026-09-22T09:00:00Z') });
  const pulse = async (p: { id: string; name: string }, score: number, comment: string) => {
    const [survey] = (await mySurveys(db, asPerson(p))).filter((s) => s.kind === 'pm_pulse');
    if (!survey) throw new Error('no pulse to answer');
    await answerMine(db, asPerson(p), survey.id, { score, comment }, clock.now());
    return survey.id;
  };
  await pulse(pms[0]!, 5, 'Q3-SECRET-ONE');
  await pulse(pms[1]!, 2, 'Q3-SECRET-TWO');
  await sendPulse(db, { quarter: '2026-Q4', actor: ops, now: at('2026-12-07T09:00:00Z') });
  const first = await pulse(pms[0]!, 5, 'Q4 fine');
  await pulse(pms[1]!, 4, '');
  await pulse(pms[2]!, 2, '');
  let secondPulse = '';
  try {
    await answerMine(db, asPerson(pms[0]!), first, { score: 1 }, clock.now());
  } catch (err) {
    secondPulse = (err as Error).message;
  }

  // A weekly PM sync, planned from Wed 25 Nov: adopted; 1 of 3 there; notes a day late; adopted.
  const ritual = await createRitual({
    db,
    actor: ops,
    now: at('2026-12-01T09:00:00Z'),
    input: {
      slug: 'pm-sync',
      name: 'PM sync',
      purpose: 'Share blockers.',
      schedule: { kind: 'weekly', weekday: 3, time: '10:00' },
      holidayPolicy: 'keep',
      durationMinutes: 30,
      timeBox: '30 min',
      ownerRole: 'product_ops',
      attendees: { roles: [], functions: [], personIds: pms.map((p) => p.id) },
      inputs: [],
      outputArtifact: 'Notes',
      artifactDueHours: 24,
      reminderMinutes: null,
    },
  });
  const occurrences = await db
    .select({ id: ritualOccurrences.id, startsAt: ritualOccurrences.startsAt })
    .from(ritualOccurrences)
    .where(and(eq(ritualOccurrences.ritualId, ritual.id), lte(ritualOccurrences.startsAt, new Date(NOW))))
    .orderBy(ritualOccurrences.startsAt);
  const held = (present: boolean[], artifactProducedAt: string) => ({
    status: 'held' as const,
    attendance: pms.map((p, i) => ({ personId: p.id, present: present[i]! })),
    artifactProducedAt,
  });
  // Due 24 hours after each 30-minute meeting; 80% of the three PMs must be there.
  const records = [
    held([true, true, true], '2026-11-25T15:00:00Z'),
    held([true, false, false], '2026-12-02T15:00:00Z'),
    held([true, true, true], '2026-12-11T15:00:00Z'),
    held([true, true, true], '2026-12-16T11:00:00Z'),
  ];
  if (occurrences.length !== records.length) throw new Error(`${occurrences.length} PM syncs planned`);
  for (const [i, o] of occurrences.entries())
    await recordOccurrence({
      db,
      actor: ops,
      id: o.id,
      input: records[i]!,
      now: at(records[i]!.artifactProducedAt),
    });

  const areas = await buildControls(db, at, () => clock.now());

  clock.set(NOW);
  return {
    t,
    head,
    stakeholder,
    ids: { sam: sam.id, cara: cara.id, sue: sue.id, billing: billing.id, scim: scim.id, audit: audit.id },
    areas,
    refused: { secondPulse },
  };
}
