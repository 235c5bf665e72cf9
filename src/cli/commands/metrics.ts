import type { Command } from 'commander';
import { METRIC_KEYS, type TMetricDetail, type TMetricKey, type TMetricList } from '../../shared/metrics.ts';
import { remoteFromEnv } from '../remote.ts';
import { UserError } from '../user-error.ts';

const verdict = (meets: boolean | null) => (meets === null ? 'no figure yet' : meets ? 'yes' : 'no');

/** Columns padded to their widest cell, the last one left ragged. */
function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

export function metricsText(list: TMetricList): string {
  const rows = list.metrics.map((m) => [m.label, m.current.text, m.target.text, verdict(m.meets)]);
  return [
    `The success metrics and velocity controls over the last ${list.weeks} weeks (${list.timeZone})`,
    ...table(['Metric', 'Current', 'Target', 'Meets'], rows),
  ].join('\n');
}

export function metricText(d: TMetricDetail): string {
  const m = d.metric;
  const rows = d.records.map((r) => [r.date ?? '', r.label, r.detail]);
  return [
    `${m.label}: ${m.current.text}`,
    `Target ${m.target.text}; meets it: ${verdict(m.meets)}; baseline ${m.baseline?.text ?? 'none yet'}`,
    '',
    ...(rows.length ? table([`Date (${d.timeZone})`, 'Record', 'Why'], rows) : ['No record in these weeks.']),
  ].join('\n');
}

function keyOf(which: string): TMetricKey {
  const key = which.trim().toLowerCase().replaceAll('-', '_');
  if ((METRIC_KEYS as readonly string[]).includes(key)) return key as TMetricKey;
  throw new UserError(`prodops: no metric "${which}": use one of ${METRIC_KEYS.join(', ')}`);
}

/** `prodops metrics [metric]`: the metrics page (issue 16) from the terminal, through the server. */
export function registerMetricsCommands(program: Command): void {
  program
    .command('metrics')
    .description(
      'the success metrics and velocity controls, or one metric with its records (talks to PRODOPS_URL)',
    )
    .argument('[metric]', `one of ${METRIC_KEYS.join(', ')}`)
    .option('--weeks <n>', 'weeks shown (4–104)', '13')
    .option('--json', 'print the API reply')
    .option('--csv', 'print every record as CSV (all metrics)')
    .action(async (which: string | undefined, opts: { weeks: string; json?: boolean; csv?: boolean }) => {
      const weeks = Number(opts.weeks);
      if (!Number.isInteger(weeks) || weeks < 4 || weeks > 104)
        throw new UserError(`prodops: --weeks must be a whole number from 4 to 104, got "${opts.weeks}"`);
      const remote = remoteFromEnv();
      if (opts.csv) {
        process.stdout.write(await remote.text(`/api/v1/metrics.csv?weeks=${weeks}`));
        return;
      }
      if (which) {
        const d = await remote.json<TMetricDetail>('GET', `/api/v1/metrics/${keyOf(which)}?weeks=${weeks}`);
        console.log(opts.json ? JSON.stringify(d, null, 2) : metricText(d));
        return;
      }
      const list = await remote.json<TMetricList>('GET', `/api/v1/metrics?weeks=${weeks}`);
      console.log(opts.json ? JSON.stringify(list, null, 2) : metricsText(list));
    });
}
