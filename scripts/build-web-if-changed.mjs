#!/usr/bin/env node
// `npm start` runs this before the server: it builds the web app only when what the bundle is made of changed
// since the last build, so a restart without edits skips Vite's ~12 s. Plain Node, no dependencies.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the web bundle is built from: its sources, what they import, the build's configuration, the libraries. */
export const INPUTS = [
  'src/web',
  'src/shared',
  'src/domain',
  'vite.config.ts',
  'scripts/vite-precompress.mjs',
  'tsconfig.json',
  'package-lock.json',
];
export const STAMP = 'dist/web/.sources-hash';

/** Tests are not in the bundle: editing one does not call for a build. */
const isSource = (file) => !/\.test\.tsx?$/.test(file);

/** A file input as itself, a folder as the source files in it. */
function filesOf(input) {
  const full = path.join(repo, input);
  const stat = statSync(full, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [input];
  const entries = readdirSync(full, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(repo, path.join(e.parentPath ?? e.path, e.name)));
}

/** One hash over every input's path and content, in a fixed order: mtimes change on checkout, contents do not. */
export function sourcesHash(inputs = INPUTS) {
  const files = inputs.flatMap(filesOf).filter(isSource).sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const full = path.join(repo, file);
    hash.update(`${file.split(path.sep).join('/')}\0`);
    hash.update(readFileSync(full));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Whether to build, and why, in words for the console. Pure: the caller reads the disk. */
export function buildDecision({ built, stamp, current }) {
  if (!built) return { build: true, reason: 'not built yet' };
  if (!stamp) return { build: true, reason: 'the build has no record of its sources' };
  if (stamp !== current) return { build: true, reason: 'its sources changed since the last build' };
  return { build: false, reason: 'up to date with its sources' };
}

function readStamp() {
  const file = path.join(repo, STAMP);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

/** Builds when needed; returns whether it did. Throws when the build fails. */
export function buildWebIfChanged({ log = console.log } = {}) {
  const current = sourcesHash();
  const decision = buildDecision({
    built: existsSync(path.join(repo, 'dist/web/index.html')),
    stamp: readStamp(),
    current,
  });
  if (!decision.build) {
    log(`Web app: ${decision.reason}, not rebuilding.`);
    return false;
  }
  log(`Web app: building (${decision.reason})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', '--silent', 'build:web'], { cwd: repo, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`the web build failed (exit ${run.status ?? run.signal})`);
  // Vite empties dist/web first, so the stamp is written after it, and only after a build that succeeded.
  writeFileSync(path.join(repo, STAMP), `${current}\n`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildWebIfChanged();
  } catch (err) {
    console.error(`Web app: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
