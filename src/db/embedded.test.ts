import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, readLock, releaseLock, shareOverSocket, socketDirOf, socketUrl } from './embedded.ts';

let dir: string;
let pglite: PGlite;
let socket: { stop(): Promise<void> };

const connect = async () => {
  const client = new pg.Client({ connectionString: socketUrl(socketDirOf(dir)) });
  await client.connect();
  return client;
};
const values = async () =>
  (await pglite.query<{ x: number }>('select x from t order by x')).rows.map((r) => r.x);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pd-sock-'));
  pglite = await PGlite.create();
  await pglite.exec('create table t (x int)');
  socket = await shareOverSocket(dir, pglite);
});
afterAll(async () => {
  await socket.stop();
  await pglite.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sharing the embedded database with CLI processes', () => {
  it("keeps the server's own writes out of a socket client's transaction", async () => {
    await pglite.exec('delete from t');
    const cli = await connect();
    await cli.query('begin');
    await cli.query('insert into t values (1)');
    // The server writes while the CLI's transaction is open: it must wait, not join that transaction.
    const serverWrite = pglite.query('insert into t values (2)');
    await cli.query('insert into t values (3)');
    await cli.query('rollback');
    await serverWrite;
    expect(await values()).toEqual([2]);
    await cli.end();
  });

  it('rolls back the transaction of a client that disconnects, and the server goes on', async () => {
    await pglite.exec('delete from t');
    const cli = await connect();
    await cli.query('begin');
    await cli.query('insert into t values (4)');
    const serverWrite = pglite.query('insert into t values (5)');
    cli.on('error', () => {}); // the client sees its own connection cut: expected here
    (cli as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await serverWrite;
    expect(await values()).toEqual([5]);
  });

  it('serves several CLI connections at once', async () => {
    const [a, b] = [await connect(), await connect()];
    const [ra, rb] = await Promise.all([a.query('select 1 as n'), b.query('select 2 as n')]);
    expect([ra.rows[0].n, rb.rows[0].n]).toEqual([1, 2]);
    await Promise.all([a.end(), b.end()]);
  });
});

describe('the data dir lock', () => {
  it('says who holds the data dir and replaces a stale lock', () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'pd-lock-'));
    expect(acquireLock(d, 'cli')).toEqual({ ok: true });
    expect(readLock(d)).toBeNull(); // our own lock is not "another process"
    releaseLock(d);
    writeFileSync(
      path.join(d, 'prodops.lock'),
      JSON.stringify({ pid: process.ppid, role: 'server', socketDir: null }),
    );
    expect(acquireLock(d, 'cli')).toMatchObject({ ok: false, holder: { pid: process.ppid, role: 'server' } });
    // A lock left by a process that no longer exists is taken over.
    writeFileSync(
      path.join(d, 'prodops.lock'),
      JSON.stringify({ pid: 2 ** 22 + 17, role: 'server', socketDir: null }),
    );
    expect(acquireLock(d, 'cli')).toEqual({ ok: true });
    releaseLock(d);
    rmSync(d, { recursive: true, force: true });
  });
});
