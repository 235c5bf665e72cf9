import { Worker } from 'node:worker_threads';
import type { IncomingItem } from '../../integrations/importers/index.ts';
import { type TaggedItem, tagBatch } from './tag-batch.ts';
import { makeTagger, type TaggerConfig } from './tagging.ts';

export interface BatchTagger {
  tag(items: IncomingItem[]): Promise<TaggedItem[]>;
  close(): Promise<void>;
}

/** On the calling thread: for small intakes (a webhook, the web form), where a thread costs more than it saves. */
export function inlineTagger(config: TaggerConfig): BatchTagger {
  const tagger = makeTagger(config);
  return { tag: async (items) => tagBatch(tagger, items), close: async () => {} };
}

/**
 * Tagging on a worker thread: a bulk import parses and writes on the main thread while the worker tags the
 * next batch, so the two halves use both cores. Batches come back in the order they were sent.
 */
export async function workerTagger(config: TaggerConfig): Promise<BatchTagger> {
  const worker = new Worker(new URL('./tag-worker.mjs', import.meta.url), { workerData: config });
  const waiting = new Map<number, { resolve: (rows: TaggedItem[]) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  const fail = (err: Error) => {
    failure = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', function ready(m: { ready?: boolean }) {
      if (!m.ready) return;
      worker.off('message', ready);
      worker.off('error', reject);
      resolve();
    });
  });
  worker.on('message', (m: { id: number; rows: TaggedItem[] }) => {
    waiting.get(m.id)?.resolve(m.rows);
    waiting.delete(m.id);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the tagging worker stopped (exit ${code})`)));
  let next = 0;
  return {
    tag(items) {
      if (failure) return Promise.reject(failure);
      next += 1;
      const id = next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, items });
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
