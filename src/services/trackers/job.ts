import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { inScope } from '../scope.ts';
import { githubConnection } from './connection.ts';
import { type SyncDeps, syncAllTrackers } from './sync.ts';

/**
 * The periodic tracker sync (pg-boss, every 15 minutes): nothing to do without a connection with a token; a
 * failing tracker is logged and recorded on the connection, never thrown at the queue (the next run retries).
 */
export async function syncTrackersJob(o: {
  db: Db;
  clock: Clock;
  log: (msg: string, err?: unknown) => void;
  sleep?: SyncDeps['sleep'];
}): Promise<void> {
  const conn = await githubConnection(o.db);
  if (!conn?.token) return;
  await inScope(async () => {
    const out = await syncAllTrackers({ db: o.db, clock: o.clock, ...(o.sleep ? { sleep: o.sleep } : {}) });
    if (out.errors.length) o.log(`tracker sync: ${out.errors.join('; ')}`);
  });
}
