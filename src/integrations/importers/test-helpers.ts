import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { ParsedRow } from './types.ts';

export function fixture(name: string): Readable {
  return createReadStream(fixturePath(name));
}

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** A stream of `content` cut into chunks of `chunkSize` bytes, to put line breaks and characters on chunk edges. */
export function streamOf(content: string | Buffer, chunkSize = 64 * 1024): Readable {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks, { objectMode: false });
}

export async function collect(rows: AsyncIterable<ParsedRow>): Promise<ParsedRow[]> {
  const all: ParsedRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

/** An item with every optional field empty, overridden by `fields`. */
export function item(fields: Partial<Extract<ParsedRow, { item: unknown }>['item']>) {
  return {
    externalId: '',
    title: '',
    body: '',
    occurredAt: '',
    customer: null,
    segment: null,
    evidenceType: null,
    severityHint: null,
    kindHint: null,
    tags: [],
    url: null,
    ...fields,
  };
}
