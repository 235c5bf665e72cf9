import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PGlite is one process's database. The server owns the data dir (a lock file says so) and shares its
 * database with CLI processes over a Unix socket in the data dir, so `prodops token create` works while
 * `npm start` runs. With no server running, the CLI takes the lock and opens the data dir itself.
 */
export interface DataDirLock {
  pid: number;
  role: 'server' | 'cli';
  socketDir: string | null;
}

const lockPath = (dataDir: string) => path.join(dataDir, 'prodops.lock');
export const socketDirOf = (dataDir: string) => path.join(dataDir, 'run');
const SOCKET_PORT = 5432;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): DataDirLock | null {
  try {
    const lock = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as DataDirLock;
    return alive(lock.pid) && lock.pid !== process.pid ? lock : null;
  } catch {
    return null;
  }
}

/** Takes the data dir for this process, or says who holds it. Stale locks of dead processes are replaced. */
export function acquireLock(
  dataDir: string,
  role: DataDirLock['role'],
): { ok: true } | { ok: false; holder: DataDirLock } {
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath(dataDir), 'wx');
      writeFileSync(fd, JSON.stringify({ pid: process.pid, role, socketDir: null } satisfies DataDirLock));
      closeSync(fd);
      return { ok: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(dataDir);
      if (holder) return { ok: false, holder };
      rmSync(lockPath(dataDir), { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

export function releaseLock(dataDir: string): void {
  try {
    const lock = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as DataDirLock;
    if (lock.pid === process.pid) rmSync(lockPath(dataDir), { force: true });
  } catch {
    // already gone
  }
}

/**
 * The socket server runs each wire message under PGlite's query lock only, so between two messages of a socket
 * client's transaction the server's own queries could run inside that transaction (and be rolled back with it).
 * This gate holds PGlite's transaction lock — which every query and transaction of the server takes — from the
 * first message of a socket client until its transaction ends.
 */
export function gateSocketTransactions(pglite: PGlite): PGlite {
  let release: (() => void) | null = null;
  const hold = () =>
    new Promise<void>((entered) => {
      void pglite._runExclusiveTransaction(
        () =>
          new Promise<void>((done) => {
            release = done;
            entered();
          }),
      );
    });
  const letGo = () => {
    if (pglite.isInTransaction()) return;
    const r = release;
    release = null;
    r?.();
  };
  const rollbackMessage = () => {
    const text = Buffer.from('ROLLBACK\0');
    const msg = Buffer.alloc(5 + text.length);
    msg.write('Q', 0);
    msg.writeInt32BE(4 + text.length, 1);
    text.copy(msg, 5);
    return new Uint8Array(msg);
  };
  return new Proxy(pglite, {
    get(target, prop, receiver) {
      if (prop === 'runExclusive') {
        return async <T>(fn: () => Promise<T>): Promise<T> => {
          if (!release) await hold();
          try {
            return await target.runExclusive(fn);
          } finally {
            letGo();
          }
        };
      }
      if (prop === 'exec') {
        // Used by the socket server only to roll back a disconnected client's transaction, under our gate.
        return async () => {
          if (!release) await hold();
          try {
            await target.runExclusive(() => target.execProtocolRaw(rollbackMessage()));
            return [];
          } finally {
            letGo();
          }
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Serves the embedded database to local CLI processes; only the data dir's owner can reach the socket. */
export async function shareOverSocket(dataDir: string, pglite: PGlite): Promise<{ stop(): Promise<void> }> {
  const dir = socketDirOf(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const socketPath = path.join(dir, `.s.PGSQL.${SOCKET_PORT}`);
  rmSync(socketPath, { force: true });
  const server = new PGLiteSocketServer({
    db: gateSocketTransactions(pglite),
    path: socketPath,
    maxConnections: 8,
  });
  await server.start();
  writeFileSync(
    lockPath(dataDir),
    JSON.stringify({ pid: process.pid, role: 'server', socketDir: dir } satisfies DataDirLock),
  );
  return { stop: () => server.stop() };
}

/** A libpq-style connection string for a server's socket (pg connects over Unix sockets via `host=<dir>`). */
export function socketUrl(socketDir: string): string {
  return `postgres://postgres@/postgres?host=${encodeURIComponent(socketDir)}&port=${SOCKET_PORT}`;
}
