import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { type RunningServer, startServe } from '../test/cli.ts';

// Without vitest, so the benches launch the same browser.
export { CHROMIUM, launchBrowser } from './browser.ts';

/**
 * A Content-Security-Policy violation fails the test: the built app must run under the CSP the server sends.
 * Chromium logs refused scripts and styles on the console; a refused eval only fires the page's
 * securitypolicyviolation event, which the init script (not subject to the CSP) logs too.
 */
export async function failOnCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text()))
      throw new Error(`CSP violation on ${page.url()}: ${msg.text()}`);
  });
}

/** Opens `path` as a demo person (password prodops-demo) through the sign-in page; waits for the page's h1. */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  email: string,
  at: { path: string; heading: string },
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (err) => {
    throw err;
  });
  await failOnCspViolations(page);
  await page.goto(`${baseUrl}${at.path}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('prodops-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: at.heading, level: 1 }).waitFor();
  return page;
}

/** A free port, so URLs the server builds from PRODOPS_PUBLIC_URL (email links) point at this very server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The CSRF header a cookie-authenticated write needs, from the page's session (for page.request). */
export async function csrfHeader(page: Page): Promise<Record<string, string>> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'prodops_csrf')?.value ?? '';
  return { 'X-CSRF-Token': csrf };
}

/** Creates an API token for the signed-in person, as a CI pipeline would hold one. */
export async function apiToken(page: Page, baseUrl: string, name: string): Promise<string> {
  const res = await page.request.post(`${baseUrl}/api/v1/me/tokens`, {
    headers: await csrfHeader(page),
    data: { name },
  });
  if (res.status() !== 201 && res.status() !== 200)
    throw new Error(`token: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A raw email as text: quoted-printable soft breaks joined, =XX escapes and folded headers undone. */
export function unfoldMail(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** `prodops serve` with the demo org on a free port, its PRODOPS_PUBLIC_URL its own address (links in messages). */
export async function startDemoServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  return startServe({
    ...env,
    PRODOPS_DEMO: 'on',
    PORT: String(port),
    PRODOPS_PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
}

/** Sets the org's undo window (settings.broadcast.undoSeconds) as the demo admin, through the API. */
export async function setUndoWindow(baseUrl: string, seconds: number): Promise<void> {
  const signIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: 'prodops-demo' }),
  });
  const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('prodops_csrf='))?.split('=')[1] ?? '';
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' };
  const current = await fetch(`${baseUrl}/api/v1/settings`, { headers });
  const { settings } = (await current.json()) as { settings: Record<string, unknown> };
  const put = await fetch(`${baseUrl}/api/v1/settings`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ ...settings, broadcast: { undoSeconds: seconds } }),
  });
  if (put.status !== 200) throw new Error(`settings: ${put.status} ${await put.text()}`);
}

/** Makes the reader's private Atom address on the page's Subscribe panel: it is shown only then (only its hash is kept). */
export async function makePrivateFeedAddress(page: Page): Promise<string> {
  await page.getByText('Subscribe in a feed reader').click();
  await page.getByRole('button', { name: /^Make (my private|a new) address$/ }).click();
  const confirm = page.getByRole('button', { name: 'Yes, make a new address' });
  if (await confirm.count()) await confirm.click();
  const field = await page.getByLabel('Atom feed', { exact: true }).elementHandle();
  await page.waitForFunction((el) => (el as HTMLInputElement).value.endsWith('.atom'), field);
  return (await field!.inputValue()) as string;
}
