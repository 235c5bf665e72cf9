import {
  BackupError,
  type BackupManifest,
  copyStatement,
  databaseFiguresIn,
  inTransaction,
  migrationLevel,
  readBackup,
  type TableFigures,
} from './backup.ts';
import type { RawConnection } from './raw-connection.ts';

export interface RestoreResult {
  manifest: BackupManifest;
  tables: TableFigures[];
}

/**
 * Loads a backup into a database migrated to the backup's version, in one transaction: foreign keys are lifted
 * while tables fill (rows come table by table, in any order) and put back (checked) after, sequences are set,
 * and every table's row count and checksum must equal the manifest's or nothing is kept. A database holding
 * data is replaced only when asked.
 */
export async function restoreDatabase(
  conn: RawConnection,
  file: string,
  opts: { replace: boolean },
): Promise<RestoreResult> {
  const blocks = readBackup(file);
  const first = await blocks.next();
  if (first.done || !('manifest' in first.value)) throw new BackupError(`${file} has no manifest`);
  const manifest = first.value.manifest;
  await checkVersion(conn, manifest);
  return inTransaction(conn, 'isolation level serializable', async () => {
    const current = await databaseFiguresIn(conn);
    checkTables(manifest, current);
    if (!opts.replace) refuseData(current);
    const foreignKeys = await liftForeignKeys(conn);
    // Triggers keep derived tables (search, metric changes) that the backup holds already as they were.
    await setTriggers(conn, current, 'disable');
    await conn.query(`truncate ${current.map((t) => qualified(t.name)).join(', ')}`);
    for await (const block of blocks) {
      if (!('table' in block)) continue;
      const table = manifest.tables.find((t) => t.name === block.table);
      if (!table)
        throw new BackupError(`${file} holds rows for "${block.table}", which its manifest does not list`);
      await conn.copyIn(copyStatement(table, 'FROM STDIN'), block.data);
    }
    for (const fk of foreignKeys)
      await conn.query(`alter table ${fk.tbl} add constraint "${fk.name}" ${fk.def}`);
    await setTriggers(conn, current, 'enable');
    await setSequences(conn, manifest);
    const restored = await databaseFiguresIn(conn);
    checkFigures(manifest, restored);
    return { manifest, tables: restored };
  });
}

async function checkVersion(conn: RawConnection, manifest: BackupManifest): Promise<void> {
  const here = await migrationLevel(conn);
  if (here.count === manifest.migration.count && here.lastHash === manifest.migration.lastHash) return;
  throw new BackupError(
    `the backup was made at migration ${manifest.migration.count} and this database is at ${here.count}: ` +
      'restore with the prodops version that made it, then upgrade',
  );
}

function checkTables(manifest: BackupManifest, current: TableFigures[]): void {
  const key = (t: TableFigures) => `${t.name}(${t.columns.join(',')})`;
  const theirs = new Set(manifest.tables.map(key));
  const differ = current.filter((t) => !theirs.has(key(t))).map((t) => t.name);
  if (differ.length > 0 || theirs.size !== current.length)
    throw new BackupError(
      `the backup's tables differ from this database's (${differ.join(', ') || 'count'})`,
    );
}

/**
 * Logs of what to recompute, not data: a migration's UPDATE writes to them through statement triggers even on an
 * empty database (a statement trigger fires for no rows too), and restoring replaces them with the backup's.
 */
const DERIVED_LOGS = new Set(['metric_changes']);

function refuseData(current: TableFigures[]): void {
  const filled = current.filter((t) => t.rows > 0 && !DERIVED_LOGS.has(t.name));
  if (filled.length === 0) return;
  const sample = filled.slice(0, 3).map((t) => `${t.name}: ${t.rows}`);
  throw new BackupError(
    `the database already holds data (${sample.join(', ')}${filled.length > 3 ? ', …' : ''}): ` +
      'restore into an empty database, or pass --replace to replace everything in it',
  );
}

const qualified = (table: string) => `public."${table.replaceAll('"', '""')}"`;

async function setTriggers(conn: RawConnection, tables: TableFigures[], to: 'enable' | 'disable') {
  for (const t of tables) await conn.query(`alter table ${qualified(t.name)} ${to} trigger user`);
}

interface ForeignKey {
  tbl: string;
  name: string;
  def: string;
}

async function liftForeignKeys(conn: RawConnection): Promise<ForeignKey[]> {
  const fks = await conn.query<ForeignKey>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def
       from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace
      order by conrelid::regclass::text, conname`,
  );
  for (const fk of fks) await conn.query(`alter table ${fk.tbl} drop constraint "${fk.name}"`);
  return fks;
}

async function setSequences(conn: RawConnection, manifest: BackupManifest): Promise<void> {
  for (const s of manifest.sequences) {
    const seq = `public."${s.name.replaceAll('"', '""')}"`;
    if (s.value === null) await conn.query(`alter sequence ${seq} restart`);
    else await conn.query(`select setval('${seq.replaceAll("'", "''")}', $1::bigint, true)`, [s.value]);
  }
}

function checkFigures(manifest: BackupManifest, restored: TableFigures[]): void {
  const differ = manifest.tables.filter((t) => {
    const r = restored.find((x) => x.name === t.name);
    return !r || r.rows !== t.rows || r.checksum !== t.checksum;
  });
  if (differ.length > 0)
    throw new BackupError(
      `the restored copy differs from the backup in ${differ.map((t) => t.name).join(', ')}: nothing was restored`,
    );
}
