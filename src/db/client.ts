import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { shareOverSocket } from './embedded.ts';
import { openPgliteInstance } from './pglite-open.ts';
import { type EmbeddedPglite, WorkerPglite } from './pglite-thread.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one database type services see; PGlite and node-postgres both satisfy it, and so does a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/**
 * A liveness probe: one trivial statement. On PGlite's worker it goes ahead of the statements queued there
 * (one connection): it asks whether the database answers, not how long its queue is.
 */
export async function ping(db: Db): Promise<void> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof WorkerPglite) return client.ping();
  await db.execute(sql`select 1`);
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Present in embedded mode: PGlite itself, or its stand-in on this thread when it runs on a worker. */
  pglite?: EmbeddedPglite;
  /** Embedded mode: serves the database to CLI processes over a socket in `dataDir` (see embedded.ts). */
  shareOverSocket?(dataDir: string): Promise<{ stop(): Promise<void> }>;
  /** Present on a server: the benches run a route's own SQL on it, without the ORM. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any fixed number: it names the advisory lock that serialises migrations across app instances. */
const MIGRATION_LOCK_KEY = 724_113_001;

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | {
      kind: 'pglite';
      dataDir: string | null;
      loadDataDir?: Blob | File;
      /**
       * 'worker' runs PGlite on a worker thread, so its WASM does not stall the event loop (the server);
       * the default, this thread, starts faster (CLI commands, tests).
       */
      thread?: 'main' | 'worker';
    };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') return openPostgres(target.url, target.poolSize ?? 10);
  return openPglite(target);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client erroring (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('select 1');
  return {
    db: drizzleNodePg(pool, { schema }) as unknown as Db,
    kind: 'postgres',
    pool,
    close: () => pool.end(),
  };
}

async function openPglite(target: Extract<DatabaseTarget, { kind: 'pglite' }>): Promise<Database> {
  if (target.thread === 'worker') {
    const pglite = await WorkerPglite.open({ dataDir: target.dataDir, loadDataDir: target.loadDataDir });
    return {
      // The ORM calls query, exec and transaction only, which the worker's stand-in answers as PGlite does.
      db: drizzlePglite(pglite as never, { schema }) as unknown as Db,
      kind: 'pglite',
      pglite,
      shareOverSocket: (dataDir) => pglite.shareOverSocket(dataDir),
      close: () => pglite.close(),
    };
  }
  const pglite = await openPgliteInstance(target.dataDir, target.loadDataDir);
  return {
    db: drizzlePglite(pglite, { schema }) as unknown as Db,
    kind: 'pglite',
    pglite,
    shareOverSocket: (dataDir) => shareOverSocket(dataDir, pglite),
    close: () => pglite.close(),
  };
}

/**
 * Applies committed migrations. On a PostgreSQL server several app instances may boot at once, so the
 * migrator runs on one connection holding an advisory lock; the others wait, then find nothing to do.
 */
export async function runMigrations(target: DatabaseTarget, database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    if (await hasEveryMigration(database.db)) return;
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  if (target.kind !== 'postgres') throw new Error('postgres database needs a postgres target');
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrateNodePg(drizzleNodePg(client), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/**
 * Whether the newest migration in the journal is applied, drizzle's own test: a reopened data dir skips the
 * migrator reading and hashing every migration file (~0.2 s on PGlite).
 */
async function hasEveryMigration(db: Db): Promise<boolean> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const newest = journal.entries.at(-1)?.when;
  if (newest === undefined) return false;
  try {
    const result = await db.execute(
      sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`,
    );
    return Number(rowsOf<{ at: string | null }>(result)[0]?.at ?? 0) >= newest;
  } catch {
    return false;
  }
}

/** The rows of a raw `db.execute(sql…)`: both drivers answer `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
