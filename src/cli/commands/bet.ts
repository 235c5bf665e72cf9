import type { Command } from 'commander';
import {
  BET_STATUS_LABELS,
  CHANGE_LABELS,
  DEPENDENCE_LABELS,
  GOAL_LABELS,
  LEVEL_LABELS,
  type TBet,
} from '../../shared/bets.ts';
import type { TPod } from '../../shared/org.ts';
import { type Remote, remoteFromEnv } from '../remote.ts';
import { UserError } from '../user-error.ts';

type Page<T> = { items: T[]; nextCursor: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A pod by id, slug or name, as people type it. */
async function podId(remote: Remote, value: string): Promise<string> {
  if (UUID.test(value)) return value;
  const pods = await remote.json<Page<TPod>>(
    'GET',
    `/api/v1/pods?${new URLSearchParams({ q: value, limit: '200' })}`,
  );
  const wanted = value.toLowerCase();
  const pod = pods.items.find((p) => p.slug === wanted || p.name.toLowerCase() === wanted);
  if (!pod) throw new UserError(`prodops: no pod "${value}" (give its slug, like pod-billing, or its name)`);
  return pod.id;
}

async function readBets(remote: Remote, filter: Record<string, string>): Promise<TBet[]> {
  const all: TBet[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '200', ...filter, ...(cursor ? { cursor } : {}) });
    const page: Page<TBet> = await remote.json('GET', `/api/v1/bets?${q}`);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

function printList(items: TBet[]): void {
  if (!items.length) {
    console.log('No bets.');
    return;
  }
  const width = (f: (b: TBet) => string) => Math.max(...items.map((b) => f(b).length));
  const cluster = (b: TBet) => b.placement.label;
  const status = (b: TBet) => BET_STATUS_LABELS[b.status];
  const pod = (b: TBet) => b.pod?.name ?? 'no pod';
  for (const b of items)
    console.log(
      `${b.id}  ${status(b).padEnd(width(status))}  ${cluster(b).padEnd(width(cluster))}  ${pod(b).padEnd(width(pod))}  ${b.title}`,
    );
}

const bullets = (lines: readonly string[]) => lines.map((l) => `  - ${l}`);

function printBet(b: TBet): void {
  const p = b.profile;
  const lines = [
    b.title,
    `Status:   ${BET_STATUS_LABELS[b.status]}, owner ${b.owner.name}, ${b.pod ? b.pod.name : 'no pod'}`,
    `Cluster:  ${b.placement.label}`,
    ...bullets(b.placement.reasons),
    `Approach: ${b.placement.approach.title}`,
    ...b.placement.approach.steps.map((s, i) => `  ${i + 1}. ${s}`),
    ...(b.placement.cautions.length ? ['Watch', ...bullets(b.placement.cautions)] : []),
    'Profile',
    `  Domain familiarity:  ${LEVEL_LABELS[p.familiarity]}`,
    `  Change required:     ${p.change.map((c) => CHANGE_LABELS[c]).join('; ') || 'None beyond the code'}`,
    `  Measurability:       ${LEVEL_LABELS[p.measurability]}`,
    `  Goal:                ${GOAL_LABELS[p.goal]}`,
    `  Other teams needed:  ${DEPENDENCE_LABELS[p.dependence]}`,
    `  Traceability:        ${LEVEL_LABELS[p.traceability]}`,
    ...(b.roadmapItems.length ? ['Roadmap items', ...bullets(b.roadmapItems.map((i) => i.title))] : []),
  ];
  for (const [i, brief] of b.briefs.entries())
    lines.push(
      '',
      `Experiment brief ${i + 1}${brief.timeBoxEnd ? ` (time box ends ${brief.timeBoxEnd})` : ''}`,
      `  Experiment:  ${brief.experiment}`,
      `  Opportunity: ${brief.opportunity}`,
      '  Signals it works',
      ...brief.positiveSignals.map((s) => `    - ${s}`),
      '  Harmful leading indicators to watch',
      ...brief.harmfulIndicators.map((s) => `    - ${s}`),
      ...(brief.learningGoals.length
        ? ['  Learning goals', ...brief.learningGoals.map((s) => `    - ${s}`)]
        : []),
      ...(brief.optionsNotChosen.length
        ? ['  Options not chosen', ...brief.optionsNotChosen.map((o) => `    - ${o.option}: ${o.why}`)]
        : []),
      ...(brief.decision ? [`  Decision:    #${brief.decision.number} ${brief.decision.title}`] : []),
    );
  console.log(lines.join('\n'));
}

export function registerBetCommands(program: Command): void {
  const bet = program
    .command('bet')
    .description('bets and experiment briefs (talks to PRODOPS_URL with PRODOPS_TOKEN)');

  bet
    .command('list')
    .description('list bets, newest first, with their status, cluster and pod')
    .option('--pod <pod>', "only this pod's bets (its slug, name or id)")
    .option('--json', 'print JSON')
    .action(async (opts: { pod?: string; json?: boolean }) => {
      const remote = remoteFromEnv();
      const filter: Record<string, string> = opts.pod ? { podId: await podId(remote, opts.pod) } : {};
      const items = await readBets(remote, filter);
      if (opts.json) console.log(JSON.stringify(items, null, 2));
      else printList(items);
    });

  bet
    .command('show')
    .description('one bet: its cluster and why, the recommended approach, its links and experiment briefs')
    .argument('<id>', 'the bet id (from prodops bet list)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      if (!UUID.test(id))
        throw new UserError(`prodops: "${id}" is not a bet id (prodops bet list shows them)`);
      const b = await remoteFromEnv().json<TBet>('GET', `/api/v1/bets/${id}`);
      if (opts.json) console.log(JSON.stringify(b, null, 2));
      else printBet(b);
    });
}
