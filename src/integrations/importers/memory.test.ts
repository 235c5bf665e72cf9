import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBatches } from './batches.ts';
import { writeFeedbackFile } from './generate.ts';
import { parseFeedback } from './parse.ts';
import type { FeedbackFormat } from './types.ts';

const MB = 1024 * 1024;

/** gc() without --expose-gc on the command line: the flag can be turned on at run time for a new context. */
function findGc(): (() => void) | undefined {
  const global = globalThis as { gc?: () => void };
  if (typeof global.gc === 'function') return global.gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

const gc = findGc();

/** Heap after a full collection when we can collect, else RSS (coarser, so it gets a wider bound). */
function memory(): number {
  if (!gc) return process.memoryUsage().rss;
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Parses a generated file batch by batch, as an import would, and compares memory at 10% of the rows with
 * memory at 90% (while the parser is still alive: a leak inside it is caught before it is released) and after.
 */
async function parseAndMeasure(path: string, format: FeedbackFormat, rows: number) {
  let items = 0;
  let errors = 0;
  let atTenth = 0;
  let atNinetieth = 0;
  const started = performance.now();
  for await (const batch of inBatches(parseFeedback(createReadStream(path), { format }), 1000)) {
    for (const row of batch) {
      if ('item' in row) items++;
      else errors++;
    }
    if (!atTenth && items >= rows / 10) atTenth = memory();
    if (!atNinetieth && items >= (rows * 9) / 10) atNinetieth = memory();
  }
  const seconds = (performance.now() - started) / 1000;
  const atEnd = memory();
  const size = (await stat(path)).size / MB;
  const growth = (Math.max(atNinetieth, atEnd) - atTenth) / MB;
  console.log(
    `${format}: ${rows} rows, ${size.toFixed(0)} MB in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s; ` +
      `${gc ? 'heap after gc' : 'rss'} at 10% ${(atTenth / MB).toFixed(1)} MB, at 90% ${(atNinetieth / MB).toFixed(1)} MB, after ${(atEnd / MB).toFixed(1)} MB`,
  );
  return { items, errors, growth };
}

describe('constant memory', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prodops-importers-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const bound = gc ? 16 : 50;

  it(`parses a ~100 MB CSV with memory growing less than ${bound} MB between 10% and 90%`, async () => {
    const path = join(dir, 'feedback.csv');
    const rows = await writeFeedbackFile(path, 100 * MB, 'csv');
    const { items, errors, growth } = await parseAndMeasure(path, 'csv', rows);
    expect({ items, errors }).toEqual({ items: rows, errors: 0 });
    expect(growth).toBeLessThan(bound);
  });

  it('parses JSON Lines and a Zendesk JSON export in constant memory too', async () => {
    for (const format of ['jsonl', 'zendesk'] as const) {
      const path = join(dir, `feedback.${format}`);
      const rows = await writeFeedbackFile(path, 40 * MB, format);
      const { items, errors, growth } = await parseAndMeasure(path, format, rows);
      expect({ format, items, errors }).toEqual({ format, items: rows, errors: 0 });
      expect(growth).toBeLessThan(bound);
    }
  });
});
