import { eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { areas, statusPings, statusQuestions } from '../../db/schema/index.ts';
import { pingsPerWeek } from '../../domain/status/pings.ts';
import { readSlackExport, type SlackExportOptions } from '../../integrations/slack/export.ts';
import { type DetectedPing, detectInExport } from '../../integrations/slack/status-pings.ts';
import { addWeeks, isoWeekKey, localDateTime } from '../../shared/calendar.ts';
import type { TStatusRequestWeeks } from '../../shared/status.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';
import { trigramSearchIn } from './search.ts';

/** A chat message the detector found asking for a status. */
export interface FoundPing {
  channel: string;
  ts: string;
  postedAt: Date;
  userName: string | null;
  text: string;
  subject: string | null;
  reference: string;
}

const BATCH = 500;

/**
 * Stores the status pings found in a Slack export, each with the area it names when prodops knows the thing (a
 * release's, a roadmap item's or an area's own name, by trigram similarity). Idempotent on channel + ts.
 */
export async function importStatusPings(o: {
  db: Db;
  actor: Actor;
  now: Date;
  pings: AsyncIterable<FoundPing> | Iterable<FoundPing>;
  exportName: string;
}): Promise<{ found: number; added: number }> {
  let found = 0;
  let added = 0;
  let batch: FoundPing[] = [];
  const flush = async () => {
    if (batch.length) added += await storeBatch(o.db, batch, o.now);
    batch = [];
  };
  for await (const ping of o.pings) {
    found++;
    batch.push(ping);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await recordAudit(o.db, {
    actor: o.actor,
    action: 'status_pings.import',
    entityType: 'status_pings',
    entityId: o.exportName,
    change: { found, added },
  });
  return { found, added };
}

/**
 * A Slack export (a folder or its .zip) read to the end, then its status pings stored: an export that turns out
 * not to be one, or breaks halfway (SlackExportError), stores nothing. Only the pings are held meanwhile, a few of
 * the messages read.
 */
export async function importSlackExport(o: {
  db: Db;
  actor: Actor;
  now: Date;
  exportPath: string;
  exportName: string;
  read?: SlackExportOptions;
}): Promise<{ found: number; added: number }> {
  const pings: DetectedPing[] = [];
  for await (const ping of detectInExport(readSlackExport(o.exportPath, o.read))) pings.push(ping);
  return importStatusPings({ db: o.db, actor: o.actor, now: o.now, pings, exportName: o.exportName });
}

async function storeBatch(db: Db, batch: FoundPing[], now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await trigramSearchIn(tx);
    const rows = [];
    for (const p of batch)
      rows.push({
        ...p,
        source: 'slack_export' as const,
        areaId: await areaNamed(tx, p.subject),
        importedAt: now,
      });
    const inserted = await tx
      .insert(statusPings)
      .values(rows)
      .onConflictDoNothing()
      .returning({ id: statusPings.id });
    return inserted.length;
  });
}

/** The area of the release, roadmap item or area whose name is most like the subject; null when none is. */
async function areaNamed(tx: Db, subject: string | null): Promise<string | null> {
  if (!subject) return null;
  const q = subject.toLowerCase();
  const res = await tx.execute(sql`
    select s.area_id from status_search s
    where s.subject in ('release', 'roadmap_item', 'area') and s.audience in ('everyone', 'org')
      and s.area_id is not null and ${q} <% lower(s.title)
    order by word_similarity(${q}, lower(s.title)) desc limit 1`);
  const rows = rowsOf<{ area_id: string }>(res);
  return rows[0]?.area_id ?? null;
}

/**
 * The status-request count per week in the org's zone: pings found in chat, by channel and area, and the status
 * questions prodops answered (pings avoided); the baseline is the first weeks' average.
 */
export async function statusRequestWeeks(
  db: Db,
  q: { from?: string; to?: string; baselineWeeks: number; baselineFrom?: string | null },
): Promise<TStatusRequestWeeks> {
  const { timeZone } = await getSettings(db);
  const pings = await db
    .select({ postedAt: statusPings.postedAt, channel: statusPings.channel, areaName: areas.name })
    .from(statusPings)
    .leftJoin(areas, eq(areas.id, statusPings.areaId));
  const answered = await db
    .select({ postedAt: statusQuestions.askedAt })
    .from(statusQuestions)
    .where(eq(statusQuestions.answered, true));
  const series = pingsPerWeek([...pings, ...answered], timeZone, q);
  // Each row's week once: the zone's calendar (Intl) is the costly part, not the counting.
  const weekOf = (d: Date) => isoWeekKey(localDateTime(d, timeZone).date);
  const pingsBy = groupBy(pings, (p) => weekOf(p.postedAt));
  const answeredBy = groupBy(answered, (a) => weekOf(a.postedAt));
  const weeks = series.map(({ week }) => {
    const these = pingsBy.get(week) ?? [];
    return {
      week,
      pings: these.length,
      avoided: answeredBy.get(week)?.length ?? 0,
      byChannel: countBy(these.map((p) => `#${p.channel}`)).map(([channel, n]) => ({ channel, pings: n })),
      byArea: countBy(these.map((p) => p.areaName ?? 'No area named')).map(([areaName, n]) => ({
        areaName,
        pings: n,
      })),
    };
  });
  return { timeZone, weeks, ...trend(weeks, q.baselineWeeks, q.baselineFrom ?? null) };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

function countBy(keys: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * The first weeks with pings make the baseline (or the weeks from the date Product Ops picked, quiet ones as 0);
 * the latest week is compared with it.
 */
function trend(
  weeks: readonly { week: string; pings: number }[],
  baselineWeeks: number,
  from: string | null,
) {
  const start = weeks.findIndex((w) => w.pings > 0);
  if (start < 0) return { baseline: null, latest: null, change: null };
  const pingsIn = new Map(weeks.map((w) => [w.week, w.pings]));
  const baseWeeks = from
    ? Array.from({ length: baselineWeeks }, (_, i) => addWeeks(isoWeekKey(from), i))
    : weeks.slice(start, start + baselineWeeks).map((w) => w.week);
  const perWeek = baseWeeks.reduce((n, w) => n + (pingsIn.get(w) ?? 0), 0) / baseWeeks.length;
  const last = weeks[weeks.length - 1]!;
  return {
    baseline: { weeks: baseWeeks, perWeek },
    latest: { week: last.week, pings: last.pings },
    change: perWeek > 0 ? (last.pings - perWeek) / perWeek : null,
  };
}
