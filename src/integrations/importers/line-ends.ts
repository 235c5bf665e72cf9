import { Transform, type TransformCallback } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;

/**
 * Turns CRLF and lone CR into LF before csv-parse sees the bytes. csv-parse counts "\r\n" inside a quoted
 * field as two lines (its `info.lines` drifts by one per Windows line break in a multi-line body), and the
 * line a record starts on is what a user needs to find a bad row. CR and LF never occur inside a multi-byte
 * UTF-8 sequence, so working on bytes is safe.
 */
export class LineEnds extends Transform {
  private lastWasCr = false;

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const start = this.lastWasCr && bytes[0] === LF ? 1 : 0;
    this.lastWasCr = bytes.length > 0 && bytes[bytes.length - 1] === CR;
    if (bytes.indexOf(CR, start) === -1) {
      done(null, start === 0 ? bytes : bytes.subarray(start));
      return;
    }
    done(null, withLfOnly(bytes, start));
  }
}

function withLfOnly(bytes: Buffer, start: number): Buffer {
  const out = Buffer.allocUnsafe(bytes.length - start);
  let written = 0;
  let from = start;
  for (let cr = bytes.indexOf(CR, from); cr !== -1; cr = bytes.indexOf(CR, from)) {
    written += bytes.copy(out, written, from, cr);
    out[written++] = LF;
    from = bytes[cr + 1] === LF ? cr + 2 : cr + 1;
  }
  written += bytes.copy(out, written, from);
  return out.subarray(0, written);
}
