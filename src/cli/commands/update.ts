import path from 'node:path';
import type { Command } from 'commander';
import { ZIsoWeek } from '../../shared/common.ts';
import type { TPublishCheck, TPublishCheckArea } from '../../shared/updates.ts';
import { type Remote, remoteFromEnv } from '../remote.ts';
import { readUserFile, UserError } from '../user-error.ts';

interface AreaItem {
  id: string;
  slug: string;
  name: string;
}

function week(value: string): string {
  if (!ZIsoWeek.safeParse(value).success)
    throw new UserError(`prodops: --week: "${value}" is not an ISO week like 2026-W47`);
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An area by slug (or id), from the API's area list. */
async function findArea(remote: Remote, ref: string): Promise<AreaItem> {
  const all: AreaItem[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '200', ...(cursor ? { cursor } : {}) });
    const page: { items: AreaItem[]; nextCursor: string | null } = await remote.json(
      'GET',
      `/api/v1/areas?${q}`,
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const found = all.find(
    (a) => a.slug === ref || (UUID.test(ref) && a.id.toLowerCase() === ref.toLowerCase()),
  );
  if (!found)
    throw new UserError(
      `prodops: --area: no area "${ref}"${all.length ? ` (areas: ${all.map((a) => a.slug).join(', ')})` : ''}`,
    );
  return found;
}

/** Reads and checks an update file locally, so a mistake is reported with its line before anything is sent. */
async function readUpdateFile(file: string) {
  const ext = path.extname(file).toLowerCase();
  // Loaded here: the YAML and markdown parsers are not needed to print `prodops --help`.
  const { parseUpdateMarkdown, parseUpdateYaml } = await import('../../domain/updates/update-file.ts');
  const parse =
    ext === '.yaml' || ext === '.yml' ? parseUpdateYaml : ext === '.md' ? parseUpdateMarkdown : null;
  if (!parse) throw new UserError(`prodops: --file: ${file} must be a .yaml, .yml or .md file`);
  const text = readUserFile(file);
  const result = parse(text);
  if (!result.ok) {
    const lines = result.problems.map(
      (p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`,
    );
    const n = result.problems.length;
    throw new UserError(
      `${lines.join('\n')}\nprodops: ${file} was not submitted (${n} problem${n === 1 ? '' : 's'})`,
    );
  }
  return result.update;
}

/** Who is missing and who gets it, printed before publishing (the web shows the same before its button acts). */
function publishCheckLines(check: TPublishCheck): string[] {
  const area = (a: TPublishCheckArea) => `${a.areaName} (${a.pmName ?? 'no PM'})`;
  const lines = [];
  if (check.missing.length) lines.push(`Missing: ${check.missing.map(area).join(', ')}`);
  if (check.absent.length)
    lines.push(
      `Absent: ${check.absent.map((a) => `${a.areaName}${a.reason ? ` (${a.reason})` : ''}`).join(', ')}`,
    );
  const { people, channels } = check.recipients;
  lines.push(
    `Recipients: ${people} ${people === 1 ? 'person' : 'people'}, ${channels} ${channels === 1 ? 'channel' : 'channels'}`,
  );
  return lines;
}

export function registerUpdateCommands(program: Command): void {
  // `update show --version N` would otherwise be taken by the program's own --version (print and exit 0):
  // program options are then only read before the subcommand, as in `prodops --version`.
  program.enablePositionalOptions();
  const update = program
    .command('update')
    .description('the Weekly Product Update (talks to the server at PRODOPS_URL with PRODOPS_TOKEN)');

  update
    .command('submit')
    .description("submit (or edit) an area's five bullets for a week")
    .requiredOption('--week <week>', 'ISO week, like 2026-W47', week)
    .requiredOption('--area <area>', 'the area slug (or id)')
    .requiredOption(
      '--file <file>',
      'update.yaml (keys wins, next, risks, metrics, links; or nothing_this_week: true) or update.md (the template bullets, or a line "Nothing this week")',
    )
    .action(async (opts: { week: string; area: string; file: string }) => {
      const content = await readUpdateFile(opts.file);
      const remote = remoteFromEnv();
      const area = await findArea(remote, opts.area);
      const res = await remote.json<{ late?: boolean }>(
        'PUT',
        `/api/v1/updates/${opts.week}/areas/${area.id}`,
        { content },
      );
      console.log(`Submitted ${area.name} for ${opts.week}${res.late ? ' (late)' : ''}`);
    });

  update
    .command('publish')
    .description('publish the week now, or publish a correction (product ops)')
    .requiredOption('--week <week>', 'ISO week, like 2026-W47', week)
    .option('--note <text>', 'for a correction: what it changes (readers see it)')
    .action(async (opts: { week: string; note?: string }) => {
      const remote = remoteFromEnv();
      const check = await remote.json<TPublishCheck>('GET', `/api/v1/updates/${opts.week}/publish-check`);
      for (const line of publishCheckLines(check)) console.log(line);
      const res = await remote.json<{
        title: string;
        version: number;
        changes: string[];
        undo: { id: string; sendAt: string; messages: number } | null;
      }>('POST', `/api/v1/updates/${opts.week}/publish`, opts.note ? { note: opts.note } : {});
      // Issue 17: messages wait out the org's undo window; say how to take it back meanwhile.
      if (res.undo)
        console.log(
          `${res.undo.messages} messages wait until ${res.undo.sendAt}; to undo before then: POST /api/v1/broadcasts/${res.undo.id}/undo`,
        );
      console.log(`Published ${res.title} (version ${res.version})`);
      for (const c of res.changes ?? []) console.log(`  ${c}`);
    });

  update
    .command('show')
    .description('print a published update (latest version unless --version)')
    .requiredOption('--week <week>', 'ISO week, like 2026-W47', week)
    .option('--format <format>', 'md or json', 'md')
    .option('--version <n>', 'a published version (default: the latest)')
    .action(async (opts: { week: string; format: string; version?: string }) => {
      if (opts.format !== 'md' && opts.format !== 'json')
        throw new UserError(`prodops: --format: "${opts.format}" is not md or json`);
      if (opts.version !== undefined && !/^[1-9]\d*$/.test(opts.version))
        throw new UserError(`prodops: --version: "${opts.version}" is not a version number (1, 2, …)`);
      const remote = remoteFromEnv();
      const q = new URLSearchParams({
        format: opts.format,
        ...(opts.version ? { version: opts.version } : {}),
      });
      const url = `/api/v1/updates/${opts.week}/artifact?${q}`;
      if (opts.format === 'md') {
        const md = await remote.text(url);
        process.stdout.write(md.endsWith('\n') ? md : `${md}\n`);
      } else {
        console.log(JSON.stringify(await remote.json('GET', url), null, 2));
      }
    });
}
