/**
 * Importer throughput: `npm run bench:importers -- [MB]`. For ticket-length rows
 * (bodies up to 2,000 characters) and short ones (survey answers, up to 300), prints parseFeedback's rows/s
 * next to its baselines measured in the same run: bare csv-parse, bare readline + JSON.parse, and bare
 * stream-json for a Zendesk export.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { chain } from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { writeFeedbackFile } from '../src/integrations/importers/generate.ts';
import { parseFeedback } from '../src/integrations/importers/parse.ts';
import type { FeedbackFormat } from '../src/integrations/importers/types.ts';

const megabytes = Number(process.argv[2] ?? 50);
const dir = await mkdtemp(join(tmpdir(), 'prodops-importer-bench-'));
try {
  for (const [label, maxBody] of [
    ['ticket-length rows', 2_000],
    ['short rows', 300],
  ] as const) {
    const csv = join(dir, 'feedback.csv');
    const jsonl = join(dir, 'feedback.jsonl');
    const zendesk = join(dir, 'tickets.json');
    await writeFeedbackFile(csv, megabytes * 1e6, 'csv', maxBody);
    await writeFeedbackFile(jsonl, megabytes * 1e6, 'jsonl', maxBody);
    await writeFeedbackFile(zendesk, megabytes * 1e6, 'zendesk', maxBody);
    console.log(`\n${label}, ${megabytes} MB per file`);
    await measure('csv-parse alone (baseline)', csv, () => count(createReadStream(csv).pipe(parse()), 1));
    await measure('parseFeedback csv', csv, () => items(csv, 'csv'));
    await measure('readline + JSON.parse (baseline)', jsonl, () => countJsonLines(jsonl));
    await measure('parseFeedback jsonl', jsonl, () => items(jsonl, 'jsonl'));
    await measure('stream-json alone (baseline)', zendesk, () => count(streamTickets(zendesk), 0));
    await measure('parseFeedback zendesk (HTML bodies)', zendesk, () => items(zendesk, 'zendesk'));
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

async function items(path: string, format: FeedbackFormat): Promise<number> {
  let n = 0;
  for await (const row of parseFeedback(createReadStream(path), { format })) if ('item' in row) n++;
  return n;
}

async function count(rows: AsyncIterable<unknown>, header: number): Promise<number> {
  let n = 0;
  for await (const _ of rows) n++;
  return n - header;
}

async function countJsonLines(path: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    JSON.parse(line);
    n++;
  }
  return n;
}

function streamTickets(path: string): AsyncIterable<unknown> {
  return chain([
    createReadStream(path),
    parser({ packValues: true, streamValues: false }),
    pick({ filter: 'tickets' }),
    streamArray(),
  ]) as unknown as AsyncIterable<unknown>;
}

async function measure(label: string, path: string, run: () => Promise<number>): Promise<void> {
  const started = performance.now();
  const n = await run();
  const seconds = (performance.now() - started) / 1000;
  const mbPerSecond = (await stat(path)).size / 1e6 / seconds;
  console.log(
    `${label.padEnd(38)} ${String(Math.round(n / seconds)).padStart(8)} rows/s ${mbPerSecond.toFixed(0).padStart(4)} MB/s  (${n} rows)`,
  );
}
