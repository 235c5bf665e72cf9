import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import type { Command } from 'commander';
import type { FeedbackFormat } from '../../integrations/importers/index.ts';
import { systemClock } from '../../shared/clock.ts';
import { cliActor, withAdminDb } from '../admin-db.ts';
import { UserError } from '../user-error.ts';

const FORMATS: FeedbackFormat[] = ['csv', 'json', 'jsonl', 'zendesk', 'intercom', 'jira', 'linear', 'github'];

/** Counts the bytes read, so the bar shows how far through the file the import is (rows are unknown ahead). */
function byteCounter(onBytes: (n: number) => void) {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
}

function checkFile(file: string) {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`prodops: ${file}: no such file`);
  return statSync(file).size;
}

/**
 * `prodops insights import FILE --source support`: streams the file into the database (direct access, like
 * `org import`) with a progress bar on a terminal; idempotent, so running it again after a crash finishes it.
 */
export function registerInsightsImport(insights: Command): void {
  insights
    .command('import')
    .description(
      'import feedback from a CSV, JSON/JSONL, Zendesk, Intercom, Jira, Linear or GitHub export (streams; safe to re-run)',
    )
    .argument('<file>', 'the export file')
    .requiredOption(
      '--source <source>',
      'where it comes from (a taxonomy source, e.g. support, crm, research)',
    )
    .option('--format <format>', `one of ${FORMATS.join(', ')} (default: detected from the file)`)
    .action(async (file: string, opts: { source: string; format?: string }) => {
      const size = checkFile(file);
      const [{ SingleBar }, { detectFormat, FormatError, parseFeedback, peekHead }, { ingestFeedback }] =
        await Promise.all([
          import('cli-progress'),
          import('../../integrations/importers/index.ts'),
          import('../../services/insights/ingest.ts'),
        ]);
      if (opts.format && !FORMATS.includes(opts.format as FeedbackFormat))
        throw new UserError(`prodops: --format: "${opts.format}" is not one of ${FORMATS.join(', ')}`);
      let read = 0;
      let logged = 0;
      const bar = process.stderr.isTTY
        ? new SingleBar({
            format: 'importing [{bar}] {percentage}% | {rows} rows | {inserted} new | {bad} bad',
            stream: process.stderr,
          })
        : null;
      bar?.start(size, 0, { rows: 0, inserted: 0, bad: 0 });
      const stream = createReadStream(file).pipe(byteCounter((n) => (read += n)));
      const head = await peekHead(stream);
      const format =
        (opts.format as FeedbackFormat | undefined) ?? detectFormat(file, head.head.toString('utf8'));
      try {
        const result = await withAdminDb(({ db }) =>
          ingestFeedback({
            db,
            actor: cliActor(),
            now: systemClock.now(),
            source: opts.source,
            format,
            fileName: path.basename(file),
            rows: parseFeedback(head.stream, { format, fileName: file }),
            onProgress: (p) => {
              if (bar) bar.update(read, { rows: p.read, inserted: p.inserted, bad: p.bad });
              else if (p.read - logged >= 20_000 || logged === 0) {
                // Not a terminal (a pipeline, a log): a plain line now and then instead of a bar.
                logged = p.read;
                process.stderr.write(`progress: ${p.read} rows read, ${p.inserted} new\n`);
              }
            },
            parallel: true,
          }),
        );
        bar?.update(size);
        bar?.stop();
        for (const e of result.errors) console.error(`${file}:${e.line}: ${e.error}`);
        if (result.bad > result.errors.length)
          console.error(
            `… and ${result.bad - result.errors.length} more bad rows (see the import in prodops)`,
          );
        console.log(
          `Imported ${file} as ${format} from ${opts.source}: ${result.read} rows read, ${result.inserted} new, ` +
            `${result.alreadyThere} already there, ${result.bad} bad.`,
        );
      } catch (err) {
        bar?.stop();
        if (err instanceof FormatError) throw new UserError(`prodops: ${file}: ${err.message}`);
        throw err;
      }
    });
}
