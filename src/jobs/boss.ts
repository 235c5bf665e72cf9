import PgBoss from 'pg-boss';
import type { Database, DatabaseTarget } from '../db/client.ts';

/**
 * pg-boss on the same database: its own pool on a PostgreSQL server, or the embedded PGlite through the `db`
 * adapter (no parameters means a multi-statement script, which needs the simple query protocol: `exec`).
 */
export function createBoss(database: Database, target: DatabaseTarget): PgBoss {
  const common = { schema: 'pgboss', supervise: true, schedule: true, migrate: true } as const;
  if (target.kind === 'postgres') return new PgBoss({ ...common, connectionString: target.url, max: 4 });
  const pglite = database.pglite!;
  return new PgBoss({
    ...common,
    db: {
      async executeSql(text: string, values: unknown[] = []) {
        if (values.length === 0) {
          const results = await pglite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        return { rows: (await pglite.query(text, values as unknown[])).rows };
      },
    },
  });
}
