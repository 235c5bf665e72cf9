import { Temporal } from '@js-temporal/polyfill';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { todayIn } from '../../shared/calendar.ts';
import type { TSettings } from '../../shared/settings.ts';
import { getSettings } from '../org/settings.ts';

export interface Window {
  from: string;
  to: string;
}

/** `days` up to `to` (today in the org's zone by default), both ends included. */
export function windowOf(
  settings: TSettings,
  q: { from?: string; to?: string; days: number },
  now: Date,
): Window {
  const to = q.to ?? todayIn(settings.timeZone, now);
  const from =
    q.from ??
    Temporal.PlainDate.from(to)
      .subtract({ days: q.days - 1 })
      .toString();
  return { from, to };
}

/** The same window just before: the trend compares with it. */
function previousWindow(w: Window): Window {
  const from = Temporal.PlainDate.from(w.from);
  const days = from.until(Temporal.PlainDate.from(w.to)).days + 1;
  return { from: from.subtract({ days }).toString(), to: from.subtract({ days: 1 }).toString() };
}

/** Severity weights double with each step up the org's scale: one blocking ticket outweighs a few nice-to-haves. */
const weightSql = (severities: readonly string[]) =>
  sql.raw(
    `case severity ${severities.map((s, i) => `when '${s.replace(/'/g, "''")}' then ${2 ** i}`).join(' ')} else 1 end`,
  );

export interface ThemeSummary {
  theme: string;
  label: string;
  volume: number;
  score: number;
  previous: number;
  /** Change against the previous window of the same length, in percent; null when it had nothing. */
  trendPct: number | null;
  severity: Record<string, number>;
  segments: Record<string, number>;
  areas: Record<string, number>;
  kinds: Record<string, number>;
}

type Counts = { theme: string; key: string; items: number };

async function countsBy(
  db: Db,
  w: Window,
  column: 'severity' | 'segment' | 'area_key' | 'kind',
  themes: string[],
  extra: ReturnType<typeof sql>,
) {
  if (!themes.length) return [] as Counts[];
  return rowsOf<Counts>(
    await db.execute(sql`select theme, ${sql.raw(column)} as key, sum(items)::int as items from insight_daily
      where day between ${w.from} and ${w.to} and theme = any(${sql.param(themes)}::text[]) ${extra}
      group by 1, 2`),
  );
}

const toMap = (rows: Counts[], theme: string) =>
  Object.fromEntries(rows.filter((r) => r.theme === theme && r.key !== '').map((r) => [r.key, r.items]));

/**
 * The top themes of a window from the daily counts (never a scan of the items): volume weighted by severity,
 * with severity mix, segments, areas, kinds and the trend against the window before.
 */
export async function topThemes(
  db: Db,
  q: { from?: string; to?: string; days: number; limit: number; areaId?: string; kind?: string },
  now: Date,
): Promise<{ window: Window; themes: ThemeSummary[] }> {
  const settings = await getSettings(db);
  const w = windowOf(settings, q, now);
  const severities = settings.insights.severities.map((s) => s.key);
  const extra = sql`${q.areaId ? sql`and area_key = ${q.areaId}` : sql``} ${q.kind ? sql`and kind = ${q.kind}` : sql``}`;
  const top = rowsOf<{ theme: string; volume: number; score: number }>(
    await db.execute(sql`select theme, sum(items)::int as volume, sum(items * ${weightSql(severities)})::int as score
      from insight_daily where day between ${w.from} and ${w.to} and theme <> '' ${extra}
      group by theme order by score desc, volume desc, theme limit ${q.limit}`),
  );
  const themes = top.map((t) => t.theme);
  const prev = previousWindow(w);
  const before = rowsOf<{ theme: string; volume: number }>(
    themes.length
      ? await db.execute(sql`select theme, sum(items)::int as volume from insight_daily
          where day between ${prev.from} and ${prev.to} and theme = any(${sql.param(themes)}::text[]) ${extra} group by theme`)
      : { rows: [] },
  );
  // One after another: `db` may be a transaction's single connection, which runs one query at a time.
  const sev = await countsBy(db, w, 'severity', themes, extra);
  const seg = await countsBy(db, w, 'segment', themes, extra);
  const area = await countsBy(db, w, 'area_key', themes, extra);
  const kind = await countsBy(db, w, 'kind', themes, extra);
  const labels = new Map(settings.insights.themes.map((t) => [t.key, t.label]));
  return {
    window: w,
    themes: top.map((t) => {
      const previous = before.find((b) => b.theme === t.theme)?.volume ?? 0;
      return {
        theme: t.theme,
        label: labels.get(t.theme) ?? t.theme,
        volume: t.volume,
        score: t.score,
        previous,
        trendPct: previous ? Math.round(((t.volume - previous) / previous) * 1000) / 10 : null,
        severity: toMap(sev!, t.theme),
        segments: toMap(seg!, t.theme),
        areas: toMap(area!, t.theme),
        kinds: toMap(kind!, t.theme),
      };
    }),
  };
}

export interface Quote {
  id: number;
  title: string;
  body: string;
  severity: string;
  source: string;
  customer: string | null;
  occurredAt: string;
  duplicates: number;
}

/**
 * Representative quotes: among the theme's latest items in the window, the most severe and surest, one per
 * near-duplicate group, with how many copies the group has (the evidence a PM weighs).
 */
export async function quotesFor(
  db: Db,
  theme: string,
  w: Window,
  limit: number,
  settings: Pick<TSettings, 'timeZone' | 'insights'>,
): Promise<Quote[]> {
  const { timeZone } = settings;
  const recent = rowsOf<{
    id: string;
    title: string;
    body: string;
    severity: string;
    source: string;
    customer: string | null;
    occurred_at: string | Date;
    dup_key: string;
    theme_confidence: number;
  }>(
    await db.execute(sql`select id, title, body, severity, source, customer, occurred_at, dup_key::text, theme_confidence
      from insight_items where theme = ${theme}
        and occurred_at >= (${w.from}::date)::timestamp at time zone ${timeZone}
        and occurred_at < ((${w.to}::date + 1)::timestamp at time zone ${timeZone})
      order by occurred_at desc limit 200`),
  );
  const rank = new Map(settings.insights.severities.map((s, i) => [s.key, i]));
  const seen = new Set<string>();
  const picked = recent
    .sort(
      (a, b) =>
        (rank.get(b.severity) ?? 0) - (rank.get(a.severity) ?? 0) || b.theme_confidence - a.theme_confidence,
    )
    .filter((r) => {
      const g = r.dup_key;
      if (seen.has(g)) return false;
      seen.add(g);
      return true;
    })
    .slice(0, limit);
  const groups = picked.map((p) => p.dup_key);
  const sizes = groups.length
    ? rowsOf<{ dup_key: string; n: number }>(
        await db.execute(sql`select dup_key::text, count(*)::int as n from insight_items
          where dup_key = any(${sql.param(groups)}::bigint[]) group by dup_key`),
      )
    : [];
  return picked.map((p) => ({
    id: Number(p.id),
    title: p.title,
    body: p.body.length > 400 ? `${p.body.slice(0, 400)}…` : p.body,
    severity: p.severity,
    source: p.source,
    customer: p.customer,
    occurredAt: new Date(p.occurred_at).toISOString(),
    duplicates: Math.max(0, (sizes.find((s) => s.dup_key === p.dup_key)?.n ?? 1) - 1),
  }));
}

/** A theme's weekly volume over the window, by severity: the chart on the theme page. */
export async function themeTrend(db: Db, theme: string, w: Window) {
  return rowsOf<{ week: string; severity: string; items: number }>(
    await db.execute(sql`select to_char(day, 'IYYY-"W"IW') as week, severity, sum(items)::int as items
      from insight_daily where theme = ${theme} and day between ${w.from} and ${w.to}
      group by 1, 2 order by 1, 2`),
  );
}
