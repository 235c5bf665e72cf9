import { parentPort, workerData } from 'node:worker_threads';
import type { IncomingItem } from '../../integrations/importers/index.ts';
import { tagBatchForCopy } from './tag-batch.ts';
import { makeTagger, type TaggerConfig } from './tagging.ts';

/** A worker thread's side of tag-pool.ts: one tagger, built from the config it was started with. */
const tagger = makeTagger(workerData as TaggerConfig);
parentPort!.on('message', (m: { id: number; items: IncomingItem[] }) => {
  parentPort!.postMessage({ id: m.id, rows: tagBatchForCopy(tagger, m.items) });
});
parentPort!.postMessage({ ready: true });
