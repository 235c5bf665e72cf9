import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type DatabaseTarget, openDatabase, runMigrations } from '../src/db/client.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';

export interface TestDatabase extends Database {
  target: DatabaseTarget;
  /** Connection string of this test's own database on the PostgreSQL server, when there is one. */
  url: string | null;
}

/** Creates an empty database on the server named by DATABASE_URL and returns its URL. */
export async function createServerDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `prodops_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A migrated database of this test file's own: in-memory PGlite by default, or a fresh database on the
 * PostgreSQL server when DATABASE_URL is set, so the same suite runs on both.
 */
export async function createTestDb(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const server = await createServerDatabase(base);
    const target: DatabaseTarget = { kind: 'postgres', url: server.url, poolSize: 5 };
    const database = await openDatabase(target);
    await runMigrations(target, database);
    await ensureOrgDefaults(database.db);
    return {
      ...database,
      target,
      url: server.url,
      close: async () => {
        await database.close();
        await server.drop();
      },
    };
  }
  const target: DatabaseTarget = { kind: 'pglite', dataDir: null };
  const database = await openDatabase(target);
  await runMigrations(target, database);
  await ensureOrgDefaults(database.db);
  return { ...database, target, url: null };
}
