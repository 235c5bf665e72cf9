import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IncomingItem } from '../../integrations/importers/index.ts';
import { type TaggedItem, tagBatch, tagBatchForCopy } from './tag-batch.ts';
import { makeTagger, type Tagger, type TaggerConfig } from './tagging.ts';

/** Tags batches; `T` is what a batch comes back as (tagged items inline, COPY rows from the pool). */
export interface BatchTagger<T> {
  tag(items: IncomingItem[]): Promise<T>;
  /** How many batches may be out being tagged at once: enough to keep every tagger busy, and no more. */
  depth: number;
  close(): Promise<void>;
}

/** On the calling thread: for small intakes (a webhook, the web form), where a thread costs more than it saves. */
export function inlineTagger(config: TaggerConfig): BatchTagger<TaggedItem[]> {
  const tagger = makeTagger(config);
  return { tag: async (items) => tagBatch(tagger, items), depth: 1, close: async () => {} };
}

interface Waiting {
  resolve: (rows: string) => void;
  reject: (e: Error) => void;
}

/** One tagging thread, ready once its tagger is built. */
async function startWorker(config: TaggerConfig, waiting: Map<number, Waiting>, fail: (e: Error) => void) {
  const worker = new Worker(new URL('./tag-worker.mjs', import.meta.url), { workerData: config });
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', function ready(m: { ready?: boolean }) {
      if (!m.ready) return;
      worker.off('message', ready);
      worker.off('error', reject);
      resolve();
    });
  });
  worker.on('message', (m: { id: number; rows: string }) => {
    waiting.get(m.id)?.resolve(m.rows);
    waiting.delete(m.id);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`a tagging worker stopped (exit ${code})`)));
  return worker;
}

/**
 * Tagging for bulk file imports, as COPY rows (tag-batch.ts): on a pool of worker threads, one per core, started
 * with the first batch of `full` items; a file too small to fill one is tagged on the calling thread, where
 * starting threads would cost more than they save. Batches go round the workers in turn; a caller that awaits
 * them in the order it sent them writes them in file order.
 */
export function bulkTagger(config: TaggerConfig, full: number): BatchTagger<string> {
  const size = os.availableParallelism();
  let pool: Promise<BatchTagger<string>> | undefined;
  let inline: Tagger | undefined;
  return {
    tag(items) {
      if (!pool && items.length < full) {
        inline ??= makeTagger(config);
        return Promise.resolve(tagBatchForCopy(inline, items));
      }
      pool ??= workerPool(config, size);
      return pool.then((p) => p.tag(items));
    },
    depth: size + 1,
    close: async () => (await pool?.catch(() => undefined))?.close(),
  };
}

async function workerPool(config: TaggerConfig, size: number): Promise<BatchTagger<string>> {
  const waiting = new Map<number, Waiting>();
  let failure: Error | null = null;
  const fail = (err: Error) => {
    failure = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const started = await Promise.allSettled(
    Array.from({ length: size }, () => startWorker(config, waiting, fail)),
  );
  const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw failed.reason;
  }
  let next = 0;
  return {
    tag(items) {
      if (failure) return Promise.reject(failure);
      next += 1;
      const id = next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, items });
      });
    },
    // Every worker busy, plus one batch queued behind them so none waits for the main thread to parse.
    depth: size + 1,
    async close() {
      for (const w of workers) w.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
