import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, runMigrations } from '../src/db/client.ts';

/**
 * Migrated databases made once per test run, copied by every test file: migrating an embedded database takes
 * 2–3 s of WASM and loading a migrated one ~0.5 s, so a few hundred test databases save minutes. Test
 * processes find them through the environment (see createTestDb); a test that needs an empty database still
 * makes one.
 */
export const PGLITE_TEMPLATE_ENV = 'PRODOPS_TEST_PGLITE_TEMPLATE';
export const PG_TEMPLATE_ENV = 'PRODOPS_TEST_PG_TEMPLATE';

/** Writes a migrated embedded database's data directory to `file` (a tarball PGlite loads). */
export async function writePgliteTemplate(file: string): Promise<void> {
  const target = { kind: 'pglite', dataDir: null } as const;
  const database = await openDatabase(target);
  try {
    await runMigrations(target, database);
    const dump = await database.pglite!.dumpDataDir('none');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/** The template tarball as PGlite loads it, or undefined when this run has none. */
export function pgliteTemplate(): Blob | undefined {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  return file ? new Blob([readFileSync(file)]) : undefined;
}

export function removePgliteTemplate(file: string): void {
  rmSync(file, { force: true });
}

async function admin<T>(baseUrl: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** Creates and migrates a database on the server to copy test databases from; returns its name. */
export async function createPostgresTemplate(baseUrl: string): Promise<string> {
  const name = `prodops_template_${randomBytes(6).toString('hex')}`;
  await admin(baseUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const target = { kind: 'postgres', url: url.toString(), poolSize: 1 } as const;
  const database = await openDatabase(target);
  try {
    await runMigrations(target, database);
  } finally {
    await database.close();
  }
  return name;
}

export async function dropPostgresTemplate(baseUrl: string, name: string): Promise<void> {
  await admin(baseUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
}
