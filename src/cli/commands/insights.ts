import type { Command } from 'commander';
import { registerInsightsImport } from './insights-import.ts';

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function columnOptions(cmd: Command): Command {
  return cmd
    .option(
      '--text-column <name>',
      'a column holding the text; repeat to join several with a blank line (default: text, else title + body)',
      collect,
    )
    .option('--label-column <name>', 'the column holding the label in labelled files', 'label')
    .option(
      '--id-column <name>',
      'the column identifying each row (default: id if present, else the row number)',
    );
}

export function registerInsightsCommands(program: Command): void {
  const insights = program
    .command('insights')
    .description(
      'import feedback into prodops; tag items with a kind, or with your own labels learnt from a labelled CSV (offline)',
    );
  registerInsightsImport(insights);

  columnOptions(
    insights
      .command('classify')
      .description(
        'write id,label,confidence for every row of a CSV: with --train, labels learnt from that file; without, the built-in kinds (bug, feature_request, confusion, complaint, praise, other)',
      )
      .requiredOption('--input <file>', 'the CSV to classify (read as a stream)')
      .option('--output <file>', 'where to write the result CSV (default: standard output)')
      .option('--train <file>', 'a labelled CSV to learn the labels from'),
  ).action(async (opts) => (await import('./insights-tag.ts')).classifyCommand(opts));

  columnOptions(
    insights
      .command('eval')
      .description(
        'train on one labelled CSV, test on another: accuracy, per-label precision/recall/F1, macro-F1',
      )
      .requiredOption('--train <file>', 'the labelled CSV to learn from')
      .requiredOption('--test <file>', 'the labelled CSV to score the predictions against')
      .option('--json', 'print the figures as JSON'),
  ).action(async (opts) => (await import('./insights-tag.ts')).evalCommand(opts));
}
