import os from 'node:os';
import type { Database, DatabaseTarget } from '../db/client.ts';
import { withoutNamedStatements } from '../db/prepared.ts';
import { type Actor, systemActor } from '../services/actor.ts';

/** The CLI's admin commands act as an admin named after the OS user, and the audit log says so. */
export function cliActor(): Actor {
  return systemActor(`cli:${os.userInfo().username}@${os.hostname()}`);
}

/**
 * Runs an admin command on the database directly: PostgreSQL with DATABASE_URL; else the data dir, through
 * the running server's socket if there is one, or opened here (and locked) if not.
 */
export async function withAdminDb<T>(
  fn: (database: Database, target: DatabaseTarget) => Promise<T>,
  opts: { migrate?: boolean; defaults?: boolean; refuseRunningServer?: string } = {},
): Promise<T> {
  // Loaded here, not above: `prodops --help` and the commands that talk to a server never need them.
  const [
    { targetOf },
    { loadConfig },
    { openDatabase, runMigrations },
    embedded,
    { ensureOrgDefaults },
    { systemClock },
  ] = await Promise.all([
    import('../boot/main.ts'),
    import('../config/env.ts'),
    import('../db/client.ts'),
    import('../db/embedded.ts'),
    import('../services/org/defaults.ts'),
    import('../shared/clock.ts'),
  ]);
  const { acquireLock, readLock, releaseLock, socketUrl } = embedded;
  const config = loadConfig();
  if (!config.databaseUrl) {
    const holder = readLock(config.dataDir);
    if (holder?.role === 'server' && holder.socketDir) {
      if (opts.refuseRunningServer)
        throw new Error(
          `prodops: the server (pid ${holder.pid}) is running on ${config.dataDir}: ${opts.refuseRunningServer}`,
        );
      // The running server migrated at its start; its database is reached like a PostgreSQL server.
      const viaSocket: DatabaseTarget = { kind: 'postgres', url: socketUrl(holder.socketDir), poolSize: 1 };
      // The server's one database session is shared with every other CLI process (see db/prepared.ts).
      withoutNamedStatements();
      const database = await openDatabase(viaSocket);
      try {
        return await fn(database, viaSocket);
      } finally {
        await database.close();
      }
    }
    const lock = acquireLock(config.dataDir, 'cli');
    if (!lock.ok)
      throw new Error(
        `${config.dataDir} is in use by another prodops process (pid ${lock.holder.pid}); try again when it ends`,
      );
  }
  const target: DatabaseTarget = { ...targetOf(config), ...(config.databaseUrl ? { poolSize: 2 } : {}) };
  const database = await openDatabase(target);
  try {
    if (opts.migrate !== false) {
      await runMigrations(target, database);
      if (opts.defaults !== false) await ensureOrgDefaults(database.db, systemClock.now());
    }
    return await fn(database, target);
  } finally {
    await database.close();
    if (!config.databaseUrl) releaseLock(config.dataDir);
  }
}
