import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, insightCorrections, insightItems } from '../../db/schema/index.ts';
import { type FieldError, invalid, notFound } from '../../shared/errors.ts';
import type { TInsightFilter, TInsightPatch } from '../../shared/insights.ts';
import { INSIGHT_KINDS } from '../../shared/insights-taxonomy.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';
import { schedulePolishCheck } from '../quality/polish-check.ts';
import { scheduleRetrain } from './learning.ts';

const view = (i: typeof insightItems.$inferSelect, areaName: string | null) => ({
  id: i.id,
  source: i.source,
  externalId: i.externalId,
  title: i.title,
  body: i.body,
  customer: i.customer,
  segment: i.segment,
  evidenceType: i.evidenceType,
  occurredAt: i.occurredAt.toISOString(),
  kind: i.kind,
  kindConfidence: i.kindConfidence,
  theme: i.theme,
  themeConfidence: i.themeConfidence,
  severity: i.severity,
  severityConfidence: i.severityConfidence,
  areaId: i.areaId,
  areaName,
  areaConfidence: i.areaConfidence,
  correctedTags: i.correctedTags,
  /** Near-duplicates share it (the duplicate key). */
  groupId: i.dupKey.toString(),
});
export type InsightView = ReturnType<typeof view>;

/** The triage inbox: newest first, keyset-paged by id so paging stays fast over a million items. */
export async function listInsights(db: Db, f: TInsightFilter) {
  const where: (SQL | undefined)[] = [
    f.kind ? eq(insightItems.kind, f.kind) : undefined,
    f.theme ? eq(insightItems.theme, f.theme) : undefined,
    f.severity ? eq(insightItems.severity, f.severity) : undefined,
    f.areaId ? eq(insightItems.areaId, f.areaId) : undefined,
    f.source ? eq(insightItems.source, f.source) : undefined,
    f.groupId ? eq(insightItems.dupKey, BigInt(f.groupId)) : undefined,
    f.before ? sql`${insightItems.id} < ${f.before}` : undefined,
    f.reviewed === undefined
      ? undefined
      : f.reviewed
        ? sql`cardinality(${insightItems.correctedTags}) > 0`
        : sql`cardinality(${insightItems.correctedTags}) = 0`,
    f.q
      ? sql`(${insightItems.title} ilike ${like(f.q)} or ${insightItems.body} ilike ${like(f.q)})`
      : undefined,
  ];
  const rows = await db
    .select({ i: insightItems, areaName: areas.name })
    .from(insightItems)
    .leftJoin(areas, eq(areas.id, insightItems.areaId))
    .where(and(...where))
    .orderBy(desc(insightItems.id))
    .limit(f.limit + 1);
  const items = rows.slice(0, f.limit).map((r) => view(r.i, r.areaName));
  return { items, nextBefore: rows.length > f.limit ? (items.at(-1)?.id ?? null) : null };
}

/** A search term as an ILIKE pattern: its own % and _ are literal. */
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function getInsight(db: Db, id: number) {
  const [row] = await db
    .select({ i: insightItems, areaName: areas.name })
    .from(insightItems)
    .leftJoin(areas, eq(areas.id, insightItems.areaId))
    .where(eq(insightItems.id, id));
  return row ? view(row.i, row.areaName) : null;
}

async function checkPatch(db: Db, patch: TInsightPatch): Promise<void> {
  const { insights } = await getSettings(db);
  const errors: FieldError[] = [];
  const known = (path: string, value: string | null | undefined, keys: readonly string[]) => {
    if (value && !keys.includes(value)) errors.push({ path, message: `must be one of ${keys.join(', ')}` });
  };
  known('kind', patch.kind, INSIGHT_KINDS);
  known(
    'theme',
    patch.theme,
    insights.themes.map((t) => t.key),
  );
  known(
    'severity',
    patch.severity,
    insights.severities.map((t) => t.key),
  );
  if (patch.areaId && !(await db.select().from(areas).where(eq(areas.id, patch.areaId)))[0])
    errors.push({ path: 'areaId', message: 'is not a known area' });
  if (errors.length) throw invalid(errors);
}

const COLUMN = { kind: 'kind', theme: 'theme', severity: 'severity', areaId: 'area_id' } as const;
const FIELD = { kind: 'kind', theme: 'theme', severity: 'severity', areaId: 'area' } as const;

/**
 * A person's correction: the item (and the near-duplicates the tagger labelled, not people) take the new tags
 * with full confidence, the daily counts move with them, each change is kept as training data, and the tagger
 * retrains shortly after (debounced: a burst of keyboard triage retrains once).
 */
export async function correctInsight(opts: {
  db: Db;
  actor: Actor;
  id: number;
  patch: TInsightPatch;
  now: Date;
}) {
  await checkPatch(opts.db, opts.patch);
  return opts.db.transaction(async (tx) => {
    const before = await getInsight(tx, opts.id);
    if (!before) throw notFound('insight');
    const { timeZone } = await getSettings(tx);
    const changes = (Object.keys(COLUMN) as (keyof typeof COLUMN)[]).filter(
      (k) => opts.patch[k] !== undefined,
    );
    const members = await tx.execute(
      sql`select id from insight_items where id = ${opts.id}
          or (dup_key = ${before.groupId}::bigint and cardinality(corrected_tags) = 0)`,
    );
    const ids = (members as unknown as { rows: { id: string | number }[] }).rows.map((r) => Number(r.id));
    await moveDailyCounts(tx, ids, timeZone, -1);
    for (const k of changes) {
      const col = sql.raw(COLUMN[k]);
      const conf = sql.raw(k === 'areaId' ? 'area_confidence' : `${COLUMN[k]}_confidence`);
      await tx.execute(sql`update insight_items set ${col} = ${opts.patch[k] ?? null}, ${conf} = 1,
        corrected_tags = (select array(select distinct unnest(corrected_tags || ${sql.param([FIELD[k]])}::text[])))
        where id = any(${sql.param(ids)}::bigint[])`);
      await tx.insert(insightCorrections).values({
        itemId: opts.id,
        field: FIELD[k],
        fromValue: (before[k] as string | null) ?? null,
        toValue: opts.patch[k] ?? null,
        byPersonId: opts.actor.personId,
        byLabel: opts.actor.label,
      });
    }
    await moveDailyCounts(tx, ids, timeZone, 1);
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'insights.correct',
      entityType: 'insight',
      entityId: String(opts.id),
      change: { ...opts.patch, alsoApplied: ids.length - 1 },
    });
    if (changes.length) await scheduleRetrain(tx, opts.now);
    // A ticket's kind or area moves the confused-customer figure of the areas it leaves and joins.
    if (changes.includes('kind') || changes.includes('areaId')) await schedulePolishCheck(tx, opts.now);
    return { item: (await getInsight(tx, opts.id))!, applied: ids.length };
  });
}

/** Takes items out of (-1) or back into (+1) the daily counts, as their tags are now. */
async function moveDailyCounts(tx: Db, ids: number[], timeZone: string, sign: 1 | -1) {
  await tx.execute(sql`
    insert into insight_daily (day, theme, kind, severity, area_key, segment, source, items)
    select (occurred_at at time zone ${timeZone})::date, coalesce(theme, ''), kind, severity,
      coalesce(area_id::text, ''), coalesce(segment, ''), source, ${sign}::int * count(*)
    from insight_items where id = any(${sql.param(ids)}::bigint[]) group by 1, 2, 3, 4, 5, 6, 7
    on conflict (day, theme, kind, severity, area_key, segment, source)
    do update set items = insight_daily.items + excluded.items`);
}
