/**
 * How fast prodops starts (issue 19, part 4): `prodops --help`, and `prodops serve` from spawn to the first 200
 * from /healthz on a database that already exists (a restart) — PostgreSQL and a reopened PGlite data dir —
 * each the median of several runs next to baselines from the same run: `node -e ''` and a bare Fastify server's
 * spawn → first response. The first start (create, migrate, demo) is printed too but is not the target.
 *
 * Run: npm run bench:start
 *   BENCH_RUNS=…          runs per row (default 5)
 *   BENCH_DATABASE_URL=…  the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_TARGETS=…       postgres,pglite (default both)
 *   BENCH_TSX=on          also time the same code run from the sources through tsx (how bin/prodops.js started
 *                         before it ran a bundle)
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCli } from '../scripts/bundle-cli.mjs';
import { scratchPostgres } from './scratch-db.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/prodops.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGETS = (process.env.BENCH_TARGETS ?? 'postgres,pglite').split(',');
const TARGET_MS = { help: 500, postgres: 1_500, pglite: 3_000 };
const BARE_FASTIFY = `
  const app = require('fastify')();
  app.get('/healthz', async () => ({ ok: true }));
  app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

type Cmd = { args: string[]; env?: NodeJS.ProcessEnv };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

/** Spawn → exit, in ms; the command must succeed. */
async function timeRun(cmd: Cmd): Promise<number> {
  const t = performance.now();
  const child = spawn(process.execPath, cmd.args, {
    cwd: ROOT,
    env: { ...process.env, ...cmd.env },
    stdio: 'ignore',
  });
  const code = await exited(child);
  if (code !== 0) throw new Error(`${cmd.args.join(' ')} exited ${code}`);
  return performance.now() - t;
}

const healthy = (port: number) =>
  new Promise<boolean>((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });

/** Spawn → the first 200 from /healthz, in ms; then stops the server (SIGTERM) and waits for it to exit. */
async function timeServe(cmd: Cmd): Promise<number> {
  const port = await freePort();
  const t = performance.now();
  const child = spawn(process.execPath, cmd.args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'silent', ...cmd.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  try {
    while (!(await healthy(port))) {
      if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return performance.now() - t;
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
}

/** The baselines' medians, for the ratio column. */
const base: { node?: number; fastify?: number } = {};

async function row(
  label: string,
  runs: number,
  once: () => Promise<number>,
  target?: number,
  baseline?: number,
) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await once());
  const m = median(ms);
  const verdict = target === undefined ? '' : m < target ? `  ✓ < ${target} ms` : `  ✗ target < ${target} ms`;
  const ratio = baseline ? `  ${(m / baseline).toFixed(1)}× baseline` : '';
  console.log(
    `  ${label.padEnd(44)} ${Math.round(m).toString().padStart(6)} ms  (runs: ${ms.map(Math.round).join(', ')})${ratio}${verdict}`,
  );
  return m;
}

const cli = (...args: string[]): Cmd => ({ args: [BIN, ...args] });
const viaTsx = (...args: string[]): Cmd => ({
  args: ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), ...args],
});

async function main() {
  await ensureCli({ log: console.log });
  const tsx = process.env.BENCH_TSX;
  console.log(
    `prodops start, median of ${RUNS} runs · ${os.cpus().length} cores · load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log('baselines');
  base.node = await row("node -e ''", RUNS, () => timeRun({ args: ['-e', ''] }));
  base.fastify = await row('bare Fastify: spawn → first response', RUNS, () =>
    timeServe({ args: ['-e', BARE_FASTIFY] }),
  );
  console.log('prodops');
  await row('prodops --help', RUNS, () => timeRun(cli('--help')), TARGET_MS.help, base.node);
  if (tsx === 'on') await row('prodops --help, sources through tsx', RUNS, () => timeRun(viaTsx('--help')));

  if (TARGETS.includes('postgres')) {
    const scratch = await scratchPostgres(SERVER_URL, 'bench_start');
    if (typeof scratch === 'string') console.log(`  postgres: skipped, ${scratch}`);
    else
      try {
        const env = { DATABASE_URL: scratch.url };
        await row('PostgreSQL: first start (migrate)', 1, () => timeServe({ ...cli('serve'), env }));
        await row(
          'PostgreSQL: restart → /healthz',
          RUNS,
          () => timeServe({ ...cli('serve'), env }),
          TARGET_MS.postgres,
          base.fastify,
        );
        if (tsx === 'on')
          await row('PostgreSQL: restart, sources through tsx', RUNS, () =>
            timeServe({ ...viaTsx('serve'), env }),
          );
      } finally {
        await scratch.drop();
      }
  }
  if (TARGETS.includes('pglite')) {
    const dir = mkdtempSync('/tmp/pd-start-');
    try {
      const env = { PRODOPS_DATA_DIR: dir };
      await row('PGlite: first start (create, migrate, demo)', 1, () => timeServe({ ...cli('serve'), env }));
      await row(
        'PGlite: reopen → /healthz',
        RUNS,
        () => timeServe({ ...cli('serve'), env }),
        TARGET_MS.pglite,
        base.fastify,
      );
      if (tsx === 'on')
        await row('PGlite: reopen, sources through tsx', RUNS, () => timeServe({ ...viaTsx('serve'), env }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    `load after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

await main();
