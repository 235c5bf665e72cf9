import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { TRACKER_KINDS } from '../../shared/trackers.ts';
import { inScope } from '../scope.ts';
import { trackerConnection } from './connection.ts';
import { type SyncDeps, syncAllTrackers } from './sync.ts';

/**
 * The periodic tracker sync (pg-boss, every 15 minutes), each connected tracker in turn: nothing to do without a
 * connection with a token; a failing tracker is logged and recorded on its connection, never thrown at the queue
 * (the next run retries).
 */
export async function syncTrackersJob(o: {
  db: Db;
  clock: Clock;
  log: (msg: string, err?: unknown) => void;
  sleep?: SyncDeps['sleep'];
  /** PRODOPS_WEBHOOK_ALLOW_PRIVATE: private hosts/ranges the trackers may be on. */
  allowPrivate?: SyncDeps['allowPrivate'];
}): Promise<void> {
  for (const kind of TRACKER_KINDS) {
    const conn = await trackerConnection(o.db, kind);
    if (!conn?.token) continue;
    await inScope(async () => {
      const deps = {
        db: o.db,
        clock: o.clock,
        ...(o.sleep ? { sleep: o.sleep } : {}),
        ...(o.allowPrivate ? { allowPrivate: o.allowPrivate } : {}),
      };
      const out = await syncAllTrackers(deps, kind);
      if (out.errors.length) o.log(`tracker sync (${kind}): ${out.errors.join('; ')}`);
    });
  }
}
