import { asc, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { areas } from '../../db/schema/index.ts';
import {
  type AreaConfusion,
  areaConfusion,
  type ConfusionRule,
  type DailyTickets,
  daysNeeded,
} from '../../domain/quality/confusion.ts';
import { addDays, todayIn } from '../../shared/calendar.ts';
import { notFound } from '../../shared/errors.ts';
import type { TSettings } from '../../shared/settings.ts';
import type { Context } from '../context.ts';
import { type AreaBurden, areaBurden, BURDEN_DAYS_NEEDED, burdenInputs } from './burden.ts';

/** The org's rule, from its settings (velocity framework thresholds). */
export function confusionRule(settings: TSettings): ConfusionRule {
  const t = settings.thresholds;
  return {
    thresholdPct: t.confusedCustomerPct,
    windowDays: t.confusedCustomerWindowDays,
    minTickets: t.confusedCustomerMinTickets,
    polishMinDays: t.polishModeMinDays,
  };
}

const TREND_WEEKS = 8;

/**
 * Support tickets and confused ones per area and local day, summed from insight_daily (kept with the items):
 * a million items are a few thousand rows here, so no scan of insight_items.
 */
async function dailyByArea(
  db: Db,
  o: { sources: readonly string[]; from: string; to: string; areaId?: string },
): Promise<Map<string, DailyTickets[]>> {
  const res = await db.execute(sql`
    select area_key as "areaId", day::text as day, sum(items)::int as tickets,
      (sum(items) filter (where kind = 'confusion'))::int as confused
    from insight_daily
    where day between ${o.from}::date and ${o.to}::date and source = any(${sql.param(o.sources)}::text[])
      and ${o.areaId ? sql`area_key = ${o.areaId}` : sql`area_key <> ''`}
    group by 1, 2`);
  const out = new Map<string, DailyTickets[]>();
  for (const r of rowsOf<DailyTickets & { areaId: string }>(res)) {
    const list = out.get(r.areaId) ?? [];
    list.push({ day: r.day, tickets: r.tickets, confused: r.confused ?? 0 });
    out.set(r.areaId, list);
  }
  return out;
}

export interface AreaQuality {
  area: { id: string; slug: string; name: string; ownerPmId: string | null };
  confusion: AreaConfusion;
  burden: AreaBurden;
}

/**
 * Every area's quality controls (or one area's), as of `now`: the confused-customer figure, trend and Polish
 * Mode, and the operational burden; one read of the daily counts serves both.
 */
export async function areasQuality(
  db: Db,
  settings: TSettings,
  now: Date,
  areaId?: string,
): Promise<AreaQuality[]> {
  const rule = confusionRule(settings);
  const today = todayIn(settings.timeZone, now);
  const from = addDays(today, -Math.max(daysNeeded(rule, TREND_WEEKS), BURDEN_DAYS_NEEDED));
  const daily = await dailyByArea(db, {
    sources: settings.thresholds.supportSources,
    from,
    to: today,
    areaId,
  });
  const list = await db
    .select({
      id: areas.id,
      slug: areas.slug,
      name: areas.name,
      ownerPmId: areas.ownerPmId,
      activeUsers: areas.activeUsers,
    })
    .from(areas)
    .where(areaId ? sql`${areas.id} = ${areaId}` : undefined)
    .orderBy(asc(areas.name));
  const burdens = await burdenInputs(db, { from, areaId });
  return list.map(({ activeUsers, ...area }) => {
    const days = daily.get(area.id) ?? [];
    const inputs = { users: burdens.users.get(area.id) ?? [], launches: burdens.launches.get(area.id) ?? [] };
    return {
      area,
      confusion: areaConfusion(days, today, rule, TREND_WEEKS),
      burden: areaBurden(days, inputs, {
        today,
        activeUsers,
        threshold: settings.thresholds.operationalBurdenPer1kUsers,
      }),
    };
  });
}

/** The support tickets of confused customers behind an area's current figure, newest first. */
export async function confusionItems(
  db: Db,
  o: { settings: TSettings; areaId: string; from: string; to: string; limit: number },
) {
  const tz = o.settings.timeZone;
  const res = await db.execute(sql`
    select id, source, title, customer, occurred_at as "occurredAt"
    from insight_items
    where area_id = ${o.areaId} and kind = 'confusion'
      and source = any(${sql.param(o.settings.thresholds.supportSources)}::text[])
      and occurred_at >= (${o.from}::date::timestamp at time zone ${tz})
      and occurred_at < ((${o.to}::date + 1)::timestamp at time zone ${tz})
    order by occurred_at desc, id desc
    limit ${o.limit}`);
  return rowsOf<{
    id: string | number;
    source: string;
    title: string;
    customer: string | null;
    occurredAt: Date | string;
  }>(res).map((r) => ({
    ...r,
    id: Number(r.id),
    occurredAt: new Date(r.occurredAt).toISOString(),
  }));
}

/** The rule as the views state it: what counts as a support ticket, and how few are too few. */
export function ruleView(settings: TSettings) {
  return {
    ...confusionRule(settings),
    supportSources: settings.thresholds.supportSources,
    burdenPer1k: settings.thresholds.operationalBurdenPer1kUsers,
  };
}

/** Every area's figure and Polish Mode (the quality overview). */
export async function qualityOverview(ctx: Context) {
  const settings = await ctx.settings();
  return { rule: ruleView(settings), areas: await areasQuality(ctx.db, settings, ctx.now) };
}

/** One area's figure, trend and the tickets behind the current figure. */
export async function areaQuality(ctx: Context, areaId: string) {
  const settings = await ctx.settings();
  const [quality] = await areasQuality(ctx.db, settings, ctx.now, areaId);
  if (!quality) throw notFound('area');
  const { from, day } = quality.confusion.current;
  const items = await confusionItems(ctx.db, { settings, areaId, from, to: day, limit: 100 });
  return { ...quality, rule: ruleView(settings), items };
}
