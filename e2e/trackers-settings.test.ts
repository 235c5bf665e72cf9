import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { startGithubPeer } from '../test/github.ts';
import { axe, blocking, settle } from './a11y.ts';
import { csrfHeader, launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 18, Settings → Trackers: Product Ops connects GitHub (a local GitHub peer) on the screen, a field the API
 * refuses is named beside it, "Sync now" says what it pulled, the last sync shows in the org's zone, and a
 * difference is acknowledged; a PM reads the same screen without a control, and a stakeholder sees no trackers.
 */
let server: RunningServer;
let browser: Browser;
let peer: Awaited<ReturnType<typeof startGithubPeer>>;
const SLOW = { timeout: 15_000 };
const TOKEN = 'ghp_settingsscreen0123456789';
const HOOK_SECRET = 'settings-screen-hook-secret';

const openTrackers = async (page: Page) => {
  await page
    .getByRole('navigation', { name: 'Settings pages' })
    .getByRole('link', { name: 'Trackers' })
    .click();
  await page.getByRole('heading', { name: 'Trackers', level: 1 }).waitFor(SLOW);
};

describe('Settings → Trackers', () => {
  const data = useDataDir();
  beforeAll(async () => {
    // The GitHub peer listens on 127.0.0.1: the operator's switch lets trackers live there.
    server = await startDemoServer({ ...data.env, PRODOPS_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' });
    browser = await launchBrowser();
    peer = await startGithubPeer();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await peer?.stop();
  });

  it('Product Ops connects GitHub, syncs, sees the time and a difference, and acknowledges it; a PM only reads', async () => {
    const priya = await signInAs(browser, server.url, 'priya@example.com', {
      path: '/settings',
      heading: 'Settings',
    });
    await openTrackers(priya);
    const github = priya.getByRole('region', { name: 'GitHub', exact: true });
    await github.getByText('Not connected').waitFor(SLOW);
    await expect.poll(() => github.getByRole('button', { name: /Sync now/ }).count()).toBe(0);
    // The webhook address to paste into GitHub: this server's own.
    await github.getByText(`${server.url}/api/v1/integrations/github/webhook`).waitFor();

    // The API's own refusal, beside the field it names: Jira has no site until one is set.
    const jira = priya.getByRole('form', { name: 'Jira Cloud connection' });
    await jira.getByLabel('Token', { exact: true }).fill('ops@acme.example:ATATT3x-e2e-token');
    await jira.getByRole('button', { name: 'Save Jira Cloud connection' }).click();
    const siteError = jira
      .locator('.field', { has: priya.getByLabel('API address') })
      .locator('.field-error');
    await expect
      .poll(() => siteError.textContent(), SLOW)
      .toBe('is required: the Jira site, as https://acme.atlassian.net');

    const form = priya.getByRole('form', { name: 'GitHub connection' });
    await form.getByLabel('API address').fill(peer.url);
    await form.getByLabel('Token', { exact: true }).fill(TOKEN);
    await form.getByLabel('Webhook secret', { exact: true }).fill(HOOK_SECRET);
    await form.getByLabel('Bug label').fill('type: bug');
    await form.getByRole('button', { name: 'Save GitHub connection' }).click();
    await form.getByText('GitHub connection saved.').waitFor(SLOW);
    await github.getByText('Connected', { exact: true }).waitFor(SLOW);
    // Write-only: the boxes empty again, the hint says the secret is set, and the API never returns it.
    expect(await form.getByLabel('Token', { exact: true }).inputValue()).toBe('');
    await form
      .getByText(/^Set: leave empty to keep it/)
      .first()
      .waitFor();
    const api = await priya.request.get(`${server.url}/api/v1/integrations/github`);
    const body = await api.text();
    expect(JSON.parse(body)).toMatchObject({ apiUrl: peer.url, token: 'set', webhookSecret: 'set' });
    expect(body).not.toContain(TOKEN);
    expect(body).not.toContain(HOOK_SECRET);
    expect(await priya.content()).not.toContain(TOKEN);

    // A release linked to a milestone (its page's panel does this; here, the API), then GitHub moves the date.
    type Row = { id: string; title: string; targetDate: string; status: string };
    const { items } = (await (await priya.request.get(`${server.url}/api/v1/releases?limit=100`)).json()) as {
      items: Row[];
    };
    const release = items.find((r) => r.status !== 'launched' && r.status !== 'rolled_back')!;
    peer.milestone('acme/app', 9, { due_on: `${release.targetDate}T08:00:00Z`, title: 'Next launch' });
    peer.issue('acme/app', { milestone: 9, state: 'open' });
    const linked = await priya.request.post(`${server.url}/api/v1/releases/${release.id}/tracker/link`, {
      headers: await csrfHeader(priya),
      data: { repo: 'acme/app', milestone: 9 },
    });
    expect(linked.status()).toBe(200);
    peer.milestone('acme/app', 9, { due_on: '2031-01-10T08:00:00Z' });
    await github.getByText('None: GitHub and prodops agree.').waitFor(SLOW);

    await github.getByRole('button', { name: 'Sync now with GitHub' }).click();
    await github
      .getByText('Synced 1 link: 1 new difference, 0 bugs, 0 feedback items.', { exact: true })
      .waitFor(SLOW);
    const { settings } = (await (await priya.request.get(`${server.url}/api/v1/settings`)).json()) as {
      settings: { timeZone: string };
    };
    const lastSync = github
      .locator('dt', { hasText: 'Last sync' })
      .first()
      .locator('xpath=following-sibling::dd[1]');
    // The connection's instant, in the org's zone and saying which (e.g. "Sat 5 Dec 2026, 08:25 (America/New_York)").
    const { lastSyncAt } = (await (
      await priya.request.get(`${server.url}/api/v1/integrations/github`)
    ).json()) as {
      lastSyncAt: string;
    };
    const local = (o: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: settings.timeZone, ...o }).format(new Date(lastSyncAt));
    const shown = await lastSync.textContent();
    expect(shown).toContain(`${local({ day: 'numeric', month: 'short', year: 'numeric' })}`);
    expect(shown).toContain(
      `${local({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })} (${settings.timeZone})`,
    );
    const difference = github
      .getByRole('listitem')
      .filter({ hasText: "GitHub's due date is 10 January 2031" });
    await difference.waitFor(SLOW);
    await difference.getByRole('link', { name: release.title }).waitFor();

    // A PM reads the same screen: values, not boxes; no save, sync or acknowledge.
    const maya = await signInAs(browser, server.url, 'maya@example.com', {
      path: '/settings',
      heading: 'Settings',
    });
    await openTrackers(maya);
    const mayaGithub = maya.getByRole('region', { name: 'GitHub', exact: true });
    await mayaGithub.getByText("GitHub's due date is 10 January 2031", { exact: false }).waitFor(SLOW);
    await mayaGithub.getByText('type: bug', { exact: true }).waitFor();
    expect(await maya.getByRole('main').getByRole('textbox').count()).toBe(0);
    expect(await maya.getByRole('main').getByRole('button').count()).toBe(0);
    expect(await maya.getByRole('form').count()).toBe(0);
    await maya.close();

    await difference.getByRole('button', { name: /^Acknowledge/ }).click();
    await github.getByText('None: GitHub and prodops agree.').waitFor(SLOW);
    const open = (await (
      await priya.request.get(`${server.url}/api/v1/integrations/github/differences`)
    ).json()) as { differences: unknown[] };
    expect(open.differences).toEqual([]);

    // Accessible and usable on a phone: no serious finding, no sideways scroll at 390 px.
    await settle(priya);
    expect(blocking(await axe(priya, 'ops /settings/trackers'))).toEqual([]);
    await priya.setViewportSize({ width: 390, height: 844 });
    await priya.reload();
    await github.getByText('Connected', { exact: true }).waitFor(SLOW);
    await settle(priya);
    expect(await priya.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await priya.close();
  });

  it('a stakeholder is offered no trackers and sees no controls', async () => {
    const sam = await signInAs(browser, server.url, 'sam@example.com', {
      path: '/settings',
      heading: 'Settings',
    });
    expect(await sam.getByRole('navigation', { name: 'Settings pages' }).count()).toBe(0);
    const asked: string[] = [];
    sam.on('request', (r) => {
      if (r.url().includes('/integrations/')) asked.push(r.url());
    });
    await sam.goto(`${server.url}/settings/trackers`);
    await sam.getByRole('heading', { name: 'Trackers', level: 1 }).waitFor(SLOW);
    await sam.getByText('Tracker connections are the product org’s').waitFor(SLOW);
    expect(await sam.getByRole('form').count()).toBe(0);
    expect(await sam.getByRole('main').getByRole('button').count()).toBe(0);
    expect(asked).toEqual([]);
    await sam.close();
  });
});
