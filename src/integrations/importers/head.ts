import { Readable } from 'node:stream';
import type { FeedbackInput } from './types.ts';

export const HEAD_BYTES = 256 * 1024;

export class FormatError extends Error {
  override name = 'FormatError';
}

/**
 * Reads the first bytes of `input` (to detect the format and the container) and gives back a stream that
 * still starts at byte 0, so nothing is read twice and the rest keeps its backpressure.
 */
export async function peekHead(
  input: FeedbackInput,
  bytes = HEAD_BYTES,
): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    size += chunk.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* chunks;
    chunks.length = 0;
    if (ended) return;
    // yield* hands return() on to the source, so destroying our stream stops reading the file.
    yield* { [Symbol.asyncIterator]: () => iterator } as AsyncIterable<Buffer>;
  }
  return { head: Buffer.concat(chunks), stream: Readable.from(replay(), { objectMode: false }) };
}

const ZIP = Buffer.from('PK\u0003\u0004');

/** Refuses what is not UTF-8 text before a parser turns it into a thousand row errors. */
export function assertText(head: Buffer): void {
  if (head.length === 0) throw new FormatError('the file is empty');
  if (head.subarray(0, 4).equals(ZIP)) {
    throw new FormatError('this is a ZIP archive (an Excel workbook?), not text: export it as CSV or JSON');
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new FormatError('the file is UTF-16 text: save it as UTF-8');
  }
  if (head.includes(0)) throw new FormatError('this is not a text file (it contains NUL bytes)');
}

/** The head as text without a UTF-8 byte order mark. */
export function headText(head: Buffer): string {
  return head.toString('utf8').replace(/^\uFEFF/, '');
}
