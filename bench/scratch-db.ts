import pg from 'pg';

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
