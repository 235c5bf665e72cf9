import type { Command } from 'commander';
import type { TStatusAnswer, TStatusCard } from '../../shared/status.ts';
import { remoteFromEnv } from '../remote.ts';

function cardLines(c: TStatusCard, baseUrl: string): string[] {
  const lines = [`${c.title} — ${c.subjectLabel}${c.areaName ? `, ${c.areaName}` : ''}`, `  ${c.status}`];
  if (c.summary) lines.push(`  ${c.summary}`);
  if (c.owner) lines.push(`  Owner: ${c.owner.name}`);
  if (c.when)
    lines.push(`  When: ${c.when.text}${c.when.exact ? '' : ' (a range: the day is not announced yet)'}`);
  if (c.readiness)
    lines.push(
      c.readiness.ready
        ? '  Ready to ship'
        : `  Not ready: ${c.readiness.missing.length} open (${c.readiness.missing.slice(0, 3).join('; ')}${c.readiness.missing.length > 3 ? '; …' : ''})`,
    );
  for (const u of c.updates) lines.push(`  ${u.week} update (${u.areaName}): ${u.text}`);
  for (const d of c.decisions) lines.push(`  Decision #${d.number} (${d.decidedOn}): ${d.title}`);
  lines.push(`  ${baseUrl}${c.path}`);
  return lines;
}

/** The answer as a person reads it in a terminal. */
export function statusText(a: TStatusAnswer, baseUrl: string): string {
  if (a.card) return cardLines(a.card, baseUrl).join('\n');
  if (a.outcome === 'choose')
    return [
      a.message,
      ...a.choices.map((m, i) => `  ${i + 1}. ${m.title}${m.areaName ? ` (${m.areaName})` : ''}`),
    ].join('\n');
  return a.message;
}

export function registerStatusCommands(program: Command): void {
  program
    .command('status')
    .description(
      'what is the status of a release, roadmap item, decision, theme or area (talks to PRODOPS_URL)',
    )
    .argument('<words...>', 'what to ask about, like "salesforce sync"')
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { json?: boolean }) => {
      const remote = remoteFromEnv();
      const answer: TStatusAnswer = await remote.json(
        'GET',
        `/api/v1/status?${new URLSearchParams({ q: words.join(' ') })}`,
      );
      if (opts.json) console.log(JSON.stringify(answer, null, 2));
      else console.log(statusText(answer, remote.url));
      // "Nothing found" is an answer, not a failure: exit 0 either way.
    });
}
