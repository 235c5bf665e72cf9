/**
 * The web app's "now": the browser's clock corrected by the server's. The server stamps every response with its
 * request's instant (its `Date` header, to the second) and the boot call `/me` carries that instant precisely
 * (`now`), so the pages agree with the server on what is due, late or this week, even when the browser's clock is
 * off or the server runs at an instant a test set. This file is the only one in src/web that reads the browser's
 * clock (the layer check says so).
 */

/** The browser's own clock. Pages use `now()`; only the API client times its requests with this. */
export const browserNow = (): number => Date.now();

/**
 * What one response says about the server's clock: its instant lies in [serverFrom, serverTo] (a `Date` header
 * says only the second) and was taken between the browser's sentAt and receivedAt.
 */
export interface ServerTimeSample {
  serverFrom: number;
  serverTo: number;
  sentAt: number;
  receivedAt: number;
}

/** The server-minus-browser offsets (ms) consistent with what the responses said so far. */
export interface OffsetRange {
  lo: number;
  hi: number;
}

/**
 * Narrows the range by one sample. A sample that contradicts the range means one of the clocks moved (the
 * server's was set, the browser's was adjusted): the range starts again from that sample.
 */
export function narrowOffset(range: OffsetRange | null, s: ServerTimeSample): OffsetRange {
  const fresh = { lo: s.serverFrom - s.receivedAt, hi: s.serverTo - s.sentAt };
  if (!range) return fresh;
  const lo = Math.max(range.lo, fresh.lo);
  const hi = Math.min(range.hi, fresh.hi);
  return lo <= hi ? { lo, hi } : fresh;
}

/** The offset to add to the browser's clock: the middle of the range, whole milliseconds. */
export const offsetOf = (range: OffsetRange | null): number =>
  range ? Math.round((range.lo + range.hi) / 2) : 0;

/** A sample from a response's `Date` header (HTTP dates are whole seconds); null if there is none. */
export function sampleOfDateHeader(
  header: string | null,
  sentAt: number,
  receivedAt: number,
): ServerTimeSample | null {
  const at = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(at) ? null : { serverFrom: at, serverTo: at + 999, sentAt, receivedAt };
}

/** A sample from an exact server instant (an ISO string); null if it is not one. */
export function sampleOfInstant(iso: string, sentAt: number, receivedAt: number): ServerTimeSample | null {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : { serverFrom: at, serverTo: at, sentAt, receivedAt };
}

let range: OffsetRange | null = null;

/** The API client reports what each response said about the server's clock. */
export function observeServerTime(sample: ServerTimeSample | null): void {
  if (sample) range = narrowOffset(range, sample);
}

/** Forgets every sample (tests). */
export function resetServerTime(): void {
  range = null;
}

/** Now, in milliseconds since the epoch, by the server's clock as best the browser knows it. */
export const now = (): number => browserNow() + offsetOf(range);
