import type { Command } from 'commander';
import { ZDate } from '../../shared/common.ts';
import { AUDIENCES, type TRoadmapChange } from '../../shared/roadmap.ts';
import { remoteFromEnv } from '../remote.ts';
import { UserError } from '../user-error.ts';

function since(value: string): string {
  if (value !== 'last-review' && !ZDate.safeParse(value).success)
    throw new UserError(`prodops: --since: "${value}" must be a date like 2026-11-10 or "last-review"`);
  return value;
}

function audience(value: string): string {
  if (!(AUDIENCES as readonly string[]).includes(value))
    throw new UserError(`prodops: --audience: "${value}" must be one of ${AUDIENCES.join(', ')}`);
  return value;
}

function version(value: string): string {
  if (value !== 'draft' && !/^[1-9]\d*$/.test(value))
    throw new UserError(`prodops: --version: "${value}" must be a version number or "draft"`);
  return value;
}

/** `prodops roadmap …`: what changed, the stakeholder view (any audience), republishing it — through the server. */
export function registerRoadmapCommands(program: Command): void {
  const roadmap = program.command('roadmap').description('The roadmap: what changed, the stakeholder view');

  roadmap
    .command('changes')
    .description('What changed since a date (org time zone) or since the last Roadmap Review')
    .option('--since <date|last-review>', 'a date like 2026-11-10, or last-review', since, 'last-review')
    .option('--json', 'print the changes as JSON')
    .action(async (o: { since: string; json?: boolean }) => {
      const res = await remoteFromEnv().json<{ sinceLabel: string; changes: TRoadmapChange[] }>(
        'GET',
        `/api/v1/roadmap/changes?since=${encodeURIComponent(o.since)}`,
      );
      if (o.json) {
        process.stdout.write(`${JSON.stringify(res, null, 2)}\n`);
        return;
      }
      const lines = res.changes.map((c) => `${c.kind.padEnd(18)} ${c.text}`);
      process.stdout.write(
        `Since ${res.sinceLabel}: ${res.changes.length} change${res.changes.length === 1 ? '' : 's'}\n`,
      );
      if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
    });

  roadmap
    .command('view')
    .description('The stakeholder roadmap view as markdown (or print-friendly HTML)')
    .option('--audience <audience>', `one of ${AUDIENCES.join(', ')}`, audience)
    .option(
      '--version <n|draft>',
      'a published version, or the draft; the latest published by default',
      version,
    )
    .option('--html', 'print-friendly HTML instead of markdown')
    .action(async (o: { audience?: string; version?: string; html?: boolean }) => {
      const q = new URLSearchParams({ format: o.html ? 'html' : 'md' });
      if (o.audience) q.set('audience', o.audience);
      if (o.version) q.set('version', o.version);
      process.stdout.write(await remoteFromEnv().text(`/api/v1/roadmap/view/export?${q}`));
    });

  roadmap
    .command('publish')
    .description('Republish the stakeholder view from what the Head of Product ratified (Product Ops)')
    .option('--note <text>', 'what this version is about')
    .action(async (o: { note?: string }) => {
      const res = await remoteFromEnv().json<{
        version: number;
        view: { items: unknown[] };
        undo: { id: string; sendAt: string; messages: number } | null;
      }>('POST', '/api/v1/roadmap/view/publish', o.note ? { note: o.note } : {});
      // Issue 17: subscribers' messages wait out the org's undo window; say how to take it back meanwhile.
      if (res.undo)
        process.stdout.write(
          `Undoable until ${res.undo.sendAt} (${res.undo.messages} messages held): POST /api/v1/broadcasts/${res.undo.id}/undo\n`,
        );
      process.stdout.write(`Published version ${res.version} (${res.view.items.length} items)\n`);
    });
}
