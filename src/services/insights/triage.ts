import { Temporal } from '@js-temporal/polyfill';
import { and, arrayOverlaps, asc, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, insightRoutings, people, ritualOccurrences, rituals } from '../../db/schema/index.ts';
import { isoWeekKey, todayIn, weekDates } from '../../shared/calendar.ts';
import { invalid, notFound } from '../../shared/errors.ts';
import { type TDispositionInput, type TRoutingAssignInput, ZRoutingEvidence } from '../../shared/insights.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import type { ActionHandler } from '../scheduling.ts';
import { type Quote, quotesFor, type ThemeSummary, topThemes, type Window } from './themes.ts';

export const INSIGHTS_REVIEW = 'insights-review';
/** An area holding at least this share of a theme counts as part of it (pack §5: patterns spanning areas). */
const CROSS_AREA_SHARE = 0.2;

/** The areas that hold a real share of a theme, largest first; the first owns the routing. */
function areasOf(t: ThemeSummary): string[] {
  const total = Object.values(t.areas).reduce((a, b) => a + b, 0);
  return Object.entries(t.areas)
    .filter(([, n]) => total > 0 && n / total >= CROSS_AREA_SHARE)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id);
}

/**
 * The weekly triage (pack §5): the week's top themes (settings: 5–10) over the last 7 days, each routed to the
 * PM owning the area that holds most of it, with its evidence, through the delivery system. A theme in no area,
 * or in an area without a PM, goes to Product Ops to assign (it needs an owner). Themes spanning several areas
 * are flagged for the Roadmap Review. Running it again for the same week routes nothing twice.
 */
export async function runWeeklyTriage(opts: { db: Db; actor: Actor; week?: string; now: Date }) {
  const settings = await getSettings(opts.db);
  const today = todayIn(settings.timeZone, opts.now);
  const week = opts.week ?? isoWeekKey(today);
  // The 7 days up to today for this week's run (Monday morning: last week); a past week's own days.
  const { monday, sunday } = weekDates(week);
  const dayBefore = Temporal.PlainDate.from(monday).subtract({ days: 1 }).toString();
  const to = today < monday ? dayBefore : [today, sunday].sort()[0]!;
  const { themes, window } = await topThemes(
    opts.db,
    { to, days: 7, limit: settings.insights.triageThemes },
    opts.now,
  );
  const routed: string[] = [];
  await opts.db.transaction(async (tx) => {
    for (const [i, t] of themes.entries()) {
      const owners = areasOf(t);
      const areaId = owners[0] ?? null;
      const [area] = areaId ? await tx.select().from(areas).where(eq(areas.id, areaId)) : [];
      const quotes = await quotesFor(tx, t.theme, window, 3, settings);
      const evidence = { ...t, window, quotes };
      const [row] = await tx
        .insert(insightRoutings)
        .values({
          week,
          theme: t.theme,
          areaId: area?.id ?? null,
          ownerId: area?.ownerPmId ?? null,
          rank: i + 1,
          evidence,
          routedAt: opts.now,
          crossArea: owners.length > 1 ? owners : [],
        })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      routed.push(t.theme);
      const said = quotes.map((q) => q.title || q.body);
      if (row.ownerId) await notifyOwner(tx, row, t, area!.name, said);
      else await askProductOps(tx, row, t, area?.name ?? null, said);
    }
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'insights.triage',
      entityType: 'insights_week',
      entityId: week,
      change: { routed },
    });
  });
  return { week, window, routed, routings: await listRoutings(opts.db, { week }) };
}

/** Who assigns a theme nobody owns: Product Ops; an org without them, the Head of Product or an admin. */
async function productOpsIds(tx: Db): Promise<string[]> {
  for (const roles of [['product_ops'], ['head_of_product', 'admin']] as const) {
    const rows = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.active, true), arrayOverlaps(people.roles, [...roles])));
    if (rows.length) return rows.map((r) => r.id);
  }
  return [];
}

/** The evidence lines of a routing message: volume, severity, areas, what customers said. */
function evidenceMarkdown(r: typeof insightRoutings.$inferSelect, t: ThemeSummary, quotes: string[]) {
  const severities = Object.entries(t.severity ?? {})
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    `- Volume: ${t.volume}${t.trendPct === null ? '' : ` (${t.trendPct > 0 ? '+' : ''}${t.trendPct}% on the week before)`}`,
    `- Severity: ${severities}`,
    ...(r.crossArea.length > 1
      ? [`- Spans ${r.crossArea.length} areas: flagged for the Roadmap Review`]
      : []),
    ...quotes.slice(0, 3).map((q) => `- "${q.slice(0, 200)}"`),
  ].join('\n');
}

/** A theme nobody owns: Product Ops hears about it and assigns it to an area and its PM. */
async function askProductOps(
  tx: Db,
  r: typeof insightRoutings.$inferSelect,
  t: ThemeSummary,
  areaName: string | null,
  quotes: string[],
) {
  const where = areaName ? `in ${areaName}, which has no owning PM` : 'in no product area';
  await enqueueMessage(tx, {
    key: `insights.routing:${r.id}:needs-owner`,
    kind: 'insights.routing',
    ref: r.id,
    message: {
      title: `Theme needs an owner: ${t.label} (#${r.rank} this week)`,
      summary: `${t.volume} items about ${t.label.toLowerCase()} this week, ${where}. Assign it to an area and its PM so someone decides.`,
      sections: [{ heading: 'Evidence', markdown: evidenceMarkdown(r, t, quotes) }],
      link: { label: 'Assign an owner in prodops', url: `/insights/routings/${r.id}` },
    },
    recipients: await recipientsForPeople(tx, await productOpsIds(tx)),
  });
}

async function notifyOwner(
  tx: Db,
  r: typeof insightRoutings.$inferSelect,
  t: ThemeSummary,
  areaName: string,
  quotes: string[],
  /** The cause: the weekly routing, or an assignment (each new owner is told once). */
  key = `insights.routing:${r.id}`,
) {
  const severities = Object.entries(t.severity ?? {})
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  await enqueueMessage(tx, {
    key,
    kind: 'insights.routing',
    ref: r.id,
    message: {
      title: `Insight routed to you: ${t.label} (#${r.rank} this week)`,
      summary: `${t.volume} items about ${t.label.toLowerCase()} in ${areaName} this week (${severities}). Decide: backlog, needs research, already addressed or won't do.`,
      sections: [{ heading: 'Evidence', markdown: evidenceMarkdown(r, t, quotes) }],
      link: { label: 'Decide in prodops', url: `/insights/routings/${r.id}` },
    },
    recipients: await recipientsForPeople(tx, [r.ownerId!]),
  });
}

export async function listRoutings(
  db: Db,
  f: { id?: string; week?: string; open?: boolean; ownerId?: string },
) {
  const rows = await db
    .select({ r: insightRoutings, areaName: areas.name })
    .from(insightRoutings)
    .leftJoin(areas, eq(areas.id, insightRoutings.areaId))
    .where(
      and(
        f.id ? eq(insightRoutings.id, f.id) : undefined,
        f.week ? eq(insightRoutings.week, f.week) : undefined,
        f.open === undefined
          ? undefined
          : f.open
            ? isNull(insightRoutings.disposition)
            : isNotNull(insightRoutings.disposition),
        f.ownerId ? eq(insightRoutings.ownerId, f.ownerId) : undefined,
      ),
    )
    .orderBy(desc(insightRoutings.week), asc(insightRoutings.rank));
  return rows.map(({ r, areaName }) => ({
    id: r.id,
    week: r.week,
    theme: r.theme,
    rank: r.rank,
    areaId: r.areaId,
    areaName,
    ownerId: r.ownerId,
    needsOwner: r.ownerId === null,
    // Stored JSON, as runWeeklyTriage wrote it (the response schema checks it on the way out).
    evidence: r.evidence as ThemeSummary & { window: Window; quotes: Quote[] },
    crossArea: r.crossArea,
    routedAt: r.routedAt.toISOString(),
    disposition: r.disposition,
    rationale: r.rationale,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    escalatedOccurrenceId: r.escalatedOccurrenceId,
  }));
}

/**
 * Product Ops gives a theme an owner: an area (its PM by default) and/or a PM named outright. The new owner is
 * told, with the evidence, as the weekly triage would have told them.
 */
export async function assignRouting(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: TRoutingAssignInput;
  now: Date;
}) {
  return opts.db.transaction(async (tx) => {
    const r = await getRouting(tx, opts.id);
    if (!r) throw notFound('routing');
    const [area] = opts.input.areaId
      ? await tx.select().from(areas).where(eq(areas.id, opts.input.areaId))
      : [];
    if (opts.input.areaId && !area) throw invalid([{ path: 'areaId', message: 'is not a known area' }]);
    const ownerId = opts.input.ownerId ?? area?.ownerPmId ?? null;
    if (!ownerId)
      throw invalid([{ path: 'ownerId', message: `is required: ${area!.name} has no owning PM to take it` }]);
    const [owner] = await tx
      .select()
      .from(people)
      .where(and(eq(people.id, ownerId), eq(people.active, true)));
    if (!owner) throw invalid([{ path: 'ownerId', message: 'is not an active person' }]);
    const areaId = area?.id ?? r.areaId;
    const [row] = await tx
      .update(insightRoutings)
      .set({ areaId, ownerId })
      .where(eq(insightRoutings.id, r.id))
      .returning();
    const [areaName] = areaId
      ? await tx.select({ name: areas.name }).from(areas).where(eq(areas.id, areaId))
      : [];
    // Stored JSON: a part missing reads as empty (as the routing's reply does).
    const evidence = ZRoutingEvidence.parse(r.evidence);
    await notifyOwner(
      tx,
      row!,
      { ...evidence, label: evidence.label || r.theme },
      areaName?.name ?? 'no area',
      evidence.quotes.map((q) => q.title || q.body),
      `insights.routing:${row!.id}:assigned:${ownerId}`,
    );
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'insights.assign',
      entityType: 'insight_routing',
      entityId: r.id,
      change: { theme: r.theme, from: { areaId: r.areaId, ownerId: r.ownerId }, to: { areaId, ownerId } },
    });
    return (await listRoutings(tx, { id: r.id }))[0]!;
  });
}

export async function getRouting(db: Db, id: string) {
  const [row] = await db.select().from(insightRoutings).where(eq(insightRoutings.id, id));
  return row ?? null;
}

/** The PM's call (pack §5 decision path); won't do needs a rationale (the schema checks it). */
export async function disposeRouting(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: TDispositionInput;
  now: Date;
}) {
  return opts.db.transaction(async (tx) => {
    const r = await getRouting(tx, opts.id);
    if (!r) throw notFound('routing');
    await tx
      .update(insightRoutings)
      .set({
        disposition: opts.input.disposition,
        rationale: opts.input.rationale ?? null,
        decidedBy: opts.actor.label,
        decidedAt: opts.now,
      })
      .where(eq(insightRoutings.id, opts.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'insights.disposition',
      entityType: 'insight_routing',
      entityId: opts.id,
      change: { theme: r.theme, from: r.disposition, ...opts.input },
    });
    return (await listRoutings(tx, { week: r.week })).find((x) => x.id === opts.id)!;
  });
}

/**
 * Unresolved routings whose evidence is mostly high severity, routed over a week ago, go on the next Monthly
 * Insights Review occurrence's agenda (its notes name them) so they get a decision there.
 */
export async function escalateUnresolved(tx: Db, now: Date) {
  const settings = await getSettings(tx);
  const top = settings.insights.severities.at(-1)!.key;
  const [next] = await tx
    .select({ o: ritualOccurrences })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .where(
      and(
        eq(rituals.slug, INSIGHTS_REVIEW),
        gt(ritualOccurrences.startsAt, now),
        eq(ritualOccurrences.status, 'scheduled'),
      ),
    )
    .orderBy(asc(ritualOccurrences.startsAt))
    .limit(1);
  if (!next) return [];
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const open = await tx
    .select()
    .from(insightRoutings)
    .where(and(isNull(insightRoutings.disposition), isNull(insightRoutings.escalatedOccurrenceId)));
  const due = open.filter((r) => {
    const sev = (r.evidence as ThemeSummary).severity ?? {};
    const total = Object.values(sev).reduce((a, b) => a + b, 0);
    return r.routedAt < weekAgo && total > 0 && (sev[top] ?? 0) / total >= 0.5;
  });
  for (const r of due) {
    await tx
      .update(insightRoutings)
      .set({ escalatedOccurrenceId: next.o.id })
      .where(eq(insightRoutings.id, r.id));
  }
  if (due.length) {
    const lines = due.map((r) => `- Escalated: ${r.theme} (routed ${r.week}, no decision yet)`).join('\n');
    await tx
      .update(ritualOccurrences)
      .set({ notes: sql`trim(both from ${ritualOccurrences.notes} || ${`\n${lines}`})` })
      .where(eq(ritualOccurrences.id, next.o.id));
  }
  return due.map((r) => r.id);
}

/** Monday 09:00 org time: the weekly triage and routing, then escalations. */
export const weeklyTriageHandler: ActionHandler<'insights.triage'> = async ({ tx, payload, now }) => {
  const { week } = payload;
  const system: Actor = { personId: null, label: 'prodops (weekly triage)', roles: ['product_ops'] };
  await runWeeklyTriage({ db: tx, actor: system, week, now });
  await escalateUnresolved(tx, now);
};

export function nextTriageInstant(timeZone: string, now: Date) {
  const today = Temporal.PlainDate.from(todayIn(timeZone, now));
  const monday = today.add({ days: (8 - today.dayOfWeek) % 7 || 7 });
  return { week: isoWeekKey(monday.toString()), date: monday.toString() };
}
