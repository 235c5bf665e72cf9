import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/prodops.js');
/**
 * What tests start as `prodops`: the bundle test/global-setup.ts made sure of (what bin/prodops.js runs, without
 * its staleness check), or bin/prodops.js when there is none.
 */
export const CLI_ENTRY = process.env.PRODOPS_TEST_CLI ?? BIN;
/** A CLI process that has not finished by then is stuck: it is killed and the test fails with its output. */
const RUN_LIMIT_MS = 90_000;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A temp data dir for the enclosing describe block: made in its beforeAll (so merely collecting or listing
 * tests leaves nothing behind) and removed in its afterAll, after the block's own afterAll hooks. Under
 * /tmp whatever TMPDIR says, and short: Unix socket paths are limited to ~107 characters.
 */
export function useDataDir(): {
  readonly dir: string;
  readonly env: { PRODOPS_DATA_DIR: string };
  /** Runs `prodops <args>` on this data dir, with `input` on stdin if given. */
  cli(args: string[], input?: string): Promise<CliResult>;
} {
  let dir: string | null = null;
  beforeAll(() => {
    dir = mkdtempSync('/tmp/pd-');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const current = () => {
    if (!dir) throw new Error('useDataDir: the data dir exists only while its describe block runs');
    return dir;
  };
  return {
    get dir() {
      return current();
    },
    get env() {
      return { PRODOPS_DATA_DIR: current() };
    },
    cli: (args, input) => runCli(args, { env: { PRODOPS_DATA_DIR: current() }, input }),
  };
}

/**
 * The environment of a CLI process: the parent's, minus prodops settings (a DATABASE_URL or PRODOPS_* of the
 * surrounding run must never leak in), plus what the test says.
 */
function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('PRODOPS_') && !['DATABASE_URL', 'PORT', 'HOST', 'LOG_LEVEL'].includes(k)) base[k] = v;
  }
  return { ...base, LOG_LEVEL: 'warn', NO_COLOR: '1', ...env };
}

function spawnCli(
  args: string[],
  env: Record<string, string>,
  withStdin: boolean,
  entry = CLI_ENTRY,
): ChildProcess {
  return spawn(process.execPath, [entry, ...args], {
    cwd: ROOT,
    env: cliEnv(env),
    stdio: [withStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
}

/** Runs `prodops <args>` to its end; never throws on a non-zero exit (tests assert on the code). */
export function runCli(
  args: string[],
  opts: { env?: Record<string, string>; input?: string; entry?: 'bin' } = {},
): Promise<CliResult> {
  const entry = opts.entry === 'bin' ? BIN : CLI_ENTRY;
  const child = spawnCli(args, opts.env ?? {}, opts.input !== undefined, entry);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  if (opts.input !== undefined) child.stdin!.end(opts.input);
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`prodops ${args.join(' ')} did not finish\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, RUN_LIMIT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `prodops serve` on a port the OS picks (PORT=0), reads the port from its start line, and resolves
 * once /healthz answers ok. Rejects with the server's output if it exits or stalls before that.
 */
export async function startServe(env: Record<string, string>, args: string[] = []): Promise<RunningServer> {
  const child = spawnCli(['serve', ...args], { HOST: '127.0.0.1', PORT: '0', ...env }, false);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  const port = await new Promise<number>((resolve, reject) => {
    const guard = setTimeout(() => fail(new Error('did not start in time')), RUN_LIMIT_MS);
    const fail = (err: Error) => {
      if (done) return;
      done = true;
      clearTimeout(guard);
      void stop().then(() => reject(new Error(`prodops serve: ${err.message}\n${out}`)));
    };
    child.on('error', fail);
    void exited.then((code) => fail(new Error(`exited with ${code} before it was ready`)));
    const onData = () => {
      const m = /running on http:\/\/localhost:(\d+)/.exec(out);
      if (m && !done) {
        done = true;
        clearTimeout(guard);
        child.stdout!.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
  });
  const url = `http://127.0.0.1:${port}`;
  // The start line is printed after listen(); the health check also proves the database answers.
  for (;;) {
    const res = await fetch(`${url}/healthz`).catch(() => null);
    if (res?.ok && ((await res.json()) as { status: string }).status === 'ok') break;
    if (child.exitCode !== null) throw new Error(`prodops serve exited\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, pid: child.pid!, output: () => out, stop };
}

/** Fetches JSON from a running server, failing with the body when the status is not the expected one. */
export async function getJson<T>(url: string, headers: Record<string, string>, status = 200): Promise<T> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (res.status !== status) throw new Error(`GET ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Every item of a paged list endpoint ({items, nextCursor}). */
export async function listAll<T>(url: string, headers: Record<string, string>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '200', ...(cursor ? { cursor } : {}) });
    const page: { items: T[]; nextCursor: string | null } = await getJson(`${url}?${q}`, headers);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
