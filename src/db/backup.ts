import { createReadStream, createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import type { RawConnection } from './raw-connection.ts';

/**
 * A backup is gzipped text in pg_dump's plain data format — one `COPY public."t" (…) FROM stdin;` block per
 * table of the public schema, ended by `\.` — after two comment lines: the format and a manifest (the schema's
 * migration, each table's columns, row count and checksum, the sequences' values). psql could load it into a
 * database migrated to the same version; `restore` does so in one transaction and checks every table.
 * pg-boss's queues are not in it: they are rebuilt at start from `scheduled_actions`, which is.
 */
export const BACKUP_HEADER = '-- prodops backup 1';
const MANIFEST_PREFIX = '-- manifest ';

const ZTableEntry = z.object({
  name: z.string(),
  columns: z.array(z.string()),
  rows: z.number().int(),
  checksum: z.string(),
});
const ZManifest = z.object({
  createdAt: z.string(),
  migration: z.object({ count: z.number().int(), lastHash: z.string() }),
  tables: z.array(ZTableEntry),
  sequences: z.array(z.object({ name: z.string(), value: z.string().nullable() })),
});
export type BackupManifest = z.infer<typeof ZManifest>;
export type TableFigures = z.infer<typeof ZTableEntry>;

/** Session settings that make row text (checksums) and COPY text the same on every server, as pg_dump sets. */
const STABLE_TEXT = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, MDY'",
  "set local intervalstyle = 'postgres'",
  'set local extra_float_digits = 3',
];

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function inTransaction<T>(conn: RawConnection, mode: string, fn: () => Promise<T>): Promise<T> {
  await conn.query(`begin ${mode}`);
  try {
    for (const s of STABLE_TEXT) await conn.query(s);
    const out = await fn();
    await conn.query('commit');
    return out;
  } catch (err) {
    await conn.query('rollback');
    throw err;
  }
}

async function tableNames(conn: RawConnection): Promise<string[]> {
  const rows = await conn.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  return rows.map((r) => r.name);
}

async function copyableColumns(conn: RawConnection, table: string): Promise<string[]> {
  const rows = await conn.query<{ name: string }>(
    `select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER'
      order by ordinal_position`,
    [table],
  );
  return rows.map((r) => r.name);
}

/** Row count and an order-free checksum of a table's rows (as text, under STABLE_TEXT). */
export async function tableFigures(
  conn: RawConnection,
  table: string,
): Promise<{ rows: number; checksum: string }> {
  const [row] = await conn.query<{ rows: number; checksum: string }>(
    `select count(*)::int as rows,
            md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as checksum
       from public.${ident(table)} t`,
  );
  return { rows: row?.rows ?? 0, checksum: row?.checksum ?? '' };
}

/** Every table's figures, read in one snapshot: what a backup records and what a restored copy must equal. */
export async function databaseFigures(conn: RawConnection): Promise<TableFigures[]> {
  return inTransaction(conn, 'isolation level repeatable read read only', () => databaseFiguresIn(conn));
}

/** Every table's figures, in the caller's transaction. */
export async function databaseFiguresIn(conn: RawConnection): Promise<TableFigures[]> {
  const out: TableFigures[] = [];
  for (const name of await tableNames(conn))
    out.push({ name, columns: await copyableColumns(conn, name), ...(await tableFigures(conn, name)) });
  return out;
}

export async function migrationLevel(conn: RawConnection): Promise<BackupManifest['migration']> {
  const rows = await conn.query<{ count: number; last_hash: string | null }>(
    `select count(*)::int as count, (array_agg(hash order by created_at desc, id desc))[1] as last_hash
       from drizzle.__drizzle_migrations`,
  );
  return { count: rows[0]?.count ?? 0, lastHash: rows[0]?.last_hash ?? '' };
}

async function sequenceValues(conn: RawConnection): Promise<BackupManifest['sequences']> {
  return conn.query<{ name: string; value: string | null }>(
    `select sequencename as name, last_value::text as value from pg_sequences
      where schemaname = 'public' order by sequencename`,
  );
}

export const copyStatement = (t: TableFigures, direction: 'TO STDOUT' | 'FROM STDIN') =>
  `COPY public.${ident(t.name)} (${t.columns.map(ident).join(', ')}) ${direction}`;

/** Writes a consistent backup of the database to `file` (through a temporary file: never a partial backup). */
export async function backupDatabase(conn: RawConnection, file: string, now: Date): Promise<BackupManifest> {
  const partial = `${file}.partial`;
  let out: WriteStream | null = null;
  try {
    const manifest = await inTransaction(conn, 'isolation level repeatable read read only', async () => {
      const manifest: BackupManifest = {
        createdAt: now.toISOString(),
        migration: await migrationLevel(conn),
        tables: await databaseFiguresIn(conn),
        sequences: await sequenceValues(conn),
      };
      out = createWriteStream(partial);
      await pipeline(backupText(conn, manifest), createGzip(), out);
      return manifest;
    });
    renameSync(partial, file);
    return manifest;
  } finally {
    // A stream destroyed before its file opened still creates the file afterwards: wait for it to close first.
    const stream = out as WriteStream | null;
    // (events.once would reject with the stream's error and skip the removal.)
    if (stream && !stream.closed) await new Promise<void>((resolve) => stream.once('close', () => resolve()));
    rmSync(partial, { force: true });
  }
}

async function* backupText(conn: RawConnection, manifest: BackupManifest): AsyncGenerator<Buffer | string> {
  yield `${BACKUP_HEADER}\n${MANIFEST_PREFIX}${JSON.stringify(manifest)}\n`;
  for (const t of manifest.tables) {
    yield `${copyStatement(t, 'FROM STDIN').replace(/ STDIN$/, ' stdin')};\n`;
    yield* conn.copyOut(copyStatement(t, 'TO STDOUT'));
    yield '\\.\n';
  }
}

/** A backup file's manifest and, table by table, its COPY data; a file that is not one says so. */
export async function* readBackup(
  file: string,
): AsyncGenerator<{ manifest: BackupManifest } | { table: string; data: Buffer }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let index = 0;
  let table: string | null = null;
  let chunks: string[] = [];
  try {
    for await (const line of lines) {
      index++;
      if (index === 1 && line !== BACKUP_HEADER)
        throw notABackup(file, 'its first line is not a prodops backup header');
      if (index === 2) yield { manifest: parseManifest(file, line) };
      if (index <= 2) continue;
      if (table === null) {
        table = /^COPY public\."((?:[^"]|"")+)" /.exec(line)?.[1]?.replaceAll('""', '"') ?? null;
        if (table === null) throw notABackup(file, `line ${index} is not a COPY block`);
        chunks = [];
      } else if (line === '\\.') {
        yield { table, data: Buffer.from(chunks.join('')) };
        table = null;
      } else chunks.push(`${line}\n`);
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw notABackup(file, `it cannot be read (${(err as Error).message})`);
  }
  if (table !== null || index < 2) throw notABackup(file, 'it ends early (truncated?)');
}

function parseManifest(file: string, line: string): BackupManifest {
  if (!line.startsWith(MANIFEST_PREFIX)) throw notABackup(file, 'its second line is not a manifest');
  let json: unknown;
  try {
    json = JSON.parse(line.slice(MANIFEST_PREFIX.length));
  } catch {
    throw notABackup(file, 'its manifest is not JSON');
  }
  const parsed = ZManifest.safeParse(json);
  if (!parsed.success) throw notABackup(file, 'its manifest is not readable');
  return parsed.data;
}

export class BackupError extends Error {}

const notABackup = (file: string, why: string) => new BackupError(`${file} is not a prodops backup: ${why}`);
