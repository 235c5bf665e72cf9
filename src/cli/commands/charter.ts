import type { Command } from 'commander';
import { CHARTER_SECTIONS } from '../../domain/charter/default-charter.ts';
import type { TCharter, TFriction, TFrictionList, TQbr } from '../../shared/charter.ts';
import { remoteFromEnv } from '../remote.ts';
import { UserError } from '../user-error.ts';

export function charterText(c: TCharter): string {
  const lines = [
    c.isDefault
      ? "Product Ops charter (the pack's text: not edited yet)"
      : `Product Ops charter, version ${c.version}, saved by ${c.savedBy} on ${c.savedAt?.slice(0, 10)} (UTC)`,
  ];
  for (const s of CHARTER_SECTIONS) {
    const v = c.content[s.key];
    lines.push('', `${s.label}:`, ...(Array.isArray(v) ? v.map((x) => `  - ${x}`) : [`  ${v}`]));
  }
  return lines.join('\n');
}

const frictionLines = (f: TFriction) => [
  `${f.rank}. ${f.title}${f.description ? `: ${f.description}` : ''}`,
  ...(f.evidence ? [`   Evidence: ${f.evidence}`] : []),
  ...f.evidenceLinks.map((l) => `   Evidence (${l.kind}): ${l.label}`),
  `   Rituals: ${f.rituals.map((r) => r.name).join(', ') || 'none'}`,
  `   Artifacts: ${f.artifacts.join(', ') || 'none'}`,
];

export function frictionsText(list: TFrictionList): string {
  return [
    'Top frictions, worst first',
    ...list.items.flatMap(frictionLines),
    ...(list.retired.length ? [`Retired: ${list.retired.map((f) => f.title).join(', ')}`] : []),
    ...(list.warning ? [`Warning: ${list.warning}`] : []),
  ].join('\n');
}

export function qbrText(q: TQbr): string {
  const c = q.latest?.content ?? q.draft;
  const head = q.latest
    ? `Quarterly Planning / QBR — ${q.label}, version ${q.latest.version}, published by ${q.latest.publishedBy} on ${q.latest.publishedAt.slice(0, 10)} (UTC)`
    : `Quarterly Planning / QBR — ${q.label}: not published yet (the draft below)`;
  return [
    head,
    '',
    'Priorities:',
    ...(c.priorities.length ? c.priorities.map((p) => `  - ${p.text}`) : ['  none yet']),
    `Success metrics (${c.metricsWindow}):`,
    ...c.metrics.map((m) => `  - ${m.label}: ${m.current} (target ${m.target})`),
    'Top frictions:',
    ...c.frictions.map(
      (f) => `  ${f.rank}. ${f.title} (rituals: ${f.rituals.map((r) => r.name).join(', ') || 'none'})`,
    ),
  ].join('\n');
}

/** `prodops charter`, `prodops frictions`, `prodops qbr QUARTER`: issue 16's pages from the terminal. */
export function registerCharterCommands(program: Command): void {
  program
    .command('charter')
    .description(
      'the Product Ops charter: mission, scope, non-goals, engagement model, SLAs (talks to PRODOPS_URL)',
    )
    .option('--markdown', 'print it as one page of markdown')
    .option('--json', 'print the API reply')
    .action(async (opts: { markdown?: boolean; json?: boolean }) => {
      const remote = remoteFromEnv();
      if (opts.markdown) return void process.stdout.write(await remote.text('/api/v1/charter.md'));
      const c = await remote.json<TCharter>('GET', '/api/v1/charter');
      console.log(opts.json ? JSON.stringify(c, null, 2) : charterText(c));
    });
  program
    .command('frictions')
    .description(
      'the top frictions, ranked, with evidence and the rituals that address them (talks to PRODOPS_URL)',
    )
    .option('--json', 'print the API reply')
    .action(async (opts: { json?: boolean }) => {
      const list = await remoteFromEnv().json<TFrictionList>('GET', '/api/v1/frictions');
      console.log(opts.json ? JSON.stringify(list, null, 2) : frictionsText(list));
    });
  program
    .command('qbr')
    .description(
      "a quarter's Planning/QBR: the latest published version, else the draft (talks to PRODOPS_URL)",
    )
    .argument('<quarter>', 'a fiscal quarter like 2026-Q4')
    .option('--markdown', 'print the latest published version as markdown')
    .option('--json', 'print the API reply')
    .action(async (quarter: string, opts: { markdown?: boolean; json?: boolean }) => {
      const key = quarter.trim().toUpperCase();
      if (!/^\d{4}-Q[1-4]$/.test(key))
        throw new UserError(`prodops: "${quarter}" is not a quarter like 2026-Q4`);
      const q = await remoteFromEnv().json<TQbr>('GET', `/api/v1/qbr/${key}`);
      if (opts.json) return console.log(JSON.stringify(q, null, 2));
      if (!opts.markdown) return console.log(qbrText(q));
      if (!q.latest) throw new UserError(`prodops: the QBR for ${key} is not published yet`);
      process.stdout.write(q.latest.markdown);
    });
}
