import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { none } from 'stream-chain';
import fun from 'stream-chain/fun.js';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import { type Candidate, type Normalized, toItem } from './fields.ts';
import { FormatError } from './head.ts';
import type { ParsedRow } from './types.ts';

const PIECE_BYTES = 4096;

/** Turns one JSON record (already known to be an object) into a candidate: generic, Zendesk or Intercom. */
export type RecordMapper = (record: Record<string, unknown>) => Candidate;

/** JSON Lines: one record per line; a line that is not a JSON object is an error row, the next line goes on. */
export async function* readJsonLines(input: Readable, toCandidate: RecordMapper): AsyncGenerator<ParsedRow> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    yield { line, ...fromLine(text, toCandidate) };
  }
}

function fromLine(text: string, toCandidate: RecordMapper): Normalized {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `not valid JSON: ${(err as Error).message}` };
  }
  return isRecord(value) ? toItem(toCandidate(value)) : { error: `not a JSON object but ${kindOf(value)}` };
}

/**
 * A JSON array of records, at the top or under one of `wrappers` ({"tickets": [...]}), read with stream-json:
 * records are assembled one at a time and everything else is skipped token by token, so neither the array nor
 * a sideloaded list ("users": [...]) is ever held in memory. The stages run as plain functions over 4 KB
 * pieces, so a syntax error is thrown (as a FormatError) only after the records of earlier pieces were handed
 * over. Positions are record numbers: stream-json does not report lines.
 */
export async function* readJsonArray(
  input: Readable,
  wrappers: readonly string[],
  toCandidate: RecordMapper,
): AsyncGenerator<ParsedRow> {
  const shape = new ArrayShape(wrappers);
  const assembled: unknown[] = [];
  const feed = fun(
    parser({ packValues: true, streamValues: false }),
    pick({ filter: (stack, token) => shape.isRecord(stack, token.name) }),
    streamValues(),
    ({ value }: { value: unknown }) => {
      assembled.push(value);
      return none;
    },
  ) as unknown as (chunk: Buffer | typeof none) => unknown;
  let count = 0;
  function* handOver(): Generator<ParsedRow> {
    for (const value of assembled.splice(0)) {
      count++;
      yield { line: count, ...fromValue(count, value, toCandidate) };
    }
  }
  for await (const chunk of input as AsyncIterable<Buffer>) {
    // stream-json tokenises a whole piece before its records are assembled, so a syntax error loses the
    // records of its piece: small pieces keep that loss, and the "after record N" of the message, close.
    for (let start = 0; start < chunk.length; start += PIECE_BYTES) {
      const failure = await attempt(() => feed(chunk.subarray(start, start + PIECE_BYTES)));
      yield* handOver();
      if (failure) throw asFormatError(failure, count);
    }
  }
  const failure = await attempt(() => feed(none));
  yield* handOver();
  if (failure) throw asFormatError(failure, count);
  shape.assertFound();
}

async function attempt(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (err) {
    return err ?? new Error('unknown error');
  }
}

function asFormatError(err: unknown, records: number): FormatError {
  if (err instanceof FormatError) return err;
  return new FormatError(`not valid JSON after record ${records}: ${(err as Error).message}`);
}

function fromValue(n: number, value: unknown, toCandidate: RecordMapper): Normalized {
  if (!isRecord(value)) return { error: `record ${n}: not a JSON object but ${kindOf(value)}` };
  const result = toItem(toCandidate(value));
  return 'error' in result ? { error: `record ${n}: ${result.error}` } : result;
}

/** Watches the top of the document go by and says which values are records. */
class ArrayShape {
  private root: string | undefined;
  private wrapper: string | undefined;
  private readonly keys: string[] = [];

  constructor(private readonly wrappers: readonly string[]) {}

  isRecord(stack: readonly (string | number | null)[], token: string): boolean {
    if (stack.length === 0) {
      this.root = token;
      if (token !== 'startArray' && token !== 'startObject') {
        throw new FormatError('expected a JSON array or object at the top of the file');
      }
      return false;
    }
    if (this.root === 'startArray') return stack.length === 1;
    if (stack.length === 1) {
      this.noteKey(String(stack[0]), token);
      return false;
    }
    return stack.length === 2 && stack[0] === this.wrapper && typeof stack[1] === 'number';
  }

  private noteKey(key: string, token: string): void {
    if (this.keys.length < 20) this.keys.push(key);
    if (this.wrapper === undefined && token === 'startArray' && this.wrappers.includes(key))
      this.wrapper = key;
  }

  assertFound(): void {
    if (this.root === undefined) throw new FormatError('the file holds no JSON value');
    if (this.root === 'startObject' && this.wrapper === undefined) {
      const expected = this.wrappers.map((w) => `"${w}"`).join(' or ');
      const found = this.keys.length > 0 ? this.keys.join(', ') : 'none';
      throw new FormatError(
        `expected a JSON array of records, or an object with ${expected} holding one; found keys: ${found}`,
      );
    }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
