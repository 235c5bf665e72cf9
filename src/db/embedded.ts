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

/** Serves the embedded database to local CLI processes; only the data dir's owner can reach the socket. */
export async function shareOverSocket(dataDir: string, pglite: PGlite): Promise<{ stop(): Promise<void> }> {
  const dir = socketDirOf(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const socketPath = path.join(dir, `.s.PGSQL.${SOCKET_PORT}`);
  rmSync(socketPath, { force: true });
  const server = new PGLiteSocketServer({ db: pglite, path: socketPath });
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
