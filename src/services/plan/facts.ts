import { and, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  artifactVersions,
  decisions,
  enablementBundles,
  insightRoutings,
  postLaunchChecks,
  releases,
} from '../../db/schema/index.ts';
import type { CheckRecord } from '../../domain/plan/checks.ts';
import { endOfLocalDay, localDateTime, localInstant } from '../../shared/calendar.ts';
import type { TPlanCheck } from '../../shared/plan.ts';
import { occurrenceFacts } from '../cadence/attendance.ts';
import { ROADMAP_VIEW } from '../roadmap/view.ts';

/** A timebox's local dates, today, the instant of "now" and the org's zone: what every fact is read against. */
export interface FactWindow {
  from: string;
  to: string;
  today: string;
  now: Date;
  timeZone: string;
}

type Occurrences = Awaited<ReturnType<typeof occurrenceFacts>>;

/** The timebox's last day, or today while it runs: nothing after today is a record yet. */
const lastDay = (w: FactWindow) => [w.to, w.today].sort()[0]!;
const localDay = (at: Date, tz: string) => localDateTime(at, tz).date;
const occurrenceHref = (id: string) => `/cadence/occurrences/${id}`;

/** Every ritual occurrence of the timebox up to now, read once for the checks built on them. */
async function timeboxOccurrences(db: Db, w: FactWindow): Promise<Occurrences> {
  const from = localInstant(w.from, '00:00', w.timeZone);
  const end = endOfLocalDay(w.to, w.timeZone);
  const to = new Date(Math.min(end.getTime(), w.now.getTime()));
  return to > from ? occurrenceFacts(db, { from, to }) : [];
}

const ofRitual = (all: Occurrences, slug: string) =>
  all.filter((o) => o.ritual.slug === slug && o.facts.status !== 'skipped' && o.facts.status !== 'cancelled');

/** A weekly update is judged once it was published or its artifact is overdue: today's may still come. */
function weeklyUpdates(all: Occurrences, now: Date): CheckRecord[] {
  return ofRitual(all, 'weekly-product-update')
    .filter((o) => o.facts.artifactProducedAt || new Date(o.facts.artifactDueAt) < now)
    .map((o) => {
      const at = o.facts.artifactProducedAt;
      const onTime = at !== null && at <= o.facts.artifactDueAt;
      return {
        label: `Weekly Product Update, ${o.localDate}`,
        href: occurrenceHref(o.id),
        date: o.localDate,
        counted: onTime,
        detail: at ? (onTime ? 'published on time' : 'published late') : 'not published',
      };
    });
}

function heldReviews(all: Occurrences, slug: string): CheckRecord[] {
  return ofRitual(all, slug)
    .filter((o) => o.facts.status === 'held')
    .map((o) => ({
      label: `${o.ritual.name}, ${o.localDate}`,
      href: occurrenceHref(o.id),
      date: o.localDate,
      counted: o.facts.artifactProducedAt !== null,
      detail: `${o.facts.presentAttendees} of ${o.facts.expectedAttendees} present, ${
        o.facts.artifactProducedAt ? 'artifact produced' : 'no artifact'
      }`,
      present: o.facts.presentAttendees,
      expected: o.facts.expectedAttendees,
    }));
}

const launchDay = sql<string>`coalesce(${releases.launchedOn}, ${releases.targetDate})`;

/** Tier 2/3 releases whose bundle was published in the timebox: before launch is the enablement process. */
async function bundlesPublished(db: Db, w: FactWindow): Promise<CheckRecord[]> {
  const rows = await db
    .select({
      id: releases.id,
      title: releases.title,
      tier: releases.tier,
      day: launchDay,
      on: enablementBundles.publishedOn,
    })
    .from(releases)
    .innerJoin(enablementBundles, eq(enablementBundles.releaseId, releases.id))
    .where(
      and(
        inArray(releases.tier, [2, 3]),
        gte(enablementBundles.publishedOn, w.from),
        lte(enablementBundles.publishedOn, lastDay(w)),
      ),
    );
  return rows.map((r) => ({
    label: r.title,
    href: `/releases/${r.id}`,
    date: r.on!,
    counted: r.on! < r.day,
    detail: `Tier ${r.tier}, bundle published ${r.on}, launch ${r.day}`,
  }));
}

/** Tier 2/3 launches of the timebox so far, each with its bundle before launch day or not (the coverage rule). */
async function launches(db: Db, w: FactWindow): Promise<CheckRecord[]> {
  const rows = await db
    .select({
      id: releases.id,
      title: releases.title,
      tier: releases.tier,
      day: launchDay,
      on: enablementBundles.publishedOn,
    })
    .from(releases)
    .leftJoin(enablementBundles, eq(enablementBundles.releaseId, releases.id))
    .where(and(inArray(releases.tier, [2, 3]), gte(launchDay, w.from), lte(launchDay, lastDay(w))));
  return rows.map((r) => ({
    label: r.title,
    href: `/releases/${r.id}`,
    date: r.day,
    counted: r.on !== null && r.on < r.day,
    detail: r.on ? `Tier ${r.tier}, bundle published ${r.on}` : `Tier ${r.tier}, no bundle published`,
  }));
}

async function decisionsLogged(db: Db, w: FactWindow): Promise<CheckRecord[]> {
  const rows = await db
    .select({ id: decisions.id, number: decisions.number, title: decisions.title, on: decisions.decidedOn })
    .from(decisions)
    .where(and(gte(decisions.decidedOn, w.from), lte(decisions.decidedOn, w.to)));
  return rows.map((d) => ({
    label: `#${d.number} ${d.title}`,
    href: `/decisions/${d.id}`,
    date: d.on,
    counted: true,
    detail: `decided ${d.on}`,
  }));
}

function instantsOf(w: FactWindow) {
  return { from: localInstant(w.from, '00:00', w.timeZone), to: endOfLocalDay(w.to, w.timeZone) };
}

async function viewsPublished(db: Db, w: FactWindow): Promise<CheckRecord[]> {
  const { from, to } = instantsOf(w);
  const rows = await db
    .select({
      version: artifactVersions.version,
      at: artifactVersions.publishedAt,
      by: artifactVersions.publishedBy,
    })
    .from(artifactVersions)
    .where(
      and(
        eq(artifactVersions.kind, ROADMAP_VIEW),
        gte(artifactVersions.publishedAt, from),
        lt(artifactVersions.publishedAt, to),
        lte(artifactVersions.publishedAt, w.now),
      ),
    );
  return rows.map((v) => ({
    label: `Stakeholder roadmap view, version ${v.version}`,
    href: '/roadmap/view',
    date: localDay(v.at, w.timeZone),
    counted: true,
    detail: `published by ${v.by}`,
  }));
}

async function routings(db: Db, w: FactWindow): Promise<CheckRecord[]> {
  const { from, to } = instantsOf(w);
  const rows = await db
    .select({
      theme: insightRoutings.theme,
      week: insightRoutings.week,
      at: insightRoutings.routedAt,
      disposition: insightRoutings.disposition,
    })
    .from(insightRoutings)
    .where(
      and(
        gte(insightRoutings.routedAt, from),
        lt(insightRoutings.routedAt, to),
        lte(insightRoutings.routedAt, w.now),
      ),
    );
  return rows.map((r) => ({
    label: `${r.theme} (${r.week})`,
    href: '/insights/routings',
    date: localDay(r.at, w.timeZone),
    counted: r.disposition !== null,
    detail: r.disposition ? `disposition: ${r.disposition.replaceAll('_', ' ')}` : 'no disposition yet',
  }));
}

/** Tier 2/3 post-launch check-ins due in the timebox: judged once their day is past or they are done. */
async function postLaunch(db: Db, w: FactWindow): Promise<CheckRecord[]> {
  const rows = await db
    .select({
      id: releases.id,
      title: releases.title,
      kind: postLaunchChecks.kind,
      due: postLaunchChecks.dueOn,
      done: postLaunchChecks.completedAt,
    })
    .from(postLaunchChecks)
    .innerJoin(releases, eq(releases.id, postLaunchChecks.releaseId))
    .where(
      and(
        inArray(releases.tier, [2, 3]),
        gte(postLaunchChecks.dueOn, w.from),
        lte(postLaunchChecks.dueOn, w.to),
      ),
    );
  return rows
    .filter((r) => r.done !== null || r.due < w.today)
    .map((r) => ({
      label: `${r.title}: ${r.kind === 'day14' ? 'Day 14 retro' : 'Day 3 check-in'}`,
      href: `/releases/${r.id}`,
      date: r.due,
      counted: r.done !== null,
      detail: r.done ? `completed ${localDay(r.done, w.timeZone)}` : `due ${r.due}, not completed`,
    }));
}

/**
 * The records behind every check of one timebox. `retros` are the plan's recorded retrospectives of this
 * timebox (read by the plan with their names).
 */
export async function checkRecords(
  db: Db,
  w: FactWindow,
  checks: ReadonlySet<TPlanCheck>,
  retros: CheckRecord[],
): Promise<Map<TPlanCheck, CheckRecord[]>> {
  const occurrences = await timeboxOccurrences(db, w);
  const out = new Map<TPlanCheck, CheckRecord[]>();
  const readers: Record<TPlanCheck, () => CheckRecord[] | Promise<CheckRecord[]>> = {
    weekly_update_on_time: () => weeklyUpdates(occurrences, w.now),
    tier23_enablement_used: () => bundlesPublished(db, w),
    enablement_all_tier23: () => launches(db, w),
    roadmap_review_running: () => heldReviews(occurrences, 'roadmap-review'),
    roadmap_review_attendance: () => heldReviews(occurrences, 'roadmap-review'),
    decision_log_in_use: () => decisionsLogged(db, w),
    roadmap_view_published: () => viewsPublished(db, w),
    insights_triage: () => routings(db, w),
    insights_review_held: () => heldReviews(occurrences, 'insights-review'),
    post_launch_capture: () => postLaunch(db, w),
    retro_recorded: () => retros,
  };
  for (const check of checks) out.set(check, await readers[check]());
  return out;
}
