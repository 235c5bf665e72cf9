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

/**
 * Turns one JSON record (already known to be an object) into a candidate: generic or a vendor's; null when the
 * record is not feedback at all (a GitHub pull request in an issues list) and is passed over.
 */
export type RecordMapper = (record: Record<string, unknown>) => Candidate | null;

/** JSON Lines: one record per line; a line that is not a JSON object is an error row, the next line goes on. */
export async function* readJsonLines(input: Readable, toCandidate: RecordMapper): AsyncGenerator<ParsedRow> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    const row = fromLine(text, toCandidate);
    if (row) yield { line, ...row };
  }
}

function fromLine(text: string, toCandidate: RecordMapper): Normalized | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `not valid JSON: ${(err as Error).message}` };
  }
  if (!isRecord(value)) return { error: `not a JSON object but ${kindOf(value)}` };
  const candidate = toCandidate(value);
  return candidate ? toItem(candidate) : null;
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
      const row = fromValue(count, value, toCandidate);
      if (row) yield { line: count, ...row };
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

function fromValue(n: number, value: unknown, toCandidate: RecordMapper): Normalized | null {
  if (!isRecord(value)) return { error: `record ${n}: not a JSON object but ${kindOf(value)}` };
  const candidate = toCandidate(value);
  if (!candidate) return null;
  const result = toItem(candidate);
  return 'error' in result ? { error: `record ${n}: ${result.error}` } : result;
}

/** Watches the top of the document go by and says which values are records. */
class ArrayShape {
  private root: string | undefined;
  private wrapper: string[] | undefined;
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
    if (stack.length === 1) this.noteKey(String(stack[0]));
    if (this.wrapper === undefined) {
      // A wrapper is a path of keys ("tickets", or "data.issues.nodes" for a GraphQL answer).
      if (token === 'startArray' && this.wrappers.includes(stack.join('.'))) this.wrapper = stack.map(String);
      return false;
    }
    const depth = this.wrapper.length;
    return (
      stack.length === depth + 1 &&
      typeof stack[depth] === 'number' &&
      this.wrapper.every((key, i) => stack[i] === key)
    );
  }

  private noteKey(key: string): void {
    if (this.keys.length < 20 && !this.keys.includes(key)) this.keys.push(key);
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
