import type { Command } from 'commander';
import type { TAreaQuality, TAreaQualityList } from '../../shared/quality.ts';
import type { TSettingsReply } from '../../shared/settings.ts';
import { remoteFromEnv } from '../remote.ts';
import { UserError } from '../user-error.ts';
import { registerAreaBugsCommands } from './area-bugs.ts';
import { registerAreaUsersCommands } from './area-users.ts';

type Rule = TAreaQualityList['rule'];

const pct = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)}%`;

function figure(q: TAreaQuality, rule: Rule): string {
  const c = q.confusion.current;
  return c.enough && c.pct !== null
    ? `${pct(c.pct)} confused${c.above ? ' (above)' : ''}`
    : `too few tickets (${c.tickets} of at least ${rule.minTickets})`;
}

function burden(q: TAreaQuality): string {
  const b = q.burden.current;
  return b.per1k === null ? 'no users recorded' : `${b.per1k}${b.above ? ' (above)' : ''}`;
}

function polish(q: TAreaQuality): string {
  const p = q.confusion.polishMode;
  return p ? `since ${p.since}, leaves on ${p.leavesOn} at the earliest` : 'no';
}

/** The areas as a table a person reads: the figure, its tickets and Polish Mode, dates in the org's zone. */
export function healthText(list: TAreaQualityList, timeZone: string): string {
  const { rule } = list;
  const rows = list.areas.map((q) => [
    q.area.name,
    figure(q, rule),
    `${q.confusion.current.confused} of ${q.confusion.current.tickets}`,
    burden(q),
    polish(q),
  ]);
  const head = ['Area', 'Confused customers', 'Tickets', 'Per 1,000 users', 'Polish Mode'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const sources = rule.supportSources.join(', ');
  return [
    `Confused customers among support tickets (source: ${sources}) in the last ${rule.windowDays} days; ` +
      `threshold ${pct(rule.thresholdPct)}, judged from ${rule.minTickets} tickets; support tickets per 1,000 ` +
      `active users in the last 30 days (threshold ${rule.burdenPer1k}); dates in ${timeZone}`,
    line(head),
    ...rows.map(line),
  ].join('\n');
}

/** One area by slug or name (any case), or every area. */
function pick(list: TAreaQualityList, which: string | undefined): TAreaQualityList {
  if (!which) return list;
  const w = which.trim().toLowerCase();
  const areas = list.areas.filter((q) => q.area.slug === w || q.area.name.toLowerCase() === w);
  if (!areas.length)
    throw new UserError(
      `prodops: no area "${which}": use a slug or name (${list.areas.map((q) => q.area.slug).join(', ')})`,
    );
  return { ...list, areas };
}

/**
 * `prodops area health [area]`: the velocity framework's quality controls (issue 15), through the server; `area
 * users import` and `area bugs` are their own files.
 */
export function registerAreaCommands(program: Command): void {
  const area = program.command('area').description('Product areas (talks to PRODOPS_URL)');
  area
    .command('health')
    .description(
      "an area's confused-customer figure, Polish Mode and operational burden (every area without one; product org)",
    )
    .argument('[area]', 'an area by slug or name')
    .option('--json', 'print JSON (the API reply, with only the area asked for)')
    .action(async (which: string | undefined, opts: { json?: boolean }) => {
      const remote = remoteFromEnv();
      const list = pick(await remote.json<TAreaQualityList>('GET', '/api/v1/quality/areas'), which);
      if (opts.json) {
        console.log(JSON.stringify(list, null, 2));
        return;
      }
      const { settings } = await remote.json<TSettingsReply>('GET', '/api/v1/settings');
      console.log(healthText(list, settings.timeZone));
    });
  registerAreaUsersCommands(area);
  registerAreaBugsCommands(area);
}
