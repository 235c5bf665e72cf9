import os from 'node:os';
import { targetOf } from '../boot/main.ts';
import { loadConfig } from '../config/env.ts';
import { type Database, type DatabaseTarget, openDatabase, runMigrations } from '../db/client.ts';
import { acquireLock, readLock, releaseLock, socketUrl } from '../db/embedded.ts';
import { type Actor, systemActor } from '../services/actor.ts';
import { ensureOrgDefaults } from '../services/org/defaults.ts';
import { systemClock } from '../shared/clock.ts';

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
