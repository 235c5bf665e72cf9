/**
 * Feedback file importers: CSV, JSON, JSON Lines, Zendesk and Intercom exports → `IncomingItem`s, streamed.
 *
 * - `parseFeedback(input, {format})` yields `{line, item}` or `{line, error}` one record at a time, reading
 *   the file only as fast as the caller pulls (use `inBatches` for bulk writes). Bad rows are error rows and
 *   reading goes on; a file that is not the declared format at all throws a `FormatError`.
 * - `line`: CSV, the line the record starts on (header = 1); JSON Lines, the line; a JSON array (json,
 *   Zendesk, Intercom JSON), the record number, and the error text starts with "record N".
 * - `detectFormat(fileName, head)` with the first bytes (`peekHead` reads them without losing them).
 */
export { inBatches } from './batches.ts';
export { detectFormat } from './detect.ts';
export { FormatError, HEAD_BYTES, peekHead } from './head.ts';
export { parseFeedback } from './parse.ts';
export type { FeedbackFormat, FeedbackInput, IncomingItem, ParsedRow, ParseOptions } from './types.ts';
