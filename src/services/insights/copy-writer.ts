import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../../db/client.ts';
import { STAGING_COLUMNS } from './tag-batch.ts';

/** One batch of COPY rows (tag-batch.ts) and where the import stands once it is in. */
export interface CopyBatch {
  importId: string;
  rows: string;
  count: number;
  progress: { read: number; bad: number };
  errors: { line: number; error: string }[];
}

export interface CopyWriter {
  /** Writes the batch in one transaction; returns how many of its rows were new. */
  write(b: CopyBatch): Promise<number>;
  close(): Promise<void>;
}

// Created in each batch's transaction and dropped at its commit: nothing outlives it, whatever pooling is used.
const STAGING = `create temp table insight_staging (${STAGING_COLUMNS}) on commit drop`;

/**
 * The staged rows into insight_items (those already there skipped: the import is idempotent on source +
 * external id), the daily counts of the new ones, and the import's progress — in one statement.
 * $1 source, $2 import id, $3 time zone, $4 rows read, $5 rows in the batch, $6 bad rows, $7 errors (JSON).
 */
const MERGE = `
  with ins as (
    insert into insight_items (source, external_id, title, body, customer, segment, evidence_type, occurred_at,
      kind, kind_confidence, theme, theme_confidence, severity, severity_confidence, area_id, area_confidence,
      dup_key, import_id)
    select $1, external_id, title, body, customer, segment, evidence_type, occurred_at, kind, kind_confidence,
      theme, theme_confidence, severity, severity_confidence, area_id, area_confidence, dup_key, $2::uuid
    from insight_staging
    on conflict (source, external_id) do nothing
    returning occurred_at, theme, kind, severity, area_id, segment
  ), daily as (
    insert into insight_daily (day, theme, kind, severity, area_key, segment, source, items)
    select (occurred_at at time zone $3)::date, coalesce(theme, ''), kind, severity, coalesce(area_id::text, ''),
      coalesce(segment, ''), $1, count(*)
    from ins group by 1, 2, 3, 4, 5, 6
    on conflict (day, theme, kind, severity, area_key, segment, source)
    do update set items = insight_daily.items + excluded.items
  ), progress as (
    update insight_imports set rows_read = $4, inserted = inserted + (select count(*) from ins),
      already_there = already_there + $5 - (select count(*) from ins), bad_rows = $6,
      errors = errors || $7::jsonb
    where id = $2::uuid
  )
  select count(*)::int as n from ins`;

const params = (source: string, timeZone: string, b: CopyBatch) => [
  source,
  b.importId,
  timeZone,
  b.progress.read,
  b.count,
  b.progress.bad,
  JSON.stringify(b.errors),
];

/**
 * Bulk writing for file imports: each batch is COPYed into a temporary staging table, then merged by one
 * INSERT … SELECT … ON CONFLICT DO NOTHING — the cheapest way in for a million rows. It needs a connection of
 * its own (a pooled client, or PGlite itself); null when `db` is a transaction, which the caller then keeps to.
 */
export async function copyWriter(db: Db, source: string, timeZone: string): Promise<CopyWriter | null> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!client) return null;
  if (typeof (client as PGlite).transaction === 'function' && 'waitReady' in (client as object))
    return pgliteWriter(client as PGlite, source, timeZone);
  if (typeof (client as pg.Pool).connect === 'function' && 'totalCount' in (client as object))
    return serverWriter(await (client as pg.Pool).connect(), source, timeZone);
  return null;
}

function pgliteWriter(pglite: PGlite, source: string, timeZone: string): CopyWriter {
  return {
    write: (b) =>
      pglite.transaction(async (tx) => {
        await tx.exec(STAGING);
        // PGlite has no COPY protocol: it copies from a Blob at the virtual path /dev/blob.
        await tx.query("copy insight_staging from '/dev/blob'", [], { blob: new Blob([b.rows]) });
        const result = await tx.query<{ n: number }>(MERGE, params(source, timeZone, b));
        return result.rows[0]!.n;
      }),
    close: async () => {},
  };
}

function serverWriter(client: pg.PoolClient, source: string, timeZone: string): CopyWriter {
  let broken: Error | undefined;
  const copyIn = (rows: string) =>
    new Promise<void>((resolve, reject) => {
      const stream = client.query(copyFrom('copy insight_staging from stdin'));
      stream.on('error', reject);
      stream.on('finish', () => resolve());
      stream.end(rows);
    });
  return {
    async write(b) {
      try {
        await client.query(`begin; ${STAGING}`);
        await copyIn(b.rows);
        const result = await client.query<{ n: number }>(MERGE, params(source, timeZone, b));
        await client.query('commit');
        return result.rows[0]!.n;
      } catch (err) {
        broken = err as Error;
        await client.query('rollback').catch(() => {});
        throw err;
      }
    },
    // A client whose batch failed is not handed back to the pool as if nothing happened.
    close: async () => client.release(broken),
  };
}
