// `prodops insights classify` and `eval`: loaded when one runs, so `prodops --help` skips the tagger and CSV.
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import {
  builtinKindTagger,
  type Evaluation,
  type Example,
  evaluate,
  type Prediction,
  predict,
  trainClassifier,
} from '../../domain/insights/tagger/index.ts';
import { UserError } from '../user-error.ts';

/** Which CSV columns hold the text, the label and the id (as the user named them, or the defaults). */
interface ColumnOptions {
  textColumn?: string[];
  labelColumn?: string;
  idColumn?: string;
}

/** Column positions in one file's header. */
interface Layout {
  text: number[];
  label: number | null;
  id: number | null;
}

/** Finds a header cell by name: exactly, else ignoring case and surrounding spaces. */
function findColumn(header: string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = name.trim().toLowerCase();
  return header.findIndex((h) => h.trim().toLowerCase() === wanted);
}

function missing(file: string, header: string[], what: string): UserError {
  return new UserError(
    `prodops: ${file} has no ${what} (its header: ${header.map((h) => JSON.stringify(h)).join(', ') || 'empty'})`,
  );
}

/**
 * The positions of the columns `opts` names in `header`, for a labelled file (text + label) or an input file
 * (text + id); a UserError naming the column and the header when one is absent.
 */
function layout(file: string, header: string[], opts: ColumnOptions, role: 'labelled' | 'input'): Layout {
  const require = (name: string, flag: string) => {
    const at = findColumn(header, name);
    if (at < 0) throw missing(file, header, `column "${name}" (${flag})`);
    return at;
  };
  let text: number[];
  if (opts.textColumn?.length) text = opts.textColumn.map((c) => require(c, '--text-column'));
  else if (findColumn(header, 'text') >= 0) text = [findColumn(header, 'text')];
  else {
    text = ['title', 'body'].map((c) => findColumn(header, c)).filter((i) => i >= 0);
    if (text.length === 0)
      throw missing(
        file,
        header,
        'text column: name one with --text-column (default: text, else title and body)',
      );
  }
  if (role === 'labelled')
    return { text, label: require(opts.labelColumn ?? 'label', '--label-column'), id: null };
  const id = opts.idColumn ? require(opts.idColumn, '--id-column') : findColumn(header, 'id');
  return { text, label: null, id: id >= 0 ? id : null };
}

function textOf(record: string[], cols: number[]): string {
  return cols
    .map((i) => (record[i] ?? '').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The records of a CSV file as arrays, streamed (the first is the header; a UTF-8 BOM from Excel is dropped).
 * A file that cannot be read or parsed is the user's to fix: a UserError naming it (and csv-parse's line).
 */
async function* csvRecords(file: string): AsyncGenerator<string[]> {
  const input = createReadStream(file);
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
  input.on('error', (err: NodeJS.ErrnoException) =>
    parser.destroy(new UserError(`prodops: cannot read ${file}: ${err.code ?? err.message}`)),
  );
  try {
    yield* input.pipe(parser) as AsyncIterable<string[]>;
  } catch (err) {
    if (err instanceof CsvError) throw new UserError(`prodops: ${file} is not valid CSV: ${err.message}`);
    throw err;
  }
}

/** Every labelled row of a file (the training and test sets are held in memory; the input to classify is not). */
async function readLabelled(file: string, opts: ColumnOptions): Promise<Example[]> {
  const examples: Example[] = [];
  let cols: Layout | undefined;
  for await (const record of csvRecords(file)) {
    if (!cols) {
      cols = layout(file, record, opts, 'labelled');
      continue;
    }
    const label = (record[cols.label!] ?? '').trim();
    const text = textOf(record, cols.text);
    if (label && text) examples.push({ text, label });
  }
  if (!cols) throw new UserError(`prodops: ${file} is empty`);
  return examples;
}

type Classify = (text: string) => Prediction;

async function trainFrom(file: string, opts: ColumnOptions): Promise<Classify> {
  const examples = await readLabelled(file, opts);
  const labels = new Set(examples.map((e) => e.label));
  if (labels.size < 2)
    throw new UserError(
      `prodops: ${file} needs rows of at least two labels to learn from (found ${labels.size}: ${[...labels].join(', ') || 'none'})`,
    );
  const model = trainClassifier(examples);
  return (text) => predict(model, text);
}

/** Reads the input a record at a time and yields id,label,confidence rows: memory stays flat. */
async function* classifyRows(file: string, opts: ColumnOptions, classify: Classify) {
  let cols: Layout | undefined;
  let row = 0;
  yield ['id', 'label', 'confidence'];
  for await (const record of csvRecords(file)) {
    if (!cols) {
      cols = layout(file, record, opts, 'input');
      continue;
    }
    row++;
    const p = classify(textOf(record, cols.text));
    yield [cols.id === null ? String(row) : (record[cols.id] ?? ''), p.label, p.confidence.toFixed(4)];
  }
  if (!cols) throw new UserError(`prodops: ${file} is empty`);
}

export async function classifyCommand(
  opts: ColumnOptions & { input: string; output?: string; train?: string },
) {
  const classify = opts.train ? await trainFrom(opts.train, opts) : builtinKindTagger().predict;
  const out: Writable = opts.output ? createWriteStream(opts.output) : process.stdout;
  try {
    await pipeline(classifyRows(opts.input, opts, classify), stringify(), out, {
      end: out !== process.stdout,
    });
  } catch (err) {
    // A half-written result would pass for a whole one.
    if (opts.output) rmSync(opts.output, { force: true });
    throw err;
  }
}

export async function evalCommand(opts: ColumnOptions & { train: string; test: string; json?: boolean }) {
  const classify = await trainFrom(opts.train, opts);
  const test = await readLabelled(opts.test, opts);
  if (test.length === 0) throw new UserError(`prodops: ${opts.test} has no labelled rows`);
  const predicted = test.map((e) => classify(e.text).label);
  const truth = test.map((e) => e.label);
  const result = evaluate(truth, predicted, [...new Set([...truth, ...predicted])].sort());
  if (opts.json) console.log(JSON.stringify({ test: test.length, ...result }, null, 2));
  else console.log(formatEvaluation(result, opts.train, opts.test, test.length));
}

/** Plain-text report in the shape of scikit-learn's classification_report. */
export function formatEvaluation(result: Evaluation, train: string, test: string, n: number): string {
  const f = (x: number) => x.toFixed(3).padStart(10);
  const width = Math.max(12, ...result.labels.map((l) => l.label.length)) + 2;
  const lines = [
    `trained on ${train}, tested on ${test} (${n} rows)`,
    '',
    `${'label'.padEnd(width)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'f1'.padStart(10)}${'support'.padStart(10)}`,
    ...result.labels.map(
      (l) =>
        `${l.label.padEnd(width)}${f(l.precision)}${f(l.recall)}${f(l.f1)}${String(l.support).padStart(10)}`,
    ),
    '',
    `${'accuracy'.padEnd(width)}${f(result.accuracy)}`,
    `${'macro-F1'.padEnd(width)}${f(result.macroF1)}`,
  ];
  return lines.join('\n');
}
