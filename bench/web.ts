/**
 * The web app's weight and speed (issue 17, part 8): the JavaScript and CSS a browser downloads before the
 * sign-in page and the home page can show, raw, gzipped and brotli'd (as the server sends them), next to the
 * target (≤ 150 kB gzipped JS); and the home page's first render in Chromium — from navigation start to its
 * main heading on screen, and to its content with no "Loading…" left — p50 of N cold visits (a fresh browser
 * context each: empty cache, a signed-in cookie), next to a static HTML page served by the same server.
 *
 * Run: npm run bench:web   (builds the web app first if its sources changed; needs Chromium, see e2e/)
 *   BENCH_RUNS=…   visits per row (default 15)
 *   BENCH_PEOPLE=… demo people whose home page is timed (default priya@example.com,sam@example.com)
 *
 * kB here are 1,000 bytes, as Vite prints them.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../e2e/browser.ts';
import { buildWebIfChanged } from '../scripts/build-web-if-changed.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'dist/web');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PEOPLE = (process.env.BENCH_PEOPLE ?? 'priya@example.com,sam@example.com').split(',');
/** The module of the page at "/": its lazy chunk is part of the home page's first download. */
const HOME_PAGE = 'routes/home/home-page.tsx';
const SIGN_IN_PAGE = 'index.html';
const TARGET_JS_GZIP = 150_000;
const TARGET_RENDER_MS = 1_000;
/** Served from dist/web by the same server for the run only: the floor a page load can reach here. */
const STATIC_PAGE = 'bench-static.html';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The files a page needs before it renders: its chunks and every chunk they import statically, with their CSS. */
function initialFiles(manifest: Manifest, keys: string[]): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the Vite manifest has no ${key}: is the page still there?`);
    if (chunk.file.endsWith('.js')) js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return { js: [...js], css: [...css] };
}

const copySize = (file: string) => statSync(path.join(WEB, file), { throwIfNoEntry: false })?.size;

function sizes(files: string[]) {
  const total = { files: files.length, raw: 0, gzip: 0, br: 0 };
  for (const file of files) {
    const body = readFileSync(path.join(WEB, file));
    total.raw += body.length;
    // What the server sends: the build's own copies (scripts/vite-precompress.mjs), else what @fastify/compress makes.
    total.gzip += copySize(`${file}.gz`) ?? gzipSync(body).length;
    total.br +=
      copySize(`${file}.br`) ??
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length;
  }
  return total;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function printBundle(manifest: Manifest): boolean {
  const pages = [
    { name: 'sign-in page', keys: [SIGN_IN_PAGE] },
    { name: 'home page', keys: [SIGN_IN_PAGE, HOME_PAGE] },
  ];
  console.log('\nInitial download (what the page needs before it renders)');
  console.log('page          | kind | files | raw       | gzip      | brotli    | target (gzip)');
  console.log('--------------|------|-------|-----------|-----------|-----------|--------------');
  let met = true;
  for (const page of pages) {
    const files = initialFiles(manifest, page.keys);
    for (const kind of ['js', 'css'] as const) {
      const s = sizes(files[kind]);
      const target = kind === 'js' ? `≤ ${kB(TARGET_JS_GZIP)} ${s.gzip <= TARGET_JS_GZIP ? '✓' : '✗'}` : '';
      if (kind === 'js' && s.gzip > TARGET_JS_GZIP) met = false;
      console.log(
        `${page.name.padEnd(13)} | ${kind.padEnd(4)} | ${String(s.files).padStart(5)} | ${kB(s.raw).padStart(9)} | ${kB(s.gzip).padStart(9)} | ${kB(s.br).padStart(9)} | ${target}`,
      );
    }
  }
  const all = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
  console.log(`(the whole app: ${all.length} JS chunks, ${kB(sizes(all.map((c) => c.file)).gzip)} gzipped)`);
  return met;
}

/**
 * Times recorded in the page, from its navigation start: heading on screen, then no "Loading…" left in it. A
 * string, not a function: tsx adds helpers to functions that do not exist in the page.
 */
const recordRender = (selector: string) => `
  const marks = (window.__render = {});
  const check = () => {
    const heading = document.querySelector(${JSON.stringify(selector)});
    if (!heading || !heading.textContent.trim()) return;
    // The frame after the DOM change is when it is painted.
    if (marks.heading === undefined) requestAnimationFrame(() => (marks.heading ??= performance.now()));
    if (marks.settled === undefined && !document.querySelector('.loading'))
      requestAnimationFrame(() => (marks.settled ??= performance.now()));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
`;

async function timeVisit(context: BrowserContext, url: string, selector: string) {
  const page = await context.newPage();
  await page.addInitScript({ content: recordRender(selector) });
  await page.goto(url);
  const marks = await page.waitForFunction(
    // A plain arrow (no nested functions for tsx to name): the page's CSP refuses a string predicate (eval).
    () => {
      const m = (window as unknown as { __render?: { heading?: number; settled?: number } }).__render;
      return m?.heading !== undefined && m.settled !== undefined ? m : null;
    },
    undefined,
    { timeout: 30_000, polling: 20 },
  );
  const value = (await marks.jsonValue()) as { heading: number; settled: number };
  await page.close();
  return value;
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** N cold visits (a fresh context: empty cache), each with the cookies of `storageState` if given. */
async function timeRow(
  browser: Browser,
  url: string,
  selector: string,
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
) {
  const heading: number[] = [];
  const settled: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
    const t = await timeVisit(context, url, selector);
    await context.close();
    if (i === 0) continue; // warm-up: the server's first answers pay for its own start
    heading.push(t.heading);
    settled.push(t.settled);
  }
  return { heading: p50(heading), settled: p50(settled) };
}

async function signedInState(browser: Browser, baseUrl: string, email: string) {
  const context = await browser.newContext();
  const res = await context.request.post(`${baseUrl}/api/v1/auth/sign-in`, {
    data: { email, password: 'prodops-demo' },
  });
  if (!res.ok()) throw new Error(`sign-in as ${email}: ${res.status()} ${await res.text()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `prodops serve` with the demo org, as `npm start` runs it, on PGlite in a scratch data dir. */
async function startDemoServer(dataDir: string) {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(PRODOPS_|DATABASE_URL$)/.test(k)) env[k] = v;
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/prodops.js'), 'serve'], {
    cwd: ROOT,
    env: { ...env, PRODOPS_DATA_DIR: dataDir, PRODOPS_DEMO: 'on', HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    const res = await fetch(`${url}/healthz`).catch(() => null);
    if (res?.ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error('prodops serve did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop };
}

async function main() {
  buildWebIfChanged();
  const manifest = JSON.parse(readFileSync(path.join(WEB, '.vite/manifest.json'), 'utf8')) as Manifest;
  const bundleMet = printBundle(manifest);

  const dataDir = mkdtempSync('/tmp/pd-bench-');
  const staticFile = path.join(WEB, STATIC_PAGE);
  writeFileSync(staticFile, '<!doctype html><title>static</title><main><h1>A static page</h1></main>');
  const server = await startDemoServer(dataDir);
  const browser = await launchBrowser();
  try {
    console.log(`\nFirst render in Chromium (p50 of ${RUNS} cold visits, from navigation start)`);
    console.log('page                              | heading on screen | content, nothing loading | target');
    console.log('----------------------------------|-------------------|--------------------------|-------');
    const row = (name: string, r: { heading: number; settled: number }, target = '') =>
      console.log(
        `${name.padEnd(33)} | ${`${r.heading.toFixed(0)} ms`.padStart(17)} | ${`${r.settled.toFixed(0)} ms`.padStart(24)} | ${target}`,
      );
    row('static HTML page (baseline)', await timeRow(browser, `${server.url}/${STATIC_PAGE}`, 'h1'));
    row('sign-in page', await timeRow(browser, `${server.url}/sign-in`, 'h1'));
    for (const email of PEOPLE) {
      const state = await signedInState(browser, server.url, email);
      const r = await timeRow(browser, `${server.url}/`, 'main h1', state);
      row(`home page as ${email}`, r, `< ${TARGET_RENDER_MS} ms ${r.settled < TARGET_RENDER_MS ? '✓' : '✗'}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(staticFile, { force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (!bundleMet) console.log('\nThe initial JavaScript is over its target.');
}

await main();
