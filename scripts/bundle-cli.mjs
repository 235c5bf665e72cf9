// The CLI and server built ahead of time: esbuild bundles src/cli/index.ts (and the tagger's worker) into
// dist/cli/<fingerprint>/, split so `prodops --help` loads only the commands' wiring. The packages are bundled
// too (Node resolving and reading their hundreds of files was most of the server's load time), except EXTERNAL.
// bin/prodops.js runs that bundle, building it first when the sources changed: starting from a bundle skips
// compiling TypeScript through tsx on every start (~3 s). Plain Node; esbuild is loaded only to build.
//
// Staleness is a fingerprint of every source file's path, size and mtime (one stat per file, a few ms), so an
// edit, a new file or a deleted one all give a new directory; a build never overwrites one in use.
// Each file's import.meta.url is replaced by its source file's URL so paths it resolves (migrations,
// package.json, dist/web) point where they do unbundled; worker entries are the exception, resolved beside the
// bundle. The bundle lives inside the repository so its external packages resolve from node_modules.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where builds go; PRODOPS_CLI_BUILD_DIR moves them (a test builds into a temp dir). */
export const BUILD_DIR = process.env.PRODOPS_CLI_BUILD_DIR
  ? path.resolve(process.env.PRODOPS_CLI_BUILD_DIR)
  : path.join(ROOT, 'dist/cli');
/** What the bundle is made of (the packages it bundles: package-lock.json). The web app is not in it, nor are tests. */
export const INPUTS = ['src', 'scripts/bundle-cli.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];
const EXCLUDE = /^src\/web\/|\.test\.tsx?$/;
/** Entry points: the CLI, and the worker threads started by file URL (name → source). */
const ENTRIES = {
  prodops: 'src/cli/index.ts',
  'tag-worker': 'src/services/insights/tag-worker.ts',
  'pglite-worker': 'src/db/pglite-worker.ts',
};
/** Packages left to Node: those that load files beside their own code (WASM, data), native or optional ones. */
const EXTERNAL = ['@electric-sql/*', 'pg-native', 'esbuild', 'tsx', 'vite', 'lightningcss', 'fsevents'];
/** Builds kept: an older one may still serve a running process (its lazily loaded chunks, its worker). */
const KEEP_BUILDS = 4;

/** One line per source file: its path, size and mtime, in a fixed order. */
function listing(root, inputs) {
  const lines = [];
  for (const input of inputs) {
    const full = path.join(root, input);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) continue;
    const files = stat.isDirectory()
      ? readdirSync(full, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath ?? e.path, e.name))
      : [full];
    for (const file of files) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (EXCLUDE.test(rel)) continue;
      const s = file === full ? stat : statSync(file);
      lines.push(`${rel}\0${s.size}\0${s.mtimeMs}`);
    }
  }
  return lines.sort();
}

/** The sources' fingerprint: it changes when a file is edited, added, removed or touched. */
export function fingerprint({ root = ROOT, inputs = INPUTS } = {}) {
  const hash = createHash('sha256');
  for (const line of listing(root, inputs)) hash.update(`${line}\n`);
  // The bundle holds its sources' absolute URLs (import.meta.url): a moved checkout builds again.
  hash.update(`${process.version.split('.')[0]}\0${root}`);
  return hash.digest('hex').slice(0, 16);
}

/** The CLI entry of the build for these sources, whether or not it exists yet. */
export function cliEntryFor(fp, buildDir = BUILD_DIR) {
  return path.join(buildDir, fp, 'prodops.mjs');
}

function keepMetaUrl(workers) {
  const workerRef = new RegExp(`new URL\\('\\./(${workers.join('|')})\\.mjs', import\\.meta\\.url\\)`, 'g');
  return {
    name: 'keep-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
        const source = readFileSync(args.path, 'utf8');
        const url = JSON.stringify(pathToFileURL(args.path).href);
        const parts = source.split(workerRef);
        // split() with one capture group alternates text and worker names: keep those references bundle-relative.
        const contents = parts
          .map((part, i) =>
            i % 2 ? `new URL('./${part}.mjs', import.meta.url)` : part.replaceAll('import.meta.url', url),
          )
          .join('');
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Bundles the CLI and its workers into `outdir` (inside the repository); returns the CLI entry's path. */
export async function bundleCli(outdir) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, src]) => [name, path.join(ROOT, src)]),
    ),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    banner: {
      js: "import { createRequire as __prodopsRequire } from 'node:module'; const require = __prodopsRequire(import.meta.url);",
    },
    logLevel: 'warning',
    plugins: [keepMetaUrl(Object.keys(ENTRIES).filter((n) => n !== 'prodops'))],
  });
  return path.join(outdir, 'prodops.mjs');
}

/** Removes all but the newest builds. */
function prune(buildDir, current) {
  const builds = readdirSync(buildDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name) && e.name !== current)
    .map((e) => ({ name: e.name, at: statSync(path.join(buildDir, e.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of builds.slice(KEEP_BUILDS - 1))
    rmSync(path.join(buildDir, old.name), { recursive: true, force: true });
  // A build that crashed leaves its temp dir; one an hour old is not in progress.
  for (const e of readdirSync(buildDir).filter((n) => n.startsWith('.tmp-'))) {
    const dir = path.join(buildDir, e);
    if (Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The CLI entry for the current sources, built first when missing. Concurrent callers are safe: each builds
 * into its own temp dir and renames it into place; the first rename wins, the others drop theirs.
 */
export async function ensureCli({ log = () => {}, buildDir = BUILD_DIR } = {}) {
  const fp = fingerprint();
  const entry = cliEntryFor(fp, buildDir);
  if (existsSync(entry)) return { entry, built: false };
  log('prodops: building the CLI (its sources changed since the last build)…');
  mkdirSync(buildDir, { recursive: true });
  const tmp = path.join(buildDir, `.tmp-${process.pid}-${Date.now()}`);
  try {
    await bundleCli(tmp);
    try {
      renameSync(tmp, path.join(buildDir, fp));
    } catch (err) {
      if (!existsSync(entry)) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  prune(buildDir, fp);
  return { entry, built: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { entry, built } = await ensureCli({ log: console.log });
  console.log(built ? `Built ${path.relative(ROOT, entry)}` : `Up to date: ${path.relative(ROOT, entry)}`);
}
