import type { Command } from 'commander';
import type { TAreaBugBacklog, TBug, TBugBacklog, TBugList } from '../../shared/bugs.ts';
import { remoteFromEnv } from '../remote.ts';
import { UserError } from '../user-error.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Columns padded to their widest cell, the last one left as it is. */
function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

const areaName = (a: TAreaBugBacklog) => a.area?.name ?? 'No area';

function deciders(a: TAreaBugBacklog): string {
  if (!a.deciders.length) return a.area ? 'nobody this week: Product Ops' : 'Product Ops';
  return a.deciders.map((d) => `${d.name} (${d.as === 'pm' ? 'PM' : 'rotation'})`).join(', ');
}

/** What was decided about an open bug, or that it waits. */
function decision(b: TBug, max: number): string {
  if (b.disposition === 'fix_now') return `fix now: ${b.assignee?.name ?? 'someone no longer here'}`;
  if (b.awaitingDecision) return `awaiting a decision (over ${plural(max, 'day')})`;
  return 'within the limit';
}

/**
 * The backlog per area against the target of zero, then the bugs that matter: one area's open bugs, or every
 * area's bugs waiting for a decision. Ages are whole days in the org's zone.
 */
export function bugsText(backlog: TBugBacklog, bugs: TBug[], one: boolean): string {
  const max = backlog.maxOpenDays;
  const out = [
    `Bugs open longer than ${plural(max, 'day')} need a decision (fix now, with who; or won't fix, with why); ` +
      `target: ${backlog.target} open bugs; ages in days in ${backlog.timeZone}, today ${backlog.today} (${backlog.week})`,
    ...table(
      ['Area', 'Open', 'Oldest', `Over ${max} days`, 'Awaiting decision', 'Fix now', 'Decides this week'],
      backlog.areas.map((a) => [
        areaName(a),
        String(a.open),
        a.oldestAgeDays === null ? '—' : plural(a.oldestAgeDays, 'day'),
        String(a.overLimit),
        String(a.awaitingDecision),
        String(a.fixNow),
        deciders(a),
      ]),
    ),
  ];
  if (one) {
    out.push('', bugs.length ? 'Open bugs, oldest first:' : 'No open bug: the area is at the target.');
    if (bugs.length)
      out.push(
        ...table(
          ['Age', 'Reports', 'Bug', 'Decision'],
          bugs.map((b) => [plural(b.ageDays, 'day'), String(b.reports), b.title, decision(b, max)]),
        ).map((l) => `  ${l}`),
      );
  } else if (bugs.length) {
    out.push(
      '',
      `Awaiting a decision (open longer than ${plural(max, 'day')}, nobody has decided):`,
      ...table(
        ['Area', 'Age', 'Reports', 'Bug'],
        bugs.map((b) => [b.area?.name ?? 'No area', plural(b.ageDays, 'day'), String(b.reports), b.title]),
      ).map((l) => `  ${l}`),
    );
  }
  return out.join('\n');
}

/** One area by slug or name (any case), or every area. */
function pick(backlog: TBugBacklog, which: string | undefined): TBugBacklog {
  if (!which) return backlog;
  const w = which.trim().toLowerCase();
  const areas = backlog.areas.filter((a) => a.area && (a.area.slug === w || a.area.name.toLowerCase() === w));
  if (!areas.length)
    throw new UserError(
      `prodops: no area "${which}": use a slug or name (${backlog.areas.flatMap((a) => (a.area ? [a.area.slug] : [])).join(', ')})`,
    );
  return { ...backlog, areas };
}

/** `prodops area bugs [area]`: no bug backlog (issue 15), through the server. */
export function registerAreaBugsCommands(area: Command): void {
  area
    .command('bugs')
    .description(
      "the bug backlog per area against zero: open bugs, the oldest one's age, those over the limit and awaiting a decision (one area's open bugs with an area; product org)",
    )
    .argument('[area]', 'an area by slug or name')
    .option('--json', 'print JSON: {backlog, bugs} as the API gives them')
    .action(async (which: string | undefined, opts: { json?: boolean }) => {
      const remote = remoteFromEnv();
      const backlog = pick(await remote.json<TBugBacklog>('GET', '/api/v1/quality/bugs/backlog'), which);
      const areaId = which ? backlog.areas[0]!.area!.id : undefined;
      const list = await remote.json<TBugList>(
        'GET',
        `/api/v1/quality/bugs?state=open&limit=1000${areaId ? `&areaId=${areaId}` : ''}`,
      );
      const bugs = areaId ? list.bugs : list.bugs.filter((b) => b.awaitingDecision);
      if (opts.json) {
        console.log(JSON.stringify({ backlog, bugs }, null, 2));
        return;
      }
      console.log(bugsText(backlog, bugs, areaId !== undefined));
    });
}
