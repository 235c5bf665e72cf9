import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Command, CommanderError } from 'commander';
import { loadConfig } from '../../config/env.ts';
import { describeTier, suggestTier, type Tier } from '../../domain/releases/attributes.ts';
import { endOfLocalDay, todayIn } from '../../shared/calendar.ts';
import { systemClock } from '../../shared/clock.ts';
import { ZDate } from '../../shared/common.ts';
import { AppError } from '../../shared/errors.ts';
import { DEFAULT_SETTINGS, type TSettings } from '../../shared/settings.ts';
import { withAdminDb } from '../admin-db.ts';
import { type Remote, remoteFromEnv } from '../remote.ts';
import { UserError } from '../user-error.ts';

// ---------------------------------------------------------------------------------------------------------
// Where the org's rules come from: the server at PRODOPS_URL, else this machine's database, else defaults.

type Source = 'server' | 'database' | 'defaults';

/** A database to read: DATABASE_URL, or a data dir that already holds one (never create one to read it). */
function hasLocalDatabase(): boolean {
  const config = loadConfig();
  return Boolean(config.databaseUrl) || existsSync(path.join(config.dataDir, 'pgdata'));
}

async function localSettings(): Promise<{ settings: TSettings; source: Source }> {
  if (!hasLocalDatabase()) return { settings: DEFAULT_SETTINGS, source: 'defaults' };
  const { getSettings } = await import('../../services/org/settings.ts');
  return { settings: await withAdminDb(({ db }) => getSettings(db)), source: 'database' };
}

const remoteIfSet = (): Remote | null => (process.env.PRODOPS_URL?.trim() ? remoteFromEnv() : null);

// ---------------------------------------------------------------------------------------------------------
// Option values, checked before anything is asked: a typo is exit 2 with the option named.

function attributeList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ];
}

function tierOption(value: string): Tier {
  if (value !== '1' && value !== '2' && value !== '3')
    throw new UserError(`prodops: --tier: "${value}" is not a tier (1, 2 or 3)`);
  return Number(value) as Tier;
}

const dateOption = (flag: string) => (value: string) => {
  const parsed = ZDate.safeParse(value);
  if (!parsed.success)
    throw new UserError(`prodops: ${flag}: "${value}" ${parsed.error.issues[0]?.message ?? 'is not a date'}`);
  return value;
};

/** Usage mistakes (a missing argument, an unknown option) exit 2 too: exit 1 means "not ready" to a pipeline. */
function usageExitsTwo(err: CommanderError): never {
  throw err.exitCode === 1 ? new CommanderError(2, err.code, err.message) : err;
}

// ---------------------------------------------------------------------------------------------------------
// prodops release tier

interface Suggestion {
  tier: Tier;
  decidedBy: string[];
  reason: string;
}

/** The same words for an unknown attribute whether the server or this process found it. */
const notAnAttribute = (known: readonly string[]) =>
  `is not a release attribute (known: ${known.join(', ')})`;

function suggestLocally(attrs: string[], settings: TSettings): Suggestion {
  const known = settings.releaseAttributes.map((a) => a.key);
  const unknown = attrs.filter((a) => !known.includes(a));
  if (unknown.length)
    throw new UserError(unknown.map((a) => `prodops: --attrs: "${a}" ${notAnAttribute(known)}`).join('\n'));
  const { tier, decidedBy, reason } = suggestTier(attrs, settings.releaseAttributes);
  return { tier, decidedBy, reason };
}

/** The server names a bad attribute by its index (attributes.1): say which one the user typed. */
function attributeError(err: unknown, attrs: string[]): unknown {
  if (!(err instanceof AppError) || err.code !== 'validation_failed' || !err.fields?.length) return err;
  const lines = err.fields.map((f) => {
    const index = /^attributes\.(\d+)$/.exec(f.path)?.[1];
    return index === undefined
      ? `prodops: --attrs: ${f.message}`
      : `prodops: --attrs: "${attrs[Number(index)]}" ${f.message}`;
  });
  return new UserError(lines.join('\n'));
}

async function suggestRemotely(attrs: string[], remote: Remote): Promise<Suggestion> {
  try {
    const { tier, decidedBy, reason } = await remote.json<Suggestion>(
      'POST',
      '/api/v1/releases/tier-suggestion',
      { attributes: attrs },
    );
    return { tier, decidedBy, reason };
  } catch (err) {
    throw attributeError(err, attrs);
  }
}

async function suggestion(attrs: string[]): Promise<Suggestion & { source: Source }> {
  const remote = remoteIfSet();
  if (remote) return { ...(await suggestRemotely(attrs, remote)), source: 'server' };
  const { settings, source } = await localSettings();
  return { ...suggestLocally(attrs, settings), source };
}

/** "Tier 3 (High)" on the first line, then why (the reason without its repeated tier prefix). */
function printSuggestion(s: Suggestion): void {
  const prefix = `${describeTier(s.tier)}: `;
  console.log(describeTier(s.tier));
  console.log(s.reason.startsWith(prefix) ? s.reason.slice(prefix.length) : s.reason);
}

// ---------------------------------------------------------------------------------------------------------
// prodops release leadtime

interface LeadTimeOptions {
  tier: Tier;
  launch: string;
  today?: string;
}

async function leadTimeReport(opts: LeadTimeOptions): Promise<unknown> {
  const remote = remoteIfSet();
  if (remote) {
    const q = new URLSearchParams({
      tier: String(opts.tier),
      launch: opts.launch,
      ...(opts.today ? { today: opts.today } : {}),
    });
    return remote.json('GET', `/api/v1/releases/leadtime?${q}`);
  }
  const { settings } = await localSettings();
  const today = opts.today ?? todayIn(settings.timeZone, systemClock.now());
  const [{ leadTimeJson }, { leadTimeOf }] = await Promise.all([
    import('../../domain/releases/leadtime.ts'),
    import('../../services/releases/schedule.ts'),
  ]);
  return leadTimeJson(leadTimeOf(settings, { tier: opts.tier, targetDate: opts.launch }, null, today)!);
}

// ---------------------------------------------------------------------------------------------------------
// prodops release gate / list (against the server)

interface ReleaseItem {
  id: string;
  title: string;
  tier: number | null;
  targetDate: string;
  status: string;
  areaName: string | null;
  pmOwnerName: string | null;
}

interface GateAnswer {
  releaseId: string;
  ready: boolean;
  reasons: string[];
  /** Failing checks an override lets through, one line each (older servers send none). */
  overridden?: string[];
  title: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function allReleases(remote: Remote, filter: { from?: string; to?: string } = {}) {
  const all: ReleaseItem[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '500', ...filter, ...(cursor ? { cursor } : {}) });
    const page: { items: ReleaseItem[]; nextCursor: string | null } = await remote.json(
      'GET',
      `/api/v1/releases?${q}`,
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** A release id as given, or the one release whose title matches (case and surrounding spaces aside). */
async function releaseId(remote: Remote, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref.toLowerCase();
  const wanted = ref.trim().toLowerCase();
  const matches = (await allReleases(remote)).filter((r) => r.title.trim().toLowerCase() === wanted);
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) throw new UserError(`prodops: no release with the id or title "${ref}"`);
  const ids = matches.map((r) => `  ${r.id}  ${r.targetDate}  ${r.title}`);
  throw new UserError(
    `prodops: ${matches.length} releases are titled "${ref}"; name one by id:\n${ids.join('\n')}`,
  );
}

async function askGate(remote: Remote, ref: string): Promise<GateAnswer> {
  const id = await releaseId(remote, ref);
  try {
    return await remote.json<GateAnswer>('GET', `/api/v1/releases/${id}/gate`);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found')
      throw new UserError(`prodops: no release with the id ${id}`);
    throw err;
  }
}

/** For a pipeline, exit 1 means "not ready": not getting an answer at all (no server, bad token) is exit 2. */
function unanswered(err: unknown): UserError {
  if (err instanceof UserError) return err;
  if (err instanceof AppError)
    return new UserError(
      [`prodops: ${err.message}`, ...(err.fields ?? []).map((f) => `  ${f.path}: ${f.message}`)].join('\n'),
    );
  const message = err instanceof Error ? err.message : String(err);
  return new UserError(message.startsWith('prodops:') ? message : `prodops: ${message}`);
}

/** The verdict, what blocks, then what was let through and by whom: a pipeline log shows every override. */
function printGate(gate: GateAnswer): void {
  const n = gate.reasons.length;
  console.log(
    gate.ready
      ? `ready to ship: ${gate.title}`
      : `not ready to ship: ${gate.title} (${n} unmet requirement${n === 1 ? '' : 's'})`,
  );
  for (const reason of gate.reasons) console.log(reason);
  for (const line of gate.overridden ?? []) console.log(line);
}

// ---------------------------------------------------------------------------------------------------------
// prodops release override (the Head of Product's token)

interface OverrideOptions {
  check: string;
  reason: string;
  until: string;
}

interface MadeOverride {
  checkLabel: string;
  by: string;
  expiresAt: string;
  reason: string;
}

const OVERRIDE_OPTIONS: Record<string, string> = {
  checkId: '--check',
  reason: '--reason',
  expiresAt: '--until',
};

/** The API names its fields; the user typed options: say which option was wrong. */
function overrideError(err: unknown): unknown {
  if (err instanceof AppError && err.code === 'forbidden')
    return new AppError(
      'forbidden',
      'only the Head of Product may override a gate check (PRODOPS_TOKEN is not theirs)',
    );
  if (!(err instanceof AppError) || !err.fields?.length) return err;
  const lines = err.fields.map((f) => `prodops: ${OVERRIDE_OPTIONS[f.path] ?? f.path}: ${f.message}`);
  return new UserError(lines.join('\n'));
}

/** Until the end of `--until` in the org's time zone (the server's settings say which). */
async function overrideCheck(remote: Remote, ref: string, opts: OverrideOptions) {
  const id = await releaseId(remote, ref);
  const { settings } = await remote.json<{ settings: { timeZone: string } }>('GET', '/api/v1/settings');
  const expiresAt = endOfLocalDay(opts.until, settings.timeZone).toISOString();
  try {
    const made = await remote.json<MadeOverride>('POST', `/api/v1/releases/${id}/gate-overrides`, {
      checkId: opts.check,
      reason: opts.reason,
      expiresAt,
    });
    return { ...made, until: opts.until, timeZone: settings.timeZone };
  } catch (err) {
    throw overrideError(err);
  }
}

function printReleases(items: ReleaseItem[]): void {
  if (!items.length) {
    console.log('No releases.');
    return;
  }
  const statusWidth = Math.max(...items.map((r) => r.status.length));
  for (const r of items) {
    const who = [r.areaName, r.pmOwnerName].filter(Boolean).join(', ');
    const tier = r.tier ? `Tier ${r.tier}` : 'no tier';
    console.log(
      `${r.targetDate}  ${tier.padEnd(7)}  ${r.status.padEnd(statusWidth)}  ${r.title}${who ? ` (${who})` : ''}  ${r.id}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------

export function registerReleaseCommands(program: Command): void {
  const release = program
    .command('release')
    .description(
      'release enablement: tier suggestion, lead times, and the release gate CI/CD calls before deploying',
    )
    // Set before the subcommands are added: they inherit it.
    .exitOverride(usageExitsTwo);

  release
    .command('tier')
    .description(
      "suggest a release's tier from its attributes (the server's table with PRODOPS_URL, else the local data dir's, else the defaults)",
    )
    .requiredOption('--attrs <keys>', 'comma-separated attribute keys, like pricing_overhaul,api_change')
    .option('--json', 'print JSON')
    .action(async (opts: { attrs: string; json?: boolean }) => {
      const s = await suggestion(attributeList(opts.attrs));
      if (opts.json) console.log(JSON.stringify(s, null, 2));
      else printSuggestion(s);
    });

  release
    .command('leadtime')
    .description(
      'print the bundle deadlines for a tier and launch date as JSON (the org work week and holidays)',
    )
    .requiredOption('--tier <n>', '1, 2 or 3', tierOption)
    .requiredOption('--launch <date>', 'the launch date, like 2026-12-24', dateOption('--launch'))
    .option(
      '--today <date>',
      "count from this date instead of today (the org's time zone)",
      dateOption('--today'),
    )
    .action(async (opts: LeadTimeOptions) => {
      console.log(JSON.stringify(await leadTimeReport(opts), null, 2));
    });

  release
    .command('gate')
    .description(
      'exit 0 if the release is ready to ship, 1 if not (each unmet requirement on a line), 2 if it cannot tell; checks the Head of Product overrode count as met and are listed (talks to PRODOPS_URL with PRODOPS_TOKEN)',
    )
    .argument('<release>', 'the release id, or its exact title')
    .option('--json', 'print the gate as JSON (same exit codes)')
    .action(async (ref: string, opts: { json?: boolean }) => {
      let gate: GateAnswer;
      try {
        gate = await askGate(remoteFromEnv(), ref);
      } catch (err) {
        throw unanswered(err);
      }
      if (opts.json) console.log(JSON.stringify(gate, null, 2));
      else printGate(gate);
      if (!gate.ready) process.exitCode = 1;
    });

  release
    .command('override')
    .description(
      'let one failing gate check through until the end of a day (org time zone), saying why: the Head of Product, logged (talks to PRODOPS_URL with PRODOPS_TOKEN)',
    )
    .argument('<release>', 'the release id, or its exact title')
    .requiredOption('--check <id>', 'the gate check, like sign_offs, lead_time, sections or decision')
    .requiredOption('--reason <text>', 'why the release may ship without it')
    .requiredOption(
      '--until <date>',
      'the last day the override lasts, like 2026-12-12',
      dateOption('--until'),
    )
    .action(async (ref: string, opts: OverrideOptions) => {
      const o = await overrideCheck(remoteFromEnv(), ref, opts);
      console.log(
        `${o.checkLabel} overridden by ${o.by} until the end of ${o.until} (${o.timeZone}): ${o.reason}`,
      );
    });

  release
    .command('list')
    .description('list releases by launch date (talks to PRODOPS_URL with PRODOPS_TOKEN)')
    .option('--from <date>', 'launching on or after this date', dateOption('--from'))
    .option('--to <date>', 'launching on or before this date', dateOption('--to'))
    .option('--json', 'print JSON')
    .action(async (opts: { from?: string; to?: string; json?: boolean }) => {
      const filter = { ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) };
      const items = await allReleases(remoteFromEnv(), filter);
      if (opts.json) console.log(JSON.stringify(items, null, 2));
      else printReleases(items);
    });
}
