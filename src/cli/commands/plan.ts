import type { Command } from 'commander';
import { localDateTime } from '../../shared/calendar.ts';
import type { TPlan, TRetroView } from '../../shared/plan.ts';
import { remoteFromEnv } from '../remote.ts';

const MARK = { done: '[x]', not_yet: '[ ]', missed: '[!]' } as const;

function retroLine(r: TRetroView, timeZone: string): string {
  const at = r.startsAt ? localDateTime(new Date(r.startsAt), timeZone) : null;
  const when = at ? `${at.date} ${at.time} (${timeZone})` : 'not scheduled';
  if (!r.recorded) return `  ${r.title}: ${when}, not recorded yet`;
  const actions = r.recorded.actions.map(
    (a) => `${a.title} (${a.ownerName}${a.dueOn ? `, by ${a.dueOn}` : ''})`,
  );
  return `  ${r.title}: ${when}, recorded; actions: ${actions.join('; ')}`;
}

/** The plan as the page shows it: each timebox, each deliverable's state and figure, the retrospectives. */
export function planText(plan: TPlan): string {
  if (!plan.started)
    return 'The 30/60/90 plan has not been started (Product Ops starts it on the plan page).';
  const lines = [`30/60/90 plan, started ${plan.startOn}; today ${plan.today} is day ${plan.day}`];
  for (const b of plan.timeboxes) {
    lines.push(
      '',
      `${b.label} (${b.from} – ${b.to})${b.running ? ', running' : ''}: ${b.goal}. ${b.done} of ${b.total} done`,
    );
    for (const d of b.deliverables) {
      const how = d.check ? 'records' : 'ticked by Product Ops';
      lines.push(`  ${MARK[d.state]} ${d.stateLabel.padEnd(7)}  ${d.title}: ${d.figure} (${how})`);
    }
  }
  lines.push('', 'Retrospectives', ...plan.retros.map((r) => retroLine(r, plan.timeZone)));
  return lines.join('\n');
}

/** `prodops plan [--json]`: the 30/60/90 plan (issue 16) from the terminal, through the server. */
export function registerPlanCommands(program: Command): void {
  program
    .command('plan')
    .description(
      'the 30/60/90 plan: each deliverable done, not yet or missed, with its figure (talks to PRODOPS_URL)',
    )
    .option('--json', 'print the API reply')
    .action(async (opts: { json?: boolean }) => {
      const plan = await remoteFromEnv().json<TPlan>('GET', '/api/v1/plan');
      console.log(opts.json ? JSON.stringify(plan, null, 2) : planText(plan));
    });
}
