import path from 'node:path';
import type { Command } from 'commander';
import { systemClock } from '../../shared/clock.ts';
import type { TStatusRequestWeeks } from '../../shared/status.ts';
import { cliActor, withAdminDb } from '../admin-db.ts';
import { remoteFromEnv } from '../remote.ts';
import { UserError } from '../user-error.ts';

const percent = (share: number) => `${share > 0 ? '+' : ''}${Math.round(share * 100)}%`;

/** The weekly count as a person reads it. */
export function weeksText(r: TStatusRequestWeeks): string {
  if (!r.weeks.length) return 'No status pings imported yet: run `prodops status-requests import EXPORT`.';
  const lines = [`Status pings per week (${r.timeZone})`];
  for (const w of r.weeks) {
    const areas = w.byArea.map((a) => `${a.areaName} ${a.pings}`).join(', ');
    lines.push(
      `  ${w.week}  ${String(w.pings).padStart(4)} pings  ${String(w.avoided).padStart(4)} answered by prodops${areas ? `  (${areas})` : ''}`,
    );
  }
  if (r.baseline && r.latest)
    lines.push(
      `Baseline ${r.baseline.perWeek.toFixed(1)} a week (${r.baseline.weeks[0]}–${r.baseline.weeks.at(-1)}); ${r.latest.week}: ${r.latest.pings}${r.change === null ? '' : ` (${percent(r.change)})`}`,
    );
  return lines.join('\n');
}

export function registerStatusRequestCommands(program: Command): void {
  const cmd = program
    .command('status-requests')
    .description('the status-request count: "what\'s the status of X?" pings found in chat, per week');

  cmd
    .command('import')
    .description('find the status pings in a Slack export (its .zip or the unpacked folder); safe to re-run')
    .argument('<export>', 'a Slack workspace export: the .zip Slack sends, or the folder it unpacks to')
    .option('--channel <name...>', 'only these channels')
    .action(async (exportPath: string, opts: { channel?: string[] }) => {
      const { SlackExportError } = await import('../../integrations/slack/export.ts');
      const { importSlackExport } = await import('../../services/status/pings.ts');
      try {
        const result = await withAdminDb(({ db }) =>
          importSlackExport({
            db,
            actor: cliActor(),
            now: systemClock.now(),
            exportPath,
            exportName: path.basename(path.resolve(exportPath)),
            read: { channels: opts.channel },
          }),
        );
        console.log(`${result.found} status pings found, ${result.added} new.`);
      } catch (err) {
        if (err instanceof SlackExportError) throw new UserError(`prodops: ${err.message}`);
        throw err;
      }
    });

  cmd
    .command('weekly')
    .description('pings per week with the baseline and the change (talks to PRODOPS_URL with PRODOPS_TOKEN)')
    .option('--baseline-weeks <n>', 'how many of the first weeks make the baseline', '4')
    .option('--json', 'print JSON')
    .action(async (opts: { baselineWeeks: string; json?: boolean }) => {
      const q = new URLSearchParams({ baselineWeeks: opts.baselineWeeks });
      const r: TStatusRequestWeeks = await remoteFromEnv().json('GET', `/api/v1/status-requests?${q}`);
      console.log(opts.json ? JSON.stringify(r, null, 2) : weeksText(r));
    });
}
