import { and, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { artifactVersions, ritualOccurrences, rituals, roadmapItems } from '../../db/schema/index.ts';
import { qbrMarkdown } from '../../domain/charter/qbr-markdown.ts';
import { quarterFromKey, quarterKey } from '../../domain/charter/quarter-key.ts';
import { quarterOf } from '../../domain/roadmap/quarters.ts';
import { endOfLocalDay, todayIn } from '../../shared/calendar.ts';
import type { TQbrContent, TQbrPublishInput, TQbrVersion } from '../../shared/charter.ts';
import { type FieldError, invalid, notFound } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { findArtifactVersion, publishArtifactVersion } from '../artifacts.ts';
import { recordAudit } from '../audit.ts';
import { type Context, createContext } from '../context.ts';
import { metricsAsOf, metricsOverview } from '../metrics/overview.ts';
import { actorName } from './actor-name.ts';
import { listFrictions } from './frictions.ts';

export const QUARTERLY_PLAN = 'quarterly_plan';
/** A quarter's worth of weekly figures: what the QBR looks back on. */
const QUARTER_WEEKS = 13;

type Row = typeof artifactVersions.$inferSelect;

const toVersion = (quarter: string, row: Row): TQbrVersion => ({
  quarter,
  version: row.version,
  title: row.title,
  markdown: row.markdown,
  content: row.json as TQbrContent,
  publishedAt: row.publishedAt.toISOString(),
  publishedBy: row.publishedBy,
});

/** The roadmap items the priorities link to, by id; 400 naming each priority whose item does not exist. */
async function linkedItems(db: Db, input: TQbrPublishInput, lenient: boolean) {
  const ids = input.priorities.flatMap((p) => (p.roadmapItemId ? [p.roadmapItemId] : []));
  const rows = ids.length
    ? await db
        .select({ id: roadmapItems.id, state: roadmapItems.state })
        .from(roadmapItems)
        .where(inArray(roadmapItems.id, ids))
    : [];
  const titles = new Map(rows.map((r) => [r.id, r.state.title]));
  const fields: FieldError[] = [];
  input.priorities.forEach((p, i) => {
    if (p.roadmapItemId && !titles.has(p.roadmapItemId))
      fields.push({ path: `priorities.${i}.roadmapItemId`, message: 'is not a known roadmap item' });
  });
  if (fields.length && !lenient) throw invalid(fields);
  return titles;
}

/**
 * What the QBR of `key` holds if published now: the plan and retrospective given, the success metrics over the
 * 13 weeks to the quarter's end (or to now, while it runs), and the friction list as it stands.
 */
async function compose(
  ctx: Context,
  key: string,
  input: TQbrPublishInput,
  lenient = false,
): Promise<TQbrContent> {
  const settings = await ctx.settings();
  const q = quarterFromKey(key, settings.roadmap.fiscalYearStartMonth);
  const end = endOfLocalDay(q.end, settings.timeZone);
  const asOf = new Date(Math.min(ctx.now.getTime(), end.getTime()));
  // The metrics service computes "as of" its context's instant: a past quarter reads its own figures (from the
  // records; the page's snapshots hold today's).
  const overview =
    asOf.getTime() === ctx.now.getTime()
      ? await metricsOverview(ctx, { weeks: QUARTER_WEEKS })
      : await metricsAsOf(createContext({ db: ctx.db, actor: ctx.actor, now: asOf, settings }), {
          weeks: QUARTER_WEEKS,
        });
  const titles = await linkedItems(ctx.db, input, lenient);
  const list = await listFrictions(ctx.db);
  return {
    quarter: key,
    label: q.label,
    start: q.start,
    end: q.end,
    priorities: input.priorities.map((p) => ({
      text: p.text,
      roadmapItem:
        p.roadmapItemId && titles.has(p.roadmapItemId)
          ? { id: p.roadmapItemId, title: titles.get(p.roadmapItemId)! }
          : null,
    })),
    retrospective: input.retrospective,
    metricsWindow: `the ${QUARTER_WEEKS} weeks to ${todayIn(settings.timeZone, asOf)}, ${settings.timeZone}`,
    metrics: overview.metrics
      .filter((m) => m.group === 'success')
      .map((m) => ({
        key: m.key,
        label: m.label,
        current: m.current.text,
        target: m.target.text,
        meets: m.meets,
      })),
    frictions: list.items,
    unmappedRituals: list.unmappedRituals,
  };
}

/** The draft (text prefilled from the latest version, if any) and the latest published version. */
export async function getQbr(ctx: Context, key: string) {
  const latest = await findArtifactVersion(ctx.db, QUARTERLY_PLAN, key);
  const previous = latest ? (latest.json as TQbrContent) : null;
  const input: TQbrPublishInput = {
    priorities: (previous?.priorities ?? []).map((p) => ({
      text: p.text,
      ...(p.roadmapItem ? { roadmapItemId: p.roadmapItem.id } : {}),
    })),
    retrospective: previous?.retrospective ?? { worked: [], didNot: [], prune: [] },
  };
  // A linked item deleted since: the draft keeps the text, drops the link.
  const draft = await compose(ctx, key, input, true);
  const settings = await ctx.settings();
  return {
    quarter: key,
    label: quarterFromKey(key, settings.roadmap.fiscalYearStartMonth).label,
    draft,
    latest: latest ? toVersion(key, latest) : null,
  };
}

/** The quarterly-planning occurrences of the quarter count their artifact as produced (ritual adoption). */
async function markPlanningProduced(tx: Db, content: TQbrContent, now: Date) {
  const [ritual] = await tx
    .select({ id: rituals.id })
    .from(rituals)
    .where(eq(rituals.slug, 'quarterly-planning'));
  if (!ritual) return;
  await tx
    .update(ritualOccurrences)
    .set({ artifactProducedAt: now, artifactRef: `/qbr/${content.quarter}`, status: 'held', updatedAt: now })
    .where(
      and(
        eq(ritualOccurrences.ritualId, ritual.id),
        gte(ritualOccurrences.localDate, content.start),
        lte(ritualOccurrences.localDate, content.end),
        inArray(ritualOccurrences.status, ['scheduled', 'held']),
        isNull(ritualOccurrences.artifactProducedAt),
      ),
    );
}

/** Publishes the next immutable version of the quarter's Planning/QBR artifact (pack §3). */
export async function publishQbr(opts: {
  ctx: Context;
  actor: Actor;
  quarter: string;
  input: TQbrPublishInput;
}) {
  const { ctx } = opts;
  // Read before the transaction: on the embedded database, a query outside it waits for it to end.
  const settings = await ctx.settings();
  return ctx.db.transaction(async (tx) => {
    const inner = createContext({ db: tx, actor: opts.actor, now: ctx.now, settings });
    const content = await compose(inner, opts.quarter, opts.input);
    const previous = await findArtifactVersion(tx, QUARTERLY_PLAN, opts.quarter);
    const row = await publishArtifactVersion(tx, {
      kind: QUARTERLY_PLAN,
      key: opts.quarter,
      title: `Quarterly Planning / QBR — ${content.label}`,
      markdown: qbrMarkdown(content, settings.orgName),
      json: content,
      changes: previous ? ['Republished with the latest plan, retrospective, figures and frictions'] : [],
      publishedBy: await actorName(tx, opts.actor),
      now: ctx.now,
    });
    await markPlanningProduced(tx, content, ctx.now);
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'qbr.publish',
      entityType: 'quarterly_plan',
      entityId: opts.quarter,
      change: { version: row.version, frictions: content.frictions.map((f) => f.title) },
    });
    return toVersion(opts.quarter, row);
  });
}

export async function listQbrVersions(db: Db, quarter: string) {
  const rows = await db
    .select()
    .from(artifactVersions)
    .where(and(eq(artifactVersions.kind, QUARTERLY_PLAN), eq(artifactVersions.key, quarter)))
    .orderBy(desc(artifactVersions.version));
  return {
    items: rows.map((r) => ({
      version: r.version,
      title: r.title,
      publishedAt: r.publishedAt.toISOString(),
      publishedBy: r.publishedBy,
    })),
  };
}

export async function getQbrVersion(db: Db, quarter: string, version: number): Promise<TQbrVersion> {
  const row = await findArtifactVersion(db, QUARTERLY_PLAN, quarter, version);
  if (!row) throw notFound(`version ${version} of the QBR for ${quarter}`);
  return toVersion(quarter, row);
}

/** The quarter holding today and each published quarter's latest version, newest quarter first. */
export async function qbrIndex(ctx: Context) {
  const settings = await ctx.settings();
  const current = quarterKey(
    quarterOf(todayIn(settings.timeZone, ctx.now), settings.roadmap.fiscalYearStartMonth),
  );
  const rows = await ctx.db
    .select()
    .from(artifactVersions)
    .where(eq(artifactVersions.kind, QUARTERLY_PLAN))
    .orderBy(desc(artifactVersions.key), desc(artifactVersions.version));
  const latest = new Map<string, Row>();
  for (const r of rows) if (!latest.has(r.key)) latest.set(r.key, r);
  return {
    current,
    items: [...latest.values()].map((r) => ({
      quarter: r.key,
      version: r.version,
      title: r.title,
      publishedAt: r.publishedAt.toISOString(),
    })),
  };
}
