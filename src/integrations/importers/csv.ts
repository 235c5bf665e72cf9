import { pipeline, type Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { ALIASES, aliasOf, type Candidate, type FieldKey, isBlank, toItem } from './fields.ts';
import { FormatError } from './head.ts';
import type { RecordMapper } from './json.ts';
import { LineEnds } from './line-ends.ts';
import type { ParsedRow } from './types.ts';

/** A record longer than this is refused (an unclosed quote would otherwise read the whole file as one field). */
const MAX_RECORD_BYTES = 10_000_000;

interface Column {
  name: string;
  index: number;
  rank: number;
}

type Columns = [FieldKey, Column[]][];

/** A record csv-parse skipped: where it sat among the records it emitted, and the line it ended on. */
interface Skipped {
  after: number;
  endLine: number;
  error: CsvError;
}

/**
 * Streams CSV records as items. The first record is the header; a row csv-parse cannot read (more fields than
 * the header, an unclosed quote) becomes an error row and reading goes on.
 *
 * Line numbers are counted here rather than taken from csv-parse's `info` option, which costs a third of its
 * speed: every line belongs to exactly one record (blank lines arrive as one empty field, skipped records are
 * reported with the line they end on), so a record starts one line after the previous one ended.
 */
export async function* readCsv(
  input: Readable,
  delimiter: string,
  vendor?: VendorCsv,
): AsyncGenerator<ParsedRow> {
  const skipped: Skipped[] = [];
  const parser = parse({
    bom: true,
    delimiter,
    relax_quotes: true,
    // Spreadsheets drop trailing empty cells; a row with more cells than the header is shifted data.
    relax_column_count_less: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    on_skip: (error) => {
      if (error) skipped.push({ after: Number(error.records), endLine: Number(error.lines), error });
    },
  });
  pipeline(input, new LineEnds(), parser, () => {});
  let columns: Columns | undefined;
  let header: string[] = [];
  let headerLength = 0;
  let records = 0;
  let lastEnd = 0;
  const skippedSoFar = function* (): Generator<ParsedRow> {
    while (skipped.length > 0 && skipped[0]!.after <= records) {
      const { endLine, error } = skipped.shift()!;
      yield { line: lastEnd + 1, error: skipReason(error, headerLength) };
      lastEnd = Math.max(lastEnd + 1, endLine);
    }
  };
  for await (const record of parser as AsyncIterable<string[]>) {
    yield* skippedSoFar();
    records++;
    const line = lastEnd + 1;
    lastEnd = line + newlines(record);
    if (record.every((cell) => cell.trim() === '')) continue;
    if (!columns) {
      header = record.map((name) => name.trim());
      columns = vendor ? vendorColumns(header, vendor) : columnsOf(header);
      headerLength = record.length;
      continue;
    }
    if (!vendor) {
      yield { line, ...toItem(candidateOf(record, columns)) };
      continue;
    }
    const candidate = vendor.toCandidate(recordOf(header, record));
    if (candidate) yield { line, ...toItem(candidate) };
  }
  yield* skippedSoFar();
  if (!columns) throw new FormatError('the CSV file has no header row');
}

function skipReason(error: CsvError, headerLength: number): string {
  const { record } = error as CsvError & { record?: unknown };
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return `${Array.isArray(record) ? record.length : 'too many'} fields where the header has ${headerLength} (an unquoted delimiter in the text?)`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote opened in this row is never closed: the rest of the file could not be read';
    case 'CSV_MAX_RECORD_SIZE':
      return `the row is longer than ${MAX_RECORD_BYTES} bytes (an unclosed quote?)`;
    default:
      return `not valid CSV: ${error.message}`;
  }
}

function newlines(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count++;
  }
  return count;
}

/** Which columns feed which field, best alias first; refuses a header without id, date and some text. */
export function columnsOf(header: string[]): Columns {
  const byField = new Map<FieldKey, Column[]>();
  header.forEach((name, index) => {
    const alias = aliasOf(name);
    if (!alias) return;
    const list = byField.get(alias.field) ?? [];
    list.push({ name, index, rank: alias.rank });
    byField.set(alias.field, list);
  });
  const missing = missingColumns(byField);
  if (missing.length > 0) {
    throw new FormatError(`CSV header has no ${missing.join(', no ')} column; found: ${header.join(', ')}`);
  }
  return [...byField].map(([field, list]) => [field, list.sort((a, b) => a.rank - b.rank)]);
}

function missingColumns(byField: Map<FieldKey, Column[]>): string[] {
  const named = (field: FieldKey) =>
    `${field === 'occurredAt' ? 'date' : field} (${ALIASES[field].join('/')})`;
  const missing: string[] = [];
  if (!byField.has('id')) missing.push(named('id'));
  if (!byField.has('occurredAt')) missing.push(named('occurredAt'));
  if (!byField.has('title') && !byField.has('body'))
    missing.push(`text (${named('title')} or ${named('body')})`);
  return missing;
}

/** A tracker's own CSV export, read by its mapper: the column it always has, and the mapper. */
export interface VendorCsv {
  idColumn: string;
  toCandidate: RecordMapper;
}

function vendorColumns(header: string[], vendor: VendorCsv): Columns {
  if (!header.includes(vendor.idColumn))
    throw new FormatError(
      `CSV header has no "${vendor.idColumn}" column (the export has one); found: ${header.join(', ')}`,
    );
  return [];
}

/** A row as a record by column name; a name the export repeats (Jira's "Labels") holds the list of its values. */
function recordOf(header: string[], row: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  header.forEach((name, i) => {
    const value = row[i] ?? '';
    const seen = record[name];
    if (seen === undefined) record[name] = value;
    else record[name] = [...(Array.isArray(seen) ? seen : [seen]), value];
  });
  return record;
}

function candidateOf(record: string[], columns: Columns): Candidate {
  const candidate: Candidate = {};
  for (const [field, list] of columns) {
    const column = list.find((c) => !isBlank(record[c.index])) ?? list[0]!;
    candidate[field] = { name: column.name, value: record[column.index] ?? '' };
  }
  return candidate;
}

/** The delimiter the header line uses most: comma, semicolon (European Excel) or tab. */
export function delimiterOf(headText: string): string {
  const firstLine = headText.split('\n', 1)[0]!.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}
