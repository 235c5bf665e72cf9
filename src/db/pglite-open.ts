import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** A PGlite instance on `dataDir` (in memory when null), with the extensions the migrations use. */
export async function openPgliteInstance(dataDir: string | null, loadDataDir?: Blob | File): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create({
    dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined,
    loadDataDir,
    // Status questions search titles by trigram similarity (migration 0008).
    extensions: { pg_trgm },
  });
}
