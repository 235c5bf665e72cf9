import { parentPort, workerData } from 'node:worker_threads';
import type { QueryOptions, Transaction } from '@electric-sql/pglite';
import { shareOverSocket } from './embedded.ts';
import { openPgliteInstance } from './pglite-open.ts';
import type { Reply, Request, SentOptions, WorkerStart } from './pglite-thread.ts';

/**
 * A worker thread's side of pglite-thread.ts: it owns the PGlite instance (and the socket CLI processes reach
 * it by), so its WASM runs off the server's event loop. Statements tagged with a transaction run on that
 * transaction; the others wait for it behind PGlite's own lock, as on one thread.
 */
const start = workerData as WorkerStart;
const port = parentPort!;
const pglite = await openPgliteInstance(start.dataDir, start.loadDataDir);
const transactions = new Map<number, { tx: Transaction; end: (commit: boolean) => void }>();
/** Each open transaction's settling: it answers the `end` message that commits or rolls it back. */
const endings = new Map<number, Promise<unknown>>();
let nextTx = 0;
let socket: { stop(): Promise<void> } | null = null;

const identity = (value: unknown) => value;

/** The caller's parsers stay on the caller's thread: here their types come back as PostgreSQL's text. */
function optionsOf(o: SentOptions | undefined): QueryOptions | undefined {
  if (!o) return undefined;
  const { raw, ...rest } = o;
  return { ...rest, parsers: raw ? Object.fromEntries(raw.map((oid) => [oid, identity])) : undefined };
}

function on(tx: number | undefined) {
  if (tx === undefined) return pglite;
  const open = transactions.get(tx);
  if (!open) throw new Error('Transaction is closed');
  return open.tx;
}

function begin(): Promise<number> {
  nextTx += 1;
  const id = nextTx;
  return new Promise<number>((begun, failed) => {
    const ended = pglite.transaction(
      (tx) =>
        new Promise<void>((commit, rollback) => {
          transactions.set(id, {
            tx,
            end: (ok) => (ok ? commit() : rollback(new RolledBack())),
          });
          begun(id);
        }),
    );
    endings.set(id, ended);
    ended.catch(failed);
  });
}

class RolledBack extends Error {}

async function end(tx: number, commit: boolean): Promise<void> {
  const open = transactions.get(tx);
  const ended = endings.get(tx);
  transactions.delete(tx);
  endings.delete(tx);
  open?.end(commit);
  try {
    await ended;
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
  }
}

async function run(m: Request): Promise<unknown> {
  switch (m.op) {
    case 'query':
      return on(m.tx).query(m.sql, m.params, optionsOf(m.options));
    case 'exec':
      return on(m.tx).exec(m.sql, optionsOf(m.options));
    case 'begin':
      return begin();
    case 'end':
      return end(m.tx, m.commit);
    case 'rollback': {
      const open = transactions.get(m.tx);
      if (!open) throw new Error('Transaction is closed');
      return open.tx.rollback();
    }
    case 'dump':
      return pglite.dumpDataDir(m.compression);
    case 'share':
      socket = await shareOverSocket(m.dataDir, pglite);
      return null;
    case 'unshare':
      await socket?.stop();
      socket = null;
      return null;
    case 'close':
      await socket?.stop();
      socket = null;
      await pglite.close();
      return null;
  }
}

/** An error's own fields (code, detail, constraint…) as a plain object; functions and the query's options stay. */
function plainError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: Record<string, unknown> = { message: err.message, name: err.name };
  for (const [key, value] of Object.entries(err)) {
    if (key === 'queryOptions' || typeof value === 'function') continue;
    out[key] = value;
  }
  return out;
}

function answer(m: Request): Promise<void> {
  return run(m).then(
    (value) => port.postMessage({ id: m.id, ok: true, value } satisfies Reply),
    (err) => {
      try {
        port.postMessage({ id: m.id, ok: false, error: plainError(err) } satisfies Reply);
      } catch {
        port.postMessage({ id: m.id, ok: false, error: { message: String(err) } } satisfies Reply);
      }
    },
  );
}

/**
 * Statements outside a transaction reach PGlite one at a time from two lanes: a liveness probe (`urgent`) runs
 * next, instead of behind every statement the busy routes queued. A transaction's own statements skip the
 * lanes: they must run while it holds the database, which the lane's head may be waiting for.
 */
const lanes = { urgent: [] as Request[], normal: [] as Request[] };
let pumping = false;
async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  for (
    let m = lanes.urgent.shift() ?? lanes.normal.shift();
    m;
    m = lanes.urgent.shift() ?? lanes.normal.shift()
  )
    await answer(m);
  pumping = false;
}

port.on('message', (m: Request) => {
  const queued = (m.op === 'query' || m.op === 'exec') && m.tx === undefined;
  if (!queued && m.op !== 'begin') return void answer(m);
  (m.op === 'query' && m.urgent ? lanes.urgent : lanes.normal).push(m);
  void pump();
});
port.postMessage({ ready: true });
