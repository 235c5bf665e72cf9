import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insightImports } from '../../db/schema/index.ts';
import type { IncomingItem, ParsedRow } from '../../integrations/importers/index.ts';
import { invalid } from '../../shared/errors.ts';
import { TRACKER_KINDS } from '../../shared/trackers.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';
import { schedulePolishCheck } from '../quality/polish-check.ts';
import { copyWriter } from './copy-writer.ts';
import type { TaggedItem } from './tag-batch.ts';
import { type BatchTagger, bulkTagger, inlineTagger } from './tag-pool.ts';
import { loadTaggerConfig } from './tagging.ts';

/** Rows per transaction: big enough for few round trips, small enough that a crash loses little work. */
const BATCH = 2000;
/** Bad rows kept with their line and reason; the count is always complete. */
const KEPT_ERRORS = 200;

export interface IngestProgress {
  read: number;
  inserted: number;
  alreadyThere: number;
  bad: number;
}

export interface IngestResult extends IngestProgress {
  importId: string;
  errors: { line: number; error: string }[];
}

type Row = TaggedItem;

/**
 * Streams parsed rows into insight_items: tags each, groups near-duplicates, and writes batches of 2,000 in one
 * transaction each (items, daily counts and the import's progress together). Idempotent on (source, external
 * id): running the same file again — or again after a crash half-way — adds each row exactly once.
 */
export async function ingestFeedback(opts: {
  db: Db;
  actor: Actor;
  source: string;
  format: string;
  fileName: string;
  rows: AsyncIterable<ParsedRow>;
  onProgress?: (p: IngestProgress) => void;
  /**
   * Bulk file imports: tag on every core and write through COPY (needs `db` itself, not a transaction, else
   * it is written as a small intake is). Small intakes tag inline and write with one INSERT a batch.
   */
  parallel?: boolean;
  now: Date;
}): Promise<IngestResult> {
  const settings = await getSettings(opts.db);
  // A connected tracker (issue 18) is a source of its own: its customer-feedback issues flow in as it syncs.
  const tracker = (TRACKER_KINDS as readonly string[]).includes(opts.source);
  if (!tracker && !settings.insights.sources.some((s) => s.key === opts.source))
    throw invalid([
      {
        path: 'source',
        message: `is not an insights source (known: ${settings.insights.sources.map((s) => s.key).join(', ')})`,
      },
    ]);
  const config = await loadTaggerConfig(opts.db, settings);
  const [run] = await opts.db
    .insert(insightImports)
    .values({ source: opts.source, format: opts.format, fileName: opts.fileName, by: opts.actor.label })
    .returning({ id: insightImports.id });
  const importId = run!.id;
  const copy = opts.parallel ? await copyWriter(opts.db, opts.source, settings.timeZone) : null;
  const progress: IngestProgress = { read: 0, inserted: 0, alreadyThere: 0, bad: 0 };
  const errors: { line: number; error: string }[] = [];
  const stream = { rows: opts.rows, progress, errors, onProgress: opts.onProgress };
  if (copy) {
    // Bulk: tagged on every core into COPY rows, staged and merged in one statement per batch.
    try {
      await pipeline(stream, bulkTagger(config, BATCH), (b) => copy.write({ importId, ...b }));
    } finally {
      await copy.close();
    }
  } else {
    const db = opts.db;
    const write = (b: Batch<TaggedItem[]>) =>
      writeBatch(db, { importId, source: opts.source, timeZone: settings.timeZone, ...b });
    await pipeline(stream, inlineTagger(config), write);
  }
  await opts.db.transaction(async (tx) => {
    await tx.update(insightImports).set({ finishedAt: opts.now }).where(eq(insightImports.id, importId));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'insights.import',
      entityType: 'insight_import',
      entityId: importId,
      change: { source: opts.source, file: opts.fileName, ...progress },
    });
    // New support tickets can put an area in Polish Mode (or keep it there): look now, not at the daily plan.
    // Once per import, however many batches (a crash before here is caught by the hourly look).
    if (progress.inserted > 0 && settings.thresholds.supportSources.includes(opts.source))
      await schedulePolishCheck(tx, opts.now);
  });
  return { importId, ...progress, errors };
}

/** A batch on its way to the database, with where the import stands once it is in. */
interface Batch<T> {
  rows: T;
  count: number;
  progress: IngestProgress;
  errors: { line: number; error: string }[];
}

/**
 * Reads rows, sends batches of 2,000 to the tagger and writes them as they come back, in order: the main thread
 * parses the next batch while earlier ones are tagged and written. At most `tagger.depth` + 1 batches are out,
 * so memory stays flat however big the file.
 */
async function pipeline<T>(
  s: {
    rows: AsyncIterable<ParsedRow>;
    progress: IngestProgress;
    errors: { line: number; error: string }[];
    onProgress?: (p: IngestProgress) => void;
  },
  tagger: BatchTagger<T>,
  writeBatch: (b: Batch<T>) => Promise<number>,
): Promise<void> {
  const { progress } = s;
  let items: IncomingItem[] = [];
  let batchErrors: { line: number; error: string }[] = [];
  // Each batch is written once it is tagged and the one before it is in: writes chain, in file order.
  let writing: Promise<void> = Promise.resolve();
  const unwritten: Promise<void>[] = [];
  const send = async () => {
    const rows = tagger.tag(items);
    const batch = { count: items.length, progress: { ...progress }, errors: batchErrors };
    writing = writing.then(async () => {
      const inserted = await writeBatch({ rows: await rows, ...batch });
      progress.inserted += inserted;
      progress.alreadyThere += batch.count - inserted;
      s.onProgress?.({ ...progress });
    });
    // Awaited below or at the end; marked here so a failure is not an unhandled rejection meanwhile.
    writing.catch(() => {});
    rows.catch(() => {});
    unwritten.push(writing);
    items = [];
    batchErrors = [];
    // Back-pressure: reading waits while more than `depth` batches are not in yet.
    if (unwritten.length > tagger.depth) await unwritten.shift();
  };
  try {
    for await (const parsed of s.rows) {
      progress.read += 1;
      if ('error' in parsed) {
        progress.bad += 1;
        if (s.errors.length < KEPT_ERRORS) {
          s.errors.push(parsed);
          batchErrors.push(parsed);
        }
      } else items.push(parsed.item);
      if (items.length >= BATCH) await send();
    }
    await send();
    await writing;
  } finally {
    // A failed read still lets the batches read before it be written (or fail) before the error goes up.
    await writing.catch(() => {});
    await tagger.close();
  }
}

const column = <T>(rows: Row[], pick: (r: Row) => T) => rows.map(pick);

/** One transaction: new items (existing ones skipped), their duplicate groups, the daily counts, the progress. */
async function writeBatch(
  db: Db,
  b: {
    importId: string;
    source: string;
    timeZone: string;
    rows: Row[];
    count: number;
    progress: IngestProgress;
    errors: { line: number; error: string }[];
  },
): Promise<number> {
  return db.transaction(async (tx) => {
    let inserted = 0;
    if (b.rows.length) {
      const r = b.rows;
      const result = await tx.execute(sql`
        with input as (
          select * from unnest(
            ${sql.param(column(r, (x) => x.item.externalId))}::text[], ${sql.param(column(r, (x) => x.item.title))}::text[],
            ${sql.param(column(r, (x) => x.item.body))}::text[], ${sql.param(column(r, (x) => x.item.customer))}::text[],
            ${sql.param(column(r, (x) => x.tags.segment))}::text[], ${sql.param(column(r, (x) => x.tags.evidenceType))}::text[],
            ${sql.param(column(r, (x) => x.item.occurredAt))}::timestamptz[], ${sql.param(column(r, (x) => x.tags.kind))}::text[],
            ${sql.param(column(r, (x) => x.tags.kindConfidence))}::real[], ${sql.param(column(r, (x) => x.tags.theme))}::text[],
            ${sql.param(column(r, (x) => x.tags.themeConfidence))}::real[], ${sql.param(column(r, (x) => x.tags.severity))}::text[],
            ${sql.param(column(r, (x) => x.tags.severityConfidence))}::real[], ${sql.param(column(r, (x) => x.tags.areaId))}::uuid[],
            ${sql.param(column(r, (x) => x.tags.areaConfidence))}::real[], ${sql.param(column(r, (x) => x.dupKey))}::bigint[]
          ) as t(external_id, title, body, customer, segment, evidence_type, occurred_at, kind, kind_confidence,
                 theme, theme_confidence, severity, severity_confidence, area_id, area_confidence, dup_key)
        ), ins as (
          insert into insight_items (source, external_id, title, body, customer, segment, evidence_type,
            occurred_at, kind, kind_confidence, theme, theme_confidence, severity, severity_confidence, area_id,
            area_confidence, dup_key, import_id)
          select ${b.source}, external_id, title, body, customer, segment, evidence_type, occurred_at, kind,
            kind_confidence, theme, theme_confidence, severity, severity_confidence, area_id, area_confidence,
            dup_key, ${b.importId}::uuid
          from input
          on conflict (source, external_id) do nothing
          returning id, occurred_at, theme, kind, severity, area_id, segment
        ), daily as (
          insert into insight_daily (day, theme, kind, severity, area_key, segment, source, items)
          select (occurred_at at time zone ${b.timeZone})::date, coalesce(theme, ''), kind, severity,
            coalesce(area_id::text, ''), coalesce(segment, ''), ${b.source}, count(*)
          from ins group by 1, 2, 3, 4, 5, 6
          on conflict (day, theme, kind, severity, area_key, segment, source)
          do update set items = insight_daily.items + excluded.items
        )
        select count(*)::int as n from ins`);
      inserted = (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
    }
    await tx.execute(sql`
      update insight_imports set
        rows_read = ${b.progress.read}, inserted = inserted + ${inserted},
        already_there = already_there + ${b.rows.length - inserted}, bad_rows = ${b.progress.bad},
        errors = errors || ${JSON.stringify(b.errors)}::jsonb
      where id = ${b.importId}::uuid`);
    return inserted;
  });
}
