import type { Command } from 'commander';
import type { TDecisionLogEntry } from '../../shared/decisions.ts';
import { AppError } from '../../shared/errors.ts';
import { type Remote, remoteFromEnv } from '../remote.ts';
import { UserError } from '../user-error.ts';

type Entry = TDecisionLogEntry;
type Page = { items: Entry[]; nextCursor: string | null };

/** Pages through the log, newest first, until `stop` says enough (default: read it all). */
async function readLog(
  remote: Remote,
  filter: Record<string, string>,
  stop: (items: Entry[]) => boolean = () => false,
): Promise<Entry[]> {
  const all: Entry[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '200', ...filter, ...(cursor ? { cursor } : {}) });
    const page: Page = await remote.json('GET', `/api/v1/decisions?${q}`);
    all.push(...page.items);
    cursor = stop(page.items) ? null : page.nextCursor;
  } while (cursor);
  return all;
}

/** "12" or "#12". */
function decisionNumber(value: string): number {
  const n = Number(value.replace(/^#/, ''));
  if (!Number.isSafeInteger(n) || n < 1)
    throw new UserError(`prodops: "${value}" is not a decision number (like 12 or #12)`);
  return n;
}

/** The API is by id; the log's readers speak in numbers. */
async function decisionByNumber(remote: Remote, n: number): Promise<Entry> {
  const found = (await readLog(remote, {}, (items) => items.some((d) => d.number === n))).find(
    (d) => d.number === n,
  );
  if (!found) throw new AppError('not_found', `no decision #${n} in the log`);
  return found;
}

const review = (d: Entry) =>
  d.status === 'superseded'
    ? `superseded by #${d.supersededBy?.number}`
    : `review ${d.nextReviewDate}${d.reviewDue ? ' (due)' : ''}`;

function printList(items: Entry[]): void {
  if (!items.length) {
    console.log('No decisions.');
    return;
  }
  const numberWidth = Math.max(...items.map((d) => String(d.number).length)) + 1;
  const reviewWidth = Math.max(...items.map((d) => review(d).length));
  for (const d of items) {
    console.log(
      `${`#${d.number}`.padEnd(numberWidth)}  ${d.decidedOn}  ${review(d).padEnd(reviewWidth)}  ${d.title} (${d.ownerName})`,
    );
  }
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

function historyLine(e: Entry['history'][number]): string {
  const related = e.relatedNumber ? ` #${e.relatedNumber}` : '';
  const next = e.kind === 'revisited' && e.nextReviewDate ? ` (next review ${e.nextReviewDate})` : '';
  const note = e.note ? `: ${e.note}` : '';
  return `  ${e.at.slice(0, 16).replace('T', ' ')} UTC  ${e.kind.replace('_', ' ')}${related} by ${e.by}${next}${note}`;
}

/** The review date as decided, where revisits moved it, and whether it has arrived. */
const reviewDates = (d: Entry) =>
  d.reviewDate +
  (d.nextReviewDate !== d.reviewDate ? `, next ${d.nextReviewDate}` : '') +
  (d.reviewDue ? ' (due)' : '');

function printDecision(d: Entry): void {
  const links = [
    ['Roadmap items', d.roadmapItems.map((i) => i.title)],
    ['Releases', d.releases.map((r) => r.title)],
    ['Themes', d.themes.map((t) => t.label)],
  ] as const;
  const lines = [
    `#${d.number} ${d.title}`,
    `Decided:    ${d.decidedOn}, owner ${d.ownerName}`,
    `Status:     ${d.supersededBy ? `superseded by #${d.supersededBy.number} ${d.supersededBy.title}` : d.status}`,
    `Review:     ${reviewDates(d)}`,
    ...(d.supersedes ? [`Supersedes: #${d.supersedes.number} ${d.supersedes.title}`] : []),
    ...links.filter(([, names]) => names.length).map(([label, names]) => `${label}: ${names.join('; ')}`),
    '',
    'Context',
    indent(d.context),
    'Options considered',
    ...d.options.map((o) => `  - ${o}`),
    'Rationale',
    indent(d.rationale),
    '',
    'History',
    ...d.history.map(historyLine),
  ];
  console.log(lines.join('\n'));
}

export function registerDecisionCommands(program: Command): void {
  const decision = program
    .command('decision')
    .description('the decision log (talks to PRODOPS_URL with PRODOPS_TOKEN)');

  decision
    .command('list')
    .description('list decisions, newest first')
    .option('--q <words>', 'only decisions whose title, context, options or rationale hold every word')
    .option('--due', 'only decisions whose review date has arrived')
    .option('--json', 'print JSON')
    .action(async (opts: { q?: string; due?: boolean; json?: boolean }) => {
      const filter = { ...(opts.q ? { q: opts.q } : {}), ...(opts.due ? { due: 'true' } : {}) };
      const items = await readLog(remoteFromEnv(), filter);
      if (opts.json) console.log(JSON.stringify(items, null, 2));
      else printList(items);
    });

  decision
    .command('show')
    .description('one decision with its links and history')
    .argument('<number>', 'the decision number, like 12', decisionNumber)
    .option('--json', 'print JSON')
    .action(async (n: number, opts: { json?: boolean }) => {
      const d = await decisionByNumber(remoteFromEnv(), n);
      if (opts.json) console.log(JSON.stringify(d, null, 2));
      else printDecision(d);
    });
}
