import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import {
  areas,
  artifactVersions,
  decisions,
  enablementBundles,
  releaseSignOffs,
  releases,
} from '../../db/schema/index.ts';
import { overlaps, quartersText, rangeText, viewWindow } from '../../domain/roadmap/quarters.ts';
import { todayIn } from '../../shared/calendar.ts';
import { notFound } from '../../shared/errors.ts';
import type { TRoadmapItemState, TRoadmapView, TViewItem } from '../../shared/roadmap.ts';
import type { TSettings } from '../../shared/settings.ts';
import { findArtifactVersion } from '../artifacts.ts';
import { getSettings } from '../org/settings.ts';
import { isShown } from './stakeholder-projection.ts';

export const ROADMAP_VIEW = 'roadmap_view';
export const VIEW_KEY = 'stakeholder';

async function releaseFacts(db: Db, ids: string[], settings: TSettings) {
  if (!ids.length) return new Map<string, TViewItem['releases'][number]>();
  const rows = await db
    .select({
      id: releases.id,
      title: releases.title,
      tier: releases.tier,
      status: releases.status,
      distributedOn: enablementBundles.distributedOn,
      publishedOn: enablementBundles.publishedOn,
    })
    .from(releases)
    .leftJoin(enablementBundles, eq(enablementBundles.releaseId, releases.id))
    .where(inArray(releases.id, ids));
  const signed = await db
    .select({ releaseId: releaseSignOffs.releaseId, kind: releaseSignOffs.kind })
    .from(releaseSignOffs)
    .where(inArray(releaseSignOffs.releaseId, ids));
  return new Map(
    rows.map((r) => {
      const rule = r.tier ? settings.tiers[`tier${r.tier}` as 'tier1'] : null;
      const readiness = (rule?.signOffs ?? []).map((kind) => ({
        kind,
        done: signed.some((s) => s.releaseId === r.id && s.kind === kind),
      }));
      return [r.id, { ...r, readiness }];
    }),
  );
}

/** Feedback volume per theme over the last 90 days: how much customer pain an item answers. */
async function themeVolumes(db: Db, today: string): Promise<Map<string, number>> {
  const rows = rowsOf<{ theme: string; volume: number }>(
    await db.execute(sql`select theme, sum(items)::int as volume from insight_daily
      where day > (${today}::date - 90) and day <= ${today}::date group by theme`),
  );
  return new Map(rows.map((r) => [r.theme, r.volume]));
}

/**
 * The stakeholder roadmap view (pack §4): ratified items shown to stakeholders, in the current and next quarter
 * from the org's today, as ranges in stakeholder language, with what each audience needs next to them.
 */
export async function buildView(
  db: Db,
  states: ReadonlyMap<string, TRoadmapItemState>,
  now: Date,
  /** The caller's, when it has read them already. */
  known?: TSettings,
) {
  const settings = known ?? (await getSettings(db));
  const today = todayIn(settings.timeZone, now);
  const fy = settings.roadmap.fiscalYearStartMonth;
  const window = viewWindow(today, fy);
  const shown = [...states].filter(
    ([, s]) =>
      isShown(s) && s.status !== 'dropped' && overlaps(s.earliest, s.latest, window[0].start, window[1].end),
  );
  const areaNames = new Map((await db.select().from(areas)).map((a) => [a.id, a.name]));
  const rel = await releaseFacts(db, [...new Set(shown.flatMap(([, s]) => s.releaseIds))], settings);
  const volumes = await themeVolumes(db, today);
  const themeLabels = new Map(settings.insights.themes.map((t) => [t.key, t.label]));
  const items: TViewItem[] = shown
    .sort(([, a], [, b]) => a.earliest.localeCompare(b.earliest) || a.title.localeCompare(b.title))
    .map(([id, s]) => ({
      id,
      title: s.title,
      summary: s.summary,
      customerNote: s.customerNote,
      areaId: s.areaId,
      areaName: areaNames.get(s.areaId) ?? 'Unknown area',
      status: s.status,
      confidence: s.confidence,
      earliest: s.earliest,
      latest: s.latest,
      rangeText: rangeText(s.earliest, s.latest),
      quarters: quartersText(s.earliest, s.latest, fy),
      // Stakeholders only hear of dependencies they can see.
      dependsOn: s.dependsOn.flatMap((d) => {
        const dep = states.get(d);
        return dep && isShown(dep) ? [{ id: d, title: dep.title }] : [];
      }),
      releases: s.releaseIds.flatMap((r) => (rel.has(r) ? [rel.get(r)!] : [])),
      themes: s.themes.map((key) => ({
        key,
        label: themeLabels.get(key) ?? key,
        volume: volumes.get(key) ?? 0,
      })),
    }));
  const recent = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.status, 'active'), gte(decisions.decidedOn, window[0].start)))
    .orderBy(desc(decisions.decidedOn), desc(decisions.number))
    .limit(10);
  const view: TRoadmapView = {
    orgName: settings.orgName,
    asOf: today,
    quarters: window.map((q) => ({ label: q.label, start: q.start, end: q.end })),
    items,
    decisions: recent.map((d) => ({
      number: d.number,
      title: d.title,
      decidedOn: d.decidedOn,
      rationale: d.rationale,
    })),
  };
  return view;
}

/** A published version of the view (latest when `version` is absent), or null when none was published yet. */
export async function publishedView(db: Db, version?: number) {
  const row = await findArtifactVersion(db, ROADMAP_VIEW, VIEW_KEY, version);
  if (!row && version) throw notFound(`roadmap view version ${version}`);
  return row ?? null;
}

export async function listViewVersions(db: Db) {
  const rows = await db
    .select({
      version: artifactVersions.version,
      publishedAt: artifactVersions.publishedAt,
      publishedBy: artifactVersions.publishedBy,
      changes: artifactVersions.changes,
    })
    .from(artifactVersions)
    .where(and(eq(artifactVersions.kind, ROADMAP_VIEW), eq(artifactVersions.key, VIEW_KEY)))
    .orderBy(desc(artifactVersions.version));
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() }));
}
