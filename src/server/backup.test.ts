import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signedIn } from '../../test/factories.ts';
import { BackupError, backupDatabase, databaseFigures } from '../db/backup.ts';
import { openRawConnection, type RawConnection } from '../db/raw-connection.ts';
import { restoreDatabase } from '../db/restore.ts';
import { seedDemoIfEmpty } from '../services/setup/demo.ts';

const NOW = new Date('2026-11-18T15:00:00Z');
let original: TestApp;
let copy: TestApp;
let from: RawConnection;
let into: RawConnection;
let dir: string;
let headers: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'prodops-backup-'));
  original = await createTestApp({ planFrom: NOW });
  copy = await createTestApp({ planFrom: NOW });
  await seedDemoIfEmpty(original.database.db, NOW);
  ({ headers } = await signedIn(original.database.db, ['product_ops']));
  from = await openRawConnection(original.database, original.database.target);
  into = await openRawConnection(copy.database, copy.database.target);
});

afterAll(async () => {
  await from.close();
  await into.close();
  await original.close();
  await copy.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (app: TestApp, url: string) =>
  (await app.app.inject({ method: 'GET', url, headers })).json();

describe('backup and restore', () => {
  it('restores every table with equal row counts and checksums, and the copy answers the same', async () => {
    const file = path.join(dir, 'demo.backup');
    const manifest = await backupDatabase(from, file, NOW);
    expect(manifest.tables.find((t) => t.name === 'people')?.rows).toBeGreaterThan(30);

    // The copy holds the org's defaults: it is not empty, so only --replace restores into it.
    await expect(restoreDatabase(into, file, { replace: false })).rejects.toThrow(/already holds data/);
    const result = await restoreDatabase(into, file, { replace: true });

    const before = await databaseFigures(from);
    expect(await databaseFigures(into)).toEqual(before);
    expect(result.tables).toEqual(before);
    expect(before.filter((t) => t.rows > 0).length).toBeGreaterThan(40);
    for (const url of ['/api/v1/releases', '/api/v1/roadmap/items', '/api/v1/people', '/api/v1/metrics'])
      expect(await get(copy, url), url).toEqual(await get(original, url));
  });

  it('keeps sequences: a row added after the restore takes the next number on both', async () => {
    const file = path.join(dir, 'seq.backup');
    await backupDatabase(from, file, NOW);
    await restoreDatabase(into, file, { replace: true });
    const next = 'select last_value::text as v from pg_sequences where schemaname = $1 order by sequencename';
    expect(await into.query(next, ['public'])).toEqual(await from.query(next, ['public']));
  });

  it('refuses a damaged backup and leaves the database as it was', async () => {
    const file = path.join(dir, 'good.backup');
    await backupDatabase(from, file, NOW);
    const before = await databaseFigures(into);
    const text = gunzipSync(readFileSync(file)).toString();
    // One changed character in a row: the checksums catch it.
    const damaged = path.join(dir, 'damaged.backup');
    writeFileSync(damaged, gzipSync(text.replace('Priya', 'Pria')));
    await expect(restoreDatabase(into, damaged, { replace: true })).rejects.toThrow(
      /differs from the backup in artifact_versions: nothing was restored/,
    );
    const truncated = path.join(dir, 'truncated.backup');
    writeFileSync(truncated, gzipSync(text.slice(0, Math.floor(text.length / 2))));
    await expect(restoreDatabase(into, truncated, { replace: true })).rejects.toThrow(BackupError);
    const notOne = path.join(dir, 'not-one.backup');
    writeFileSync(notOne, 'hello');
    await expect(restoreDatabase(into, notOne, { replace: true })).rejects.toThrow(/not a prodops backup/);
    expect(await databaseFigures(into)).toEqual(before);
  });

  it('writes no file when the backup fails', async () => {
    const file = path.join(dir, 'never.backup');
    const failing: RawConnection = {
      ...from,
      // biome-ignore lint/correctness/useYield: it fails before its first chunk
      async *copyOut() {
        throw new Error('connection lost');
      },
    };
    await expect(backupDatabase(failing, file, NOW)).rejects.toThrow('connection lost');
    expect(() => readFileSync(file)).toThrow();
    expect(() => readFileSync(`${file}.partial`)).toThrow();
  });
});
