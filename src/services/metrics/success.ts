import { and, eq, inArray, lte, min, sql } from 'drizzle-orm';
import { enablementBundles, releases, ritualOccurrences } from '../../db/schema/index.ts';
import { occurrenceChecks } from '../../domain/cadence/adoption.ts';
import type { FunctionVerdict } from '../../domain/metrics/surprise.ts';
import { localInstant } from '../../shared/calendar.ts';
import type { TAwarenessRelease } from '../../shared/surveys.ts';
import { occurrenceFacts } from '../cadence/attendance.ts';
import type { Context } from '../context.ts';
import { awarenessResults } from '../surveys/results.ts';
import { type Built, shareMetric, type Window } from './build.ts';
import { computedSurprise } from './surprise.ts';

/** Before any record: the baseline is read from the first weeks that have one. */
const EVER = '2000-01-01';

const LAUNCH = ['Tier 2/3 launch', 'Tier 2/3 launches'] as const;

const FUNCTION_NAMES = { sales: 'Sales', cs: 'CS', support: 'Support' } as const;

function verdictText(f: FunctionVerdict): string {
  const who = f.evidence ? ` (${f.evidence.name}, ${f.evidence.deliveredOn})` : '';
  return `${FUNCTION_NAMES[f.fn]} ${f.verdict}${who}`;
}

function askedText(a: TAwarenessRelease | undefined): string {
  if (!a) return 'not asked';
  const notAware = a.comments.filter((c) => !c.aware).map((c) => `${c.name}: “${c.comment}”`);
  return (
    `${a.answered} of ${a.asked} answered, ${a.notAware} not aware` +
    (notAware.length ? ` (${notAware.join('; ')})` : '')
  );
}

/**
 * Pack §7: the share of Tier 2/3 launches that surprised Sales, CS or Support (< 10%), flagged either way: computed
 * from the delivery log, or asked on Day 3 (anyone not aware).
 */
export async function surpriseMetric(ctx: Context, win: Window): Promise<Built> {
  const settings = await ctx.settings();
  const computed = await computedSurprise(ctx, { from: EVER, to: win.today });
  const asked = new Map(
    (await awarenessResults(ctx.db, { to: win.today })).releases.map((r) => [r.releaseId, r]),
  );
  const all = {
    launches: computed.launches.map((l) => {
      const a = asked.get(l.releaseId);
      return { ...l, computedSurprise: l.surprise, asked: a, surprise: l.surprise || (a?.surprise ?? false) };
    }),
  };
  const metric = shareMetric({
    key: 'surprise',
    label: 'Stakeholder surprise score',
    group: 'success',
    noun: LAUNCH,
    unit: '% of Tier 2/3 launches that surprised Sales, CS or Support',
    target: settings.thresholds.surpriseScorePct,
    rule: 'below',
    cases: all.launches.map((l) => ({ day: l.launchedOn, hit: l.surprise })),
    win,
  });
  const records = all.launches
    .filter((l) => l.launchedOn >= win.from)
    .map((l) => ({
      label: l.title,
      href: `/releases/${l.releaseId}`,
      date: l.launchedOn,
      counted: l.surprise,
      detail:
        `Computed${l.computedSurprise ? ' (a surprise)' : ''}: Tier ${l.tier}, to be told by ${l.tellBy}: ` +
        `${l.functions.map(verdictText).join('; ')}. Asked${l.asked?.surprise ? ' (a surprise)' : ''}: ${askedText(l.asked)}`,
    }));
  return { metric, records };
}

/** Pack §7: Tier 2/3 launches whose enablement bundle was published before launch day (100%). */
export async function coverageMetric(ctx: Context, win: Window): Promise<Built> {
  const settings = await ctx.settings();
  const launchDay = sql<string>`coalesce(${releases.launchedOn}, ${releases.targetDate})`;
  const rows = await ctx.db
    .select({
      id: releases.id,
      title: releases.title,
      tier: releases.tier,
      day: launchDay,
      publishedOn: enablementBundles.publishedOn,
    })
    .from(releases)
    .leftJoin(enablementBundles, eq(enablementBundles.releaseId, releases.id))
    .where(and(inArray(releases.tier, [2, 3]), lte(launchDay, win.today)))
    .orderBy(launchDay);
  const cases = rows.map((r) => ({ ...r, hit: r.publishedOn !== null && r.publishedOn < r.day }));
  const metric = shareMetric({
    key: 'enablement_coverage',
    label: 'Launch enablement coverage',
    group: 'success',
    noun: LAUNCH,
    unit: '% of Tier 2/3 launches with the bundle published before launch day',
    target: settings.thresholds.enablementCoveragePct,
    rule: 'at least',
    cases,
    win,
  });
  const records = cases
    .filter((c) => c.day >= win.from)
    .map((c) => ({
      label: c.title,
      href: `/releases/${c.id}`,
      date: c.day,
      counted: c.hit,
      detail: c.publishedOn
        ? `Tier ${c.tier}, bundle published ${c.publishedOn}${c.hit ? '' : ', not before launch day'}`
        : `Tier ${c.tier}, bundle never published`,
    }));
  return { metric, records };
}

/** Pack §7: ritual occurrences run as designed — enough people and the artifact on time (> 80%). */
export async function adoptionMetric(ctx: Context, win: Window): Promise<Built> {
  const settings = await ctx.settings();
  const share = settings.thresholds.ritualAttendanceSharePct;
  const [first] = await ctx.db
    .select({ at: min(ritualOccurrences.startsAt) })
    .from(ritualOccurrences)
    .where(lte(ritualOccurrences.startsAt, ctx.now));
  const from = first?.at ?? ctx.now;
  const occurrences = (await occurrenceFacts(ctx.db, { from, to: ctx.now })).filter(
    (o) => o.facts.status !== 'skipped' && o.facts.status !== 'cancelled',
  );
  const judged = occurrences.map((o) => {
    const checks = occurrenceChecks(o.facts, share);
    return { ...o, ...checks, day: o.localDate };
  });
  const metric = shareMetric({
    key: 'ritual_adoption',
    label: 'Ritual adoption',
    group: 'success',
    noun: ['occurrence', 'occurrences'],
    unit: '% of ritual occurrences with enough attendance and the artifact on time',
    target: settings.thresholds.ritualAdoptionPct,
    rule: 'above',
    cases: judged.map((o) => ({ day: o.day, hit: o.attendanceOk && o.onTime })),
    win,
  });
  const windowStart = localInstant(win.from, '00:00', settings.timeZone);
  const records = judged
    .filter((o) => new Date(o.facts.startsAt) >= windowStart)
    .map((o) => ({
      label: o.ritual.name,
      href: `/cadence/occurrences/${o.id}`,
      date: o.localDate,
      counted: o.attendanceOk && o.onTime,
      detail: whyNot(o.facts, o.attendanceOk, o.onTime),
    }));
  return { metric, records };
}

function whyNot(
  f: { presentAttendees: number; expectedAttendees: number; artifactProducedAt: string | null },
  attendanceOk: boolean,
  onTime: boolean,
): string {
  const attendance =
    f.expectedAttendees > 0
      ? `${f.presentAttendees} of ${f.expectedAttendees} present`
      : 'no attendance expected';
  const artifact = f.artifactProducedAt ? (onTime ? 'artifact on time' : 'artifact late') : 'no artifact';
  const verdict = attendanceOk && onTime ? 'adopted' : 'not adopted';
  return `${verdict}: ${attendance}, ${artifact}`;
}
