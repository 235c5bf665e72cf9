import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The layers of src/, bottom first. A folder may import itself and the folders it lists; anything else is an
 * arrow pointing the wrong way. `boot` composes the server and the jobs for `prodops serve`.
 */
export const LAYERS: Record<string, readonly string[]> = {
  shared: [],
  domain: ['shared'],
  config: ['shared'],
  db: ['shared', 'domain', 'config'],
  integrations: ['shared', 'domain', 'config'],
  services: ['shared', 'domain', 'config', 'db', 'integrations'],
  jobs: ['shared', 'domain', 'config', 'db', 'integrations', 'services'],
  server: ['shared', 'domain', 'config', 'db', 'integrations', 'services'],
  boot: ['shared', 'domain', 'config', 'db', 'integrations', 'services', 'jobs', 'server'],
  cli: ['shared', 'domain', 'config', 'db', 'integrations', 'services', 'jobs', 'boot'],
  web: ['shared', 'domain'],
};

export interface ImportEdge {
  from: string;
  to: string;
}

const SOURCE = /\.(ts|tsx|mts)$/;

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Relative imports of one file (static, type-only and dynamic), read by TypeScript's own pre-processor. */
export function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.resolve(path.dirname(file), name));
}

/** The import edges between files under `root`, as paths relative to it. */
export function importGraph(root: string, files: readonly string[]): ImportEdge[] {
  return files.flatMap((file) =>
    importsOf(file).map((to) => ({ from: path.relative(root, file), to: path.relative(root, to) })),
  );
}

const layerOf = (rel: string): string => rel.split(path.sep)[0]!.replace(SOURCE, '');

/** Tests drive a capability the way production does, so a test may also use the job runner above it. */
const TEST_ALSO = ['jobs'];
const isTest = (rel: string) => /\.test\.tsx?$/.test(rel);

/** Edges whose target layer is not below (or equal to) the source's; test files are held to the same rule. */
export function upwardImports(edges: readonly ImportEdge[]): string[] {
  return edges.flatMap(({ from, to }) => {
    const a = layerOf(from);
    const b = layerOf(to);
    if (to.startsWith('..')) return []; // outside src (test helpers, bench): checked by other rules
    const allowed = isTest(from) ? [...(LAYERS[a] ?? []), ...TEST_ALSO] : LAYERS[a];
    if (!allowed) return [`${from}: folder src/${a} is not in LAYERS`];
    if (a === b || allowed.includes(b)) return [];
    return [`${from} imports ${to} (${a} may import ${allowed.join(', ') || 'nothing else'})`];
  });
}

/** Cycles between files (each reported once, by its members in order). */
export function fileCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === 'open') cycles.push(stack.slice(stack.indexOf(to)));
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of next.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

/** The only files that read the wall clock: the server's clock, and the web app's (the browser's, set by the server's). */
export const CLOCK_FILES = [path.join('shared', 'clock.ts'), path.join('web', 'lib', 'clock.ts')];

/**
 * Lines that read the wall clock (`new Date()`, `Date.now()`) outside the clock files: "now" comes from the
 * context's clock on the server, and from web/lib/clock.ts (the browser's clock corrected by the server's) in
 * the web app.
 */
export function wallClockReads(root: string, files: readonly string[]): string[] {
  const exempt = (rel: string) => CLOCK_FILES.includes(rel);
  return files.flatMap((file) => {
    const rel = path.relative(root, file);
    if (exempt(rel) || isTest(rel)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        /new Date\(\)|Date\.now\(\)/.test(line) ? [`${rel}:${i + 1}: ${line.trim()}`] : [],
      );
  });
}

/**
 * Routes and policies hold no SQL: they call services (a composite read is one read-model function). Tests and
 * their `.fixture.ts` case tables may set up rows directly.
 */
export function sqlInRoutes(root: string, files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const rel = path.relative(root, file);
    const inServer =
      rel.startsWith(path.join('server', 'routes')) || rel.startsWith(path.join('server', 'policies'));
    if (!inServer || isTest(rel) || rel.endsWith('.fixture.ts')) return [];
    const specs = ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((f) => f.fileName);
    return specs
      .filter((s) => s === 'drizzle-orm' || s.includes('/db/schema'))
      .map((s) => `${rel} imports ${s}`);
  });
}
