import { and, asc, desc, eq, inArray, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  areas,
  people,
  ritualOccurrences,
  roadmapItems,
  roadmapItemVersions,
  roadmapReviewOutcomes,
  roadmapReviews,
} from '../../db/schema/index.ts';
import { buildAgenda, minutesPerArea } from '../../domain/roadmap/agenda.ts';
import { diffRoadmap } from '../../domain/roadmap/changes.ts';
import type { TRoadmapChange } from '../../shared/roadmap.ts';
import type { TSettings } from '../../shared/settings.ts';
import { registerAgendaWriter } from '../cadence/agendas.ts';
import { localTimeText } from '../cadence/reminders.ts';
import { type Context, createContext } from '../context.ts';
import { decisionsOfReview, dueDecisions } from '../decisions/view.ts';
import { ratifiedStates } from './item-history.ts';
import { reviewActions } from './review-items.ts';
import { loadReviewOccurrence, type ReviewBody, slaState } from './reviews.ts';
import { publishedView } from './view.ts';

type OccurrenceRow = typeof ritualOccurrences.$inferSelect;
type AreaRow = { id: string; name: string; pmName: string | null };

/** The last review closed before this occurrence: "what changed since the last review" starts there. */
async function previousClosed(db: Db, o: OccurrenceRow) {
  const [prev] = await db
    .select({ closedAt: roadmapReviews.closedAt, localDate: ritualOccurrences.localDate })
    .from(roadmapReviews)
    .innerJoin(ritualOccurrences, eq(ritualOccurrences.id, roadmapReviews.occurrenceId))
    .where(and(isNotNull(roadmapReviews.closedAt), lt(ritualOccurrences.startsAt, o.startsAt)))
    .orderBy(desc(ritualOccurrences.startsAt))
    .limit(1);
  return prev ?? null;
}

/** The versions a review shows of some items: those with a why-note, and every version of decided ones. */
async function versionsOf(db: Db, itemIds: string[], decidedIds: string[]) {
  const rows = itemIds.length
    ? await db
        .select()
        .from(roadmapItemVersions)
        .where(
          and(
            inArray(roadmapItemVersions.itemId, itemIds),
            decidedIds.length
              ? or(ne(roadmapItemVersions.note, ''), inArray(roadmapItemVersions.itemId, decidedIds))
              : ne(roadmapItemVersions.note, ''),
          ),
        )
        .orderBy(asc(roadmapItemVersions.version))
    : [];
  const byItem = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
  return byItem;
}

/**
 * Items with unratified changes, and those this review already decided on, with their changes and the PMs'
 * why-notes. A decided item shows what was decided (its outcome's versions); one changed again since is pending.
 */
async function reviewItems(db: Db, reviewId: string | null, fy: number) {
  // One read of the items: their working states are the "after" of the diff.
  const all = await db
    .select()
    .from(roadmapItems)
    .orderBy(sql`${roadmapItems.state}->>'earliest'`, asc(roadmapItems.id));
  const current = new Map(all.map((r) => [r.id, r.state]));
  const ratified = await ratifiedStates(db);
  const changesOf = new Map<string, TRoadmapChange[]>();
  for (const c of diffRoadmap(ratified, current, fy))
    changesOf.set(c.itemId, [...(changesOf.get(c.itemId) ?? []), c]);
  const outcomes = reviewId
    ? await db
        .select()
        .from(roadmapReviewOutcomes)
        .where(eq(roadmapReviewOutcomes.reviewId, reviewId))
        .orderBy(asc(roadmapReviewOutcomes.decidedAt))
    : [];
  const decided = new Map(outcomes.map((o) => [o.itemId, o]));
  const rows = all.filter((r) => decided.has(r.id) || changesOf.has(r.id));
  const versions = await versionsOf(
    db,
    rows.map((r) => r.id),
    [...decided.keys()],
  );
  const internal = new Set([...current].filter(([, st]) => st.visibility === 'internal').map(([id]) => id));
  const items = rows.map((r) => {
    const pending = r.ratifiedVersion !== r.version;
    const o = pending ? undefined : decided.get(r.id);
    const fromVersion = o ? o.fromVersion : r.ratifiedVersion;
    const toVersion = o ? o.toVersion : r.version;
    const history = versions.get(r.id) ?? [];
    const stateAt = (v: number | null) => history.find((h) => h.version === v)?.state;
    const changes: TRoadmapChange[] = o
      ? diffRoadmap(
          new Map(fromVersion ? [[r.id, stateAt(fromVersion)!]] : []),
          new Map([[r.id, stateAt(toVersion) ?? r.state]]),
          fy,
        )
      : (changesOf.get(r.id) ?? []);
    const notes = history.filter(
      (h) => h.kind === 'edit' && h.note && h.version > (fromVersion ?? 0) && h.version <= toVersion,
    );
    return {
      itemId: r.id,
      title: r.state.title,
      areaId: r.state.areaId,
      fromVersion,
      toVersion,
      changes,
      notes: notes.map((n) => ({ by: n.changedBy, at: n.changedAt.toISOString(), note: n.note })),
      pending,
      outcome: (o?.outcome ?? null) as 'ratified' | 'rejected' | null,
    };
  });
  return { items, internal };
}

/** Insight themes the weekly triage found spanning areas since the last review (pack §5 → Roadmap Review). */
async function crossAreaThemes(db: Db, settings: TSettings, areaRows: AreaRow[], since: Date | null) {
  const labels = new Map(settings.insights.themes.map((t) => [t.key, t.label]));
  const names = new Map(areaRows.map((a) => [a.id, a.name]));
  const rows = (await db.execute(sql`select distinct on (theme) theme, cross_area from insight_routings
    where cardinality(cross_area) > 1 and disposition is null
    ${since ? sql`and routed_at >= ${since.toISOString()}` : sql``} order by theme, routed_at desc`)) as unknown as {
    rows: { theme: string; cross_area: string[] }[];
  };
  return rows.rows.map((r) => ({
    key: r.theme,
    label: labels.get(r.theme) ?? r.theme,
    areas: r.cross_area.map((a) => names.get(a) ?? a),
  }));
}

/**
 * The Roadmap Review page, each row read once (the areas feed both the walk-through and the themes' area names)
 * and the settings once: live until closed, then the snapshot taken when it closed.
 */
export async function reviewPage(ctx: Context, occurrenceId: string): Promise<ReviewBody> {
  const { db, now } = ctx;
  const { o, r, review } = await loadReviewOccurrence(db, occurrenceId);
  const base = {
    id: review?.id ?? null,
    occurrenceId: o.id,
    localDate: o.localDate,
    startsAt: o.startsAt.toISOString(),
    startedAt: review?.startedAt.toISOString() ?? null,
    closedAt: review?.closedAt?.toISOString() ?? null,
    slaDueAt: review?.slaDueAt?.toISOString() ?? null,
    republishedAt: review?.republishedAt?.toISOString() ?? null,
    viewVersion: review?.viewVersion ?? null,
    sla: slaState(review, now),
  };
  // Closed: the agenda as it stood, with the action items as they stand (their owners close them later).
  if (review?.closedAt && review.agenda)
    return { ...(review.agenda as ReviewBody), ...base, actions: await reviewActions(db, review.id) };
  const settings = await ctx.settings();
  const prev = await previousClosed(db, o);
  const { items, internal } = await reviewItems(
    db,
    review?.id ?? null,
    settings.roadmap.fiscalYearStartMonth,
  );
  const areaRows = await db
    .select({ id: areas.id, name: areas.name, pmName: people.name })
    .from(areas)
    .leftJoin(people, eq(people.id, areas.ownerPmId))
    .orderBy(asc(areas.name));
  const changes = items.flatMap((i) => i.changes);
  const due = await dueDecisions(db, o.localDate);
  const recorded = review ? await decisionsOfReview(db, review.id) : [];
  const actions = review ? await reviewActions(db, review.id) : [];
  const themes = await crossAreaThemes(db, settings, areaRows, prev?.closedAt ?? null);
  const published = prev?.closedAt ? null : await publishedView(db);
  const sinceLabel = prev?.closedAt
    ? `the last review (${localTimeText(prev.closedAt, settings.timeZone)})`
    : published
      ? `the roadmap view was last published (${localTimeText(published.publishedAt, settings.timeZone)})`
      : 'the start';
  const agenda = buildAgenda({
    ritualAgenda: r.agenda,
    sinceLabel,
    changes,
    areas: areaRows.map((a) => ({ areaId: a.id, areaName: a.name, pmName: a.pmName })),
    dueDecisions: due,
    recordedDecisions: recorded,
    actions,
    crossAreaThemes: themes,
    toleranceDays: settings.roadmap.moveToleranceDays,
    internalItemIds: internal,
  });
  const walk = agenda[1]!;
  const changedAreas = areaRows.filter((a) => items.some((i) => i.areaId === a.id));
  return {
    ...base,
    since: prev?.closedAt?.toISOString() ?? null,
    agenda,
    areas: changedAreas.map((a) => ({
      areaId: a.id,
      areaName: a.name,
      pmName: a.pmName,
      minutes: minutesPerArea(walk.minutes, changedAreas.length),
      items: items.filter((i) => i.areaId === a.id),
    })),
    dueDecisions: due.map((d) => ({
      id: d.id,
      number: d.number,
      title: d.title,
      nextReviewDate: d.nextReviewDate,
    })),
    decisions: recorded.map((d) => ({ id: d.id, number: d.number, title: d.title })),
    crossAreaThemes: themes.map((t) => ({ key: t.key, label: t.label, areas: t.areas })),
    actions,
  };
}

/** The review as of `now` on a database or inside a transaction (the review's actions answer with it). */
export function reviewBody(db: Db, occurrenceId: string, now: Date): Promise<ReviewBody> {
  return reviewPage(createContext({ db, actor: null, now }), occurrenceId);
}

/** The Roadmap Review's reminder carries the agenda generated from what changed since the last review. */
registerAgendaWriter('roadmap-review', async (tx, occurrenceId, now) => {
  const review = await reviewBody(tx, occurrenceId, now);
  return review.agenda
    .map((s) => [`- [${s.minutes} min] ${s.title}`, ...s.lines.map((l) => `   - ${l}`)].join('\n'))
    .join('\n');
});
