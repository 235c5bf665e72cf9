import { Temporal } from '@js-temporal/polyfill';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import {
  artifactVersions,
  inboxItems,
  insightItems,
  pods,
  releases,
  updateSubmissions,
} from '../../db/schema/index.ts';
import { quarterKey } from '../../domain/charter/quarter-key.ts';
import { quarterAfter } from '../../domain/roadmap/quarters.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { isoWeekKey, todayIn } from '../../shared/calendar.ts';
import { FUNCTIONS, ROLES } from '../../shared/roles.ts';
import { adoptionBetween } from '../cadence/attendance.ts';
import { getCharter } from '../charter/charter.ts';
import { listFrictions } from '../charter/frictions.ts';
import { getQbr } from '../charter/qbr.ts';
import { createContext } from '../context.ts';
import { inboxActions } from '../delivery/inbox.ts';
import { topThemes } from '../insights/themes.ts';
import { listRoutings } from '../insights/triage.ts';
import { computedSurprise } from '../metrics/surprise.ts';
import { readPodContract, signedOnOf } from '../org/contracts.ts';
import { getSettings } from '../org/settings.ts';
import { getPlan } from '../plan/plan.ts';
import { watchBugs } from '../quality/bug-watch.ts';
import { bugBacklog, listBugs } from '../quality/bugs.ts';
import { areaQuality, qualityOverview } from '../quality/confusion.ts';
import { releaseGate } from '../releases/gate.ts';
import { pulseResults } from '../surveys/pulse.ts';
import { awarenessResults } from '../surveys/results.ts';
import { listBets } from '../velocity/bets.ts';
import { podMenu } from '../velocity/menu.ts';
import { demoPersonas, demoSignInLines, seedDemoIfEmpty } from './demo.ts';
import { DEMO_UNDECIDED_BUG, demoTickets } from './demo-tickets.ts';

/**
 * Issue 13, finding 10: the demo tells the product's story on first start, whenever that is — seeded back from
 * the clock's now, so it reads the same at two instants months apart (the second: a DST change, another year).
 */
const INSTANTS = ['2026-11-18T15:00:00Z', '2027-03-14T06:30:00Z'];
const DAY_MS = 86_400_000;

describe.each(INSTANTS)('the demo org seeded at %s', (instant) => {
  const now = new Date(instant);
  let d: TestDatabase;
  const today = todayIn('America/New_York', now);
  beforeAll(async () => {
    d = await createTestDb({ now });
    expect(await seedDemoIfEmpty(d.db, now)).toEqual({ people: 38 });
  });
  afterAll(() => d.close());

  it('has Day 3 awareness answers (one launch a surprise) and this quarter’s pulse with 4 answers', async () => {
    const a = await awarenessResults(d.db, {});
    expect(a.releases.map((r) => [r.title, r.surprise, r.notAware])).toEqual([
      ['Bulk user import', true, 1],
      ['Invoice PDF redesign', false, 0],
    ]);
    const p = await pulseResults(d.db, now);
    expect(p.answers).toBe(4);
    expect(p.results).toMatchObject({ agreePct: 75, distribution: [0, 1, 0, 2, 1] });
  });

  it('has a few hundred support tickets across the areas, with themes to triage', async () => {
    const [row] = await d.db
      .select({
        n: sql<number>`count(*)::int`,
        areas: sql<number>`count(distinct ${insightItems.areaId})::int`,
      })
      .from(insightItems);
    expect(row!.n).toBeGreaterThan(200);
    expect(row!.areas).toBeGreaterThanOrEqual(5);
    const { themes } = await topThemes(d.db, { days: 30, limit: 10 }, now);
    expect(themes.length).toBeGreaterThanOrEqual(5);
    // Last Monday's triage routed last week's themes; this week's is Product Ops' to run.
    const lastWeek = isoWeekKey(Temporal.PlainDate.from(today).subtract({ days: 7 }).toString());
    expect((await listRoutings(d.db, { week: lastWeek })).length).toBeGreaterThanOrEqual(5);
    expect(await listRoutings(d.db, { week: isoWeekKey(today) })).toEqual([]);
    // None from the future, none older than the eight weeks.
    const [span] = await d.db
      .select({
        first: sql<string>`min(${insightItems.occurredAt})`,
        last: sql<string>`max(${insightItems.occurredAt})`,
      })
      .from(insightItems);
    expect(new Date(span!.last).getTime()).toBeLessThanOrEqual(now.getTime());
    expect(new Date(span!.first).getTime()).toBeGreaterThan(now.getTime() - 57 * DAY_MS);
  });

  it('shows one area in Polish Mode (confused customers above the threshold), with the tickets behind it', async () => {
    const ctx = createContext({ db: d.db, actor: null, now });
    const { areas } = await qualityOverview(ctx);
    const polishing = areas.filter((a) => a.confusion.polishMode);
    expect(polishing.map((a) => a.area.name)).toEqual(['Payments']);
    const payments = await areaQuality(ctx, polishing[0]!.area.id);
    expect(payments.confusion.current.pct).toBeGreaterThan(20);
    expect(payments.items.length).toBe(payments.confusion.current.confused);
    // Its feature release is held at the gate, with the figure.
    const [saved] = await d.db.select().from(releases).where(eq(releases.title, 'Saved cards at checkout'));
    const gate = await releaseGate(d.db, saved!.id, now);
    expect(gate.reasons.some((r) => r.startsWith('Polish Mode in Payments since'))).toBe(true);
  });

  it('has one pod with a signed strategy contract, one awaiting sign-off, the others without', async () => {
    const all = await d.db.select({ id: pods.id, slug: pods.slug }).from(pods).orderBy(pods.slug);
    const states = new Map<string, string>();
    for (const p of all) states.set(p.slug, (await readPodContract(d.db, p.id))!.state);
    expect(Object.fromEntries(states)).toEqual({
      'pod-billing': 'signed',
      'pod-integrations': 'none',
      'pod-onboarding': 'awaiting_sign_off',
      'pod-payments': 'none',
      'pod-reporting': 'none',
    });
    const billing = await readPodContract(d.db, all.find((p) => p.slug === 'pod-billing')!.id);
    expect(billing!.contract!.version).toBe(2);
    expect(billing!.previous.map((v) => v.state)).toEqual(['signed']);
    expect(billing!.contract!.risks.some((r) => r.oneWayDoor)).toBe(true);
    expect(billing!.contract!.deadline > today).toBe(true);
    const signedOn = await signedOnOf(d.db, billing!.podId);
    expect(signedOn!.getTime()).toBeLessThan(now.getTime());
    const onboarding = await readPodContract(d.db, all.find((p) => p.slug === 'pod-onboarding')!.id);
    expect(onboarding!.contract!.signers.filter((s) => !s.signedAt).map((s) => s.name)).toEqual([
      'Chris Park',
      'Mina Ito',
    ]);
  });

  it('shows one bug over the limit awaiting a decision, in Reporting; the first daily check asks its deciders', async () => {
    const ctx = createContext({ db: d.db, actor: null, now });
    const backlog = await bugBacklog(ctx);
    const waiting = backlog.areas.filter((a) => a.awaitingDecision > 0);
    expect(waiting.map((a) => [a.area?.name, a.awaitingDecision])).toEqual([['Reporting', 1]]);
    // Every bug has an area; most areas have bugs being fixed now, decided by their PM.
    expect(backlog.areas.every((a) => a.area !== null)).toBe(true);
    expect(backlog.areas.filter((a) => a.fixNow > 0).length).toBeGreaterThanOrEqual(5);
    const { bugs } = await listBugs(ctx, { areaId: waiting[0]!.area!.id, state: 'open', limit: 100 });
    const undecided = bugs.filter((b) => b.awaitingDecision);
    expect(undecided.map((b) => b.title)).toEqual([DEMO_UNDECIDED_BUG.title]);
    expect(undecided[0]!.ageDays).toBeGreaterThan(backlog.maxOpenDays);
    expect(undecided[0]!.reports).toBe(DEMO_UNDECIDED_BUG.daysBack.length);
    const closed = await listBugs(ctx, { state: 'closed', limit: 100 });
    expect(new Set(closed.bugs.map((b) => b.closedReason))).toEqual(new Set(['fixed', 'wont_fix']));
    // The server's first daily check puts it to Reporting's PM and the week's rotation.
    expect((await watchBugs(d.db, now)).prompted).toEqual([DEMO_UNDECIDED_BUG.title]);
    expect(waiting[0]!.deciders.map((x) => x.as)).toEqual(['pm', 'rotation']);
  });

  it("has last week's Weekly Product Update published, from the PMs' bullets", async () => {
    const lastWeek = isoWeekKey(Temporal.PlainDate.from(today).subtract({ days: 7 }).toString());
    const [published] = await d.db
      .select()
      .from(artifactVersions)
      .where(and(eq(artifactVersions.kind, 'weekly_update'), eq(artifactVersions.key, lastWeek)));
    expect(published?.markdown).toContain('Usage-based billing passed its beta');
    const submitted = await d.db.select().from(updateSubmissions).where(eq(updateSubmissions.week, lastWeek));
    expect(submitted).toHaveLength(8);
  });

  it('shows a believable ritual adoption over the last 90 days', async () => {
    const adoption = await adoptionBetween(d.db, {
      from: new Date(now.getTime() - 90 * DAY_MS),
      to: now,
      now,
    });
    expect(adoption.overall.eligible).toBeGreaterThan(15);
    expect(adoption.overall.pct).toBeGreaterThanOrEqual(60);
    expect(adoption.overall.pct).toBeLessThanOrEqual(95);
  });

  it("keeps the holidays of the year ahead (US), so the calendar's business days never run out", async () => {
    const { holidays } = await getSettings(d.db);
    const dates = holidays.map((h) => h.date);
    expect(holidays.map((h) => h.name)).toEqual(expect.arrayContaining(['Thanksgiving', 'Christmas Day']));
    expect(dates.every((x) => x >= Temporal.PlainDate.from(today).subtract({ days: 31 }).toString())).toBe(
      true,
    );
    expect(dates.every((x) => x <= Temporal.PlainDate.from(today).add({ days: 365 }).toString())).toBe(true);
  });

  it("offers the Billing pod's trade-off menu: two items fast, or three slow", async () => {
    const [pod] = await d.db.select({ id: pods.id }).from(pods).where(eq(pods.slug, 'pod-billing'));
    const menu = await podMenu(createContext({ db: d.db, actor: null, now }), { podId: pod!.id, weeks: 13 });
    expect(menu.engineers).toBe(3);
    // 3 engineers: usage-based billing (21 engineer-weeks) by week 7, dunning (12) by week 11.
    expect(menu.focus.items.map((i) => [i.title, i.weeks])).toEqual([
      ['Usage-based billing', 7],
      ['Dunning emails for failed payments', 11],
    ]);
    // All three at once: each lands later, usage-based billing past the quarter.
    expect(menu.spread.items.map((i) => [i.title, i.weeks])).toEqual([
      ['Usage-based billing', 16],
      ['Dunning emails for failed payments', 12],
      ['Multi-currency invoices', 14],
    ]);
  });

  it('has three bets in three clusters, the Uncharted one with a brief linked to a decision', async () => {
    const { items } = await listBets(d.db, { limit: 50 });
    expect(items.map((b) => b.placement.label).sort()).toEqual(['Entangled', 'Known ground', 'Uncharted']);
    expect(items.every((b) => b.pod && b.roadmapItems.length === 1)).toBe(true);
    const uncharted = items.find((b) => b.placement.cluster === 'uncharted')!;
    expect(uncharted.briefs).toHaveLength(1);
    expect(uncharted.briefs[0]!.decision?.title).toBe('Bill usage monthly in arrears');
    expect(uncharted.briefs[0]!.timeBoxEnd! > today).toBe(true);
  });

  it("shows the pack's charter, the three frictions with their evidence, and last quarter's QBR", async () => {
    expect(await getCharter(d.db)).toMatchObject({ isDefault: true });
    const list = await listFrictions(d.db);
    expect(list.items.map((f) => f.title)).toEqual([
      'No visibility',
      'Surprise launches',
      'Ad-hoc status requests',
    ]);
    expect(list.items.every((f) => f.evidence && f.evidenceLinks.length && f.rituals.length)).toBe(true);
    expect(list.items[1]!.evidenceLinks.map((l) => l.label)).toContain('Bulk user import');
    expect(list.warning).toBeNull();
    const previous = quarterKey(quarterAfter(today, -1));
    const qbr = await getQbr(createContext({ db: d.db, actor: null, now }), previous);
    expect(qbr.latest).toMatchObject({ version: 1, content: { quarter: previous } });
    expect(qbr.latest!.content.frictions).toHaveLength(3);
    expect(qbr.latest!.content.priorities.length).toBeGreaterThan(0);
  });

  it('shows a believable surprise score: one launch told in time, one told too late', async () => {
    const from = Temporal.PlainDate.from(today).subtract({ days: 90 }).toString();
    const s = await computedSurprise(createContext({ db: d.db, actor: null, now }), { from, to: today });
    expect(s.launches.map((l) => [l.title, l.surprise])).toEqual([
      ['Bulk user import', true],
      ['Invoice PDF redesign', false],
    ]);
    // Tier 3 asks for ten business days; its bundle went out four days before launch.
    expect(s.launches[0]!.functions.every((f) => f.verdict === 'told late')).toBe(true);
  });

  it('asks for readiness only for launches still ahead', async () => {
    const items = await d.db.select().from(inboxItems);
    const actions = (
      await inboxActions(
        d.db,
        items.map((i) => i.message as OutgoingMessage),
        now,
      )
    ).flat();
    const open = actions.filter((a) => a.signOff && a.open).map((a) => a.signOff!.releaseId);
    expect(open.length).toBeGreaterThan(0); // the upcoming launch whose draft just went out
    const ahead = await d.db
      .select({ id: releases.id })
      .from(releases)
      .where(and(inArray(releases.id, open), gte(releases.targetDate, today)));
    expect(new Set(ahead.map((r) => r.id))).toEqual(new Set(open));
  });

  it('has the 30/60/90 plan half done: the first timebox done, the week 4 retro held, week 8 ahead', async () => {
    const plan = await getPlan(createContext({ db: d.db, actor: null, now }));
    expect(plan).toMatchObject({ started: true, day: 41 });
    const [first, second, third] = plan.timeboxes;
    expect(first!.deliverables.map((x) => [x.title, x.state])).toEqual(
      first!.deliverables.map((x) => [x.title, 'done']),
    );
    // Four Thursdays in 30 days, or five when the plan starts on a Wednesday or Thursday: every one on time.
    expect(first!.deliverables.find((x) => x.check === 'weekly_update_on_time')!.figure).toMatch(
      /^([45]) of \1 weeks on time$/,
    );
    expect(first!.deliverables.filter((x) => x.tick?.note).length).toBe(3);
    expect(second!.running).toBe(true);
    expect(second!.done).toBeGreaterThanOrEqual(1);
    expect(second!.done).toBeLessThan(second!.total);
    expect(third!.done).toBe(0);
    const [week4, week8] = plan.retros;
    expect(week4!.recorded!.actions.map((a) => a.ownerName)).toEqual([
      'Priya Shah',
      'Maya Chen',
      'Hana Okafor',
    ]);
    expect(week8!.recorded).toBeNull();
    expect(new Date(week8!.startsAt!).getTime()).toBeGreaterThan(now.getTime());
  });
});

describe('the demo personas', () => {
  it('name one person per role and function, with their sign-in email and the password', () => {
    const personas = demoPersonas();
    expect(new Set(personas.flatMap((p) => p.roles))).toEqual(new Set(ROLES));
    expect(new Set(personas.map((p) => p.function))).toEqual(new Set(FUNCTIONS));
    const lines = demoSignInLines();
    expect(lines).toContain('  Sam Rivera — Sales — sam@example.com');
    expect(lines.at(-1)).toBe('Every demo person\'s password is "prodops-demo".');
  });

  it('are written for the demo: a few hundred tickets, dated within eight weeks of now', () => {
    const now = new Date(INSTANTS[0]!);
    const tickets = demoTickets(now);
    expect(tickets.length).toBeGreaterThanOrEqual(250);
    expect(tickets.length).toBeLessThanOrEqual(400);
    expect(new Set(tickets.map((t) => t.externalId)).size).toBe(tickets.length);
  });
});
