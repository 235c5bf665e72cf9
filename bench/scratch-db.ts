import pg from 'pg';
import type { DatabaseTarget } from '../src/db/client.ts';

/**
 * A scratch database on the PostgreSQL server at `serverUrl` (created now, dropped by `drop`), or why it could not
 * be made: the benches measure on a fresh database and leave nothing behind.
 */
export async function scratchPostgres(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> } | string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (e) {
    return `cannot connect to ${serverUrl.replace(/:[^:@/]*@/, ':…@')} (${(e as Error).message}); set BENCH_DATABASE_URL`;
  }
  const name = `${prefix}_${process.pid}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: `${serverUrl.replace(/\/[^/?]*(\?.*)?$/, '')}/${name}`,
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Runs a bench on each target asked for: PostgreSQL on a scratch database (dropped after; skipped, saying why,
 * when the server cannot be reached), then PGlite in memory.
 */
export async function onTargets(
  o: { targets: readonly string[]; serverUrl: string; prefix: string },
  run: (kind: string, target: DatabaseTarget) => Promise<void>,
): Promise<void> {
  if (o.targets.includes('postgres')) {
    const scratch = await scratchPostgres(o.serverUrl, o.prefix);
    if (typeof scratch === 'string') console.log(`  postgres: skipped, ${scratch}`);
    else
      try {
        await run('postgres', { kind: 'postgres', url: scratch.url });
      } finally {
        await scratch.drop();
      }
  }
  if (o.targets.includes('pglite')) await run('pglite', { kind: 'pglite', dataDir: null });
}
