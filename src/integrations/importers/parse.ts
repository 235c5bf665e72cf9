import type { Readable } from 'node:stream';
import { delimiterOf, readCsv } from './csv.ts';
import { containerOf, WRAPPERS } from './detect.ts';
import { assertText, FormatError, headText, peekHead } from './head.ts';
import { type RecordMapper, readJsonArray, readJsonLines } from './json.ts';
import { githubCandidate, jiraCandidate, linearCandidate, TRACKER_CSV_ID } from './trackers.ts';
import type { FeedbackFormat, FeedbackInput, ParsedRow, ParseOptions } from './types.ts';
import { genericCandidate, intercomCandidate, zendeskCandidate } from './vendors.ts';

const MAPPERS: Record<FeedbackFormat, RecordMapper> = {
  csv: genericCandidate,
  json: genericCandidate,
  jsonl: genericCandidate,
  zendesk: zendeskCandidate,
  intercom: intercomCandidate,
  jira: jiraCandidate,
  linear: linearCandidate,
  github: githubCandidate,
};

/**
 * Streams a feedback file as normalised items and per-row errors, in file order, holding one record at a
 * time: pull rows at your pace (the file is read as you go). A row that cannot be used is an error row
 * and reading goes on; a file that is not the declared format at all throws a FormatError.
 *
 * json and jsonl accept either container (a JSON array / wrapped object, or JSON Lines); Zendesk and Intercom
 * exports may be JSON, JSON Lines or CSV: the container is read from the first bytes.
 */
export async function* parseFeedback(input: FeedbackInput, opts: ParseOptions): AsyncGenerator<ParsedRow> {
  const { head, stream } = await peekHead(input);
  try {
    assertText(head);
    yield* readRecords(stream, headText(head), opts);
  } finally {
    stream.destroy();
  }
}

function readRecords(stream: Readable, head: string, { format, fileName = '' }: ParseOptions) {
  const container = containerOf(fileName, head);
  if (container === 'csv') {
    if (format === 'json' || format === 'jsonl') {
      throw new FormatError(`expected ${format.toUpperCase()}, but the file starts with ${preview(head)}`);
    }
    if (format === 'jira' || format === 'linear')
      return readCsv(stream, delimiterOf(head), {
        idColumn: TRACKER_CSV_ID[format],
        toCandidate: MAPPERS[format],
      });
    return readCsv(stream, delimiterOf(head));
  }
  if (format === 'csv') throw new FormatError(`expected CSV, but the file starts with ${preview(head)}`);
  const mapper = MAPPERS[format];
  return container === 'jsonl'
    ? readJsonLines(stream, mapper)
    : readJsonArray(stream, WRAPPERS[format], mapper);
}

function preview(head: string): string {
  return JSON.stringify(head.trimStart().slice(0, 30));
}
