import type { Command } from 'commander';
import { stateLine } from '../../domain/org/contracts.ts';
import type { TPodContract } from '../../shared/contracts.ts';
import type { TPod } from '../../shared/org.ts';
import { type Remote, remoteFromEnv } from '../remote.ts';
import { UserError } from '../user-error.ts';

/** A pod by slug, name (any case) or id, from the pods list. */
async function findPod(remote: Remote, which: string): Promise<TPod> {
  const all: TPod[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '200', ...(cursor ? { cursor } : {}) });
    const page: { items: TPod[]; nextCursor: string | null } = await remote.json('GET', `/api/v1/pods?${q}`);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const w = which.trim().toLowerCase();
  const pod = all.find((p) => p.slug === w || p.name.toLowerCase() === w || p.id === w);
  if (!pod)
    throw new UserError(
      `prodops: no pod "${which}": use a slug or name (${all.map((p) => p.slug).join(', ') || 'there are no pods'})`,
    );
  return pod;
}

const indent = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

/** The contract as a person reads it in a terminal: the state first, then the one page. */
export function contractText(v: TPodContract): string {
  const c = v.contract;
  if (!c) return `${v.podName} has no strategy contract yet.`;
  const earlier = v.previous.map(
    (p) =>
      `${p.version} (${p.state === 'signed' ? `signed on ${p.signedOn}` : p.state.replaceAll('_', ' ')})`,
  );
  const lines = [
    `${v.podName}: strategy contract version ${c.version}, proposed by ${c.createdBy} on ${c.createdOn}`,
    `${stateLine(c.state, c.signers)}.`,
    '',
    'Goal:',
    indent(c.goal),
    'Hypothesis:',
    indent(c.hypothesis || '(not written yet)'),
    'Right to win:',
    indent(c.rightToWin || '(not written yet)'),
    'Metrics:',
    ...(c.metrics.length ? c.metrics.map((m) => `  - ${m.name}: ${m.target}`) : ['  (none yet)']),
    'Risks:',
    ...(c.risks.length
      ? c.risks.map((r) => `  - ${r.oneWayDoor ? 'ONE-WAY DOOR: ' : ''}${r.text}`)
      : ['  (none named)']),
    `Deadline: ${c.deadline}`,
  ];
  if (earlier.length) lines.push(`Earlier versions: ${earlier.join(', ')}`);
  return lines.join('\n');
}

/** `prodops contract show <pod>`: a pod's strategy contract (issue 15), through the server. */
export function registerContractCommands(program: Command): void {
  const contract = program.command('contract').description("Pods' strategy contracts (talks to PRODOPS_URL)");
  contract
    .command('show')
    .description(
      "a pod's strategy contract: the one page, who signed it and who has not yet (the product org and its named signers)",
    )
    .argument('<pod>', 'a pod by slug or name')
    .option('--markdown', 'print the one page as markdown (what the pod page downloads)')
    .option('--json', 'print JSON (the API reply)')
    .action(async (which: string, opts: { markdown?: boolean; json?: boolean }) => {
      if (opts.markdown && opts.json) throw new UserError('prodops: choose --markdown or --json, not both');
      const remote = remoteFromEnv();
      const pod = await findPod(remote, which);
      const view = await remote.json<TPodContract>('GET', `/api/v1/pods/${pod.id}/contract`);
      if (opts.json) console.log(JSON.stringify(view, null, 2));
      else if (opts.markdown && view.contract)
        process.stdout.write(await remote.text(`/api/v1/pods/${pod.id}/contract.md`));
      else console.log(contractText(view));
    });
}
