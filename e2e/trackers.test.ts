import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { startGithubPeer } from '../test/github.ts';
import { startJiraPeer } from '../test/jira.ts';
import { csrfHeader, launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 18: Product Ops connects GitHub (a local GitHub peer), links a release to a milestone from its page and
 * reads its progress and due date; the milestone's due date moves and the panel flags it, the launch date kept.
 */
let server: RunningServer;
let browser: Browser;
let peer: Awaited<ReturnType<typeof startGithubPeer>>;
let jira: Awaited<ReturnType<typeof startJiraPeer>>;
const SLOW = { timeout: 15_000 };

describe('the Tracker panel on a release', () => {
  const data = useDataDir();
  beforeAll(async () => {
    // The GitHub and Jira peers listen on 127.0.0.1: the operator's switch lets trackers live there.
    server = await startDemoServer({ ...data.env, PRODOPS_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' });
    browser = await launchBrowser();
    peer = await startGithubPeer();
    jira = await startJiraPeer();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await peer?.stop();
    await jira?.stop();
  });

  it('links a milestone, shows its progress and flags a moved due date', async () => {
    const priya = await signInAs(browser, server.url, 'priya@example.com', {
      path: '/releases',
      heading: 'Releases',
    });
    const headers = await csrfHeader(priya);
    const put = await priya.request.put(`${server.url}/api/v1/integrations/github`, {
      headers,
      data: { apiUrl: peer.url, token: 'ghp_e2etoken0123456789' },
    });
    expect(put.status()).toBe(200);
    type Row = { id: string; targetDate: string; status: string };
    const { items } = (await (await priya.request.get(`${server.url}/api/v1/releases?limit=100`)).json()) as {
      items: Row[];
    };
    const release = items.find((r) => r.status !== 'launched' && r.status !== 'rolled_back')!;
    peer.milestone('acme/app', 4, { due_on: `${release.targetDate}T08:00:00Z`, title: 'Next launch' });
    for (let i = 0; i < 4; i++) peer.issue('acme/app', { milestone: 4, state: i < 3 ? 'closed' : 'open' });

    await priya.goto(`${server.url}/releases/${release.id}`);
    const panel = priya.getByRole('region', { name: 'Tracker' });
    await panel.waitFor(SLOW);
    await panel.getByLabel('Repository (owner/name)').fill('acme/app');
    await panel.getByLabel('Milestone number').fill('4');
    await panel.getByRole('button', { name: 'Link milestone' }).click();
    await panel.getByText('3 of 4 issues closed').waitFor(SLOW);

    peer.milestone('acme/app', 4, { due_on: '2031-01-10T08:00:00Z' });
    const sync = await priya.request.post(`${server.url}/api/v1/integrations/github/sync`, { headers });
    expect(sync.status()).toBe(200);
    await priya.reload();
    await panel
      .getByText(/GitHub's due date is 10 January 2031; the launch date in prodops is/)
      .waitFor(SLOW);
    await panel.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Acknowledge' }).count(), SLOW).toBe(0);
    await priya.close();
  });

  it('links a Jira epic from the panel and says so', async () => {
    const priya = await signInAs(browser, server.url, 'priya@example.com', {
      path: '/releases',
      heading: 'Releases',
    });
    const headers = await csrfHeader(priya);
    const put = await priya.request.put(`${server.url}/api/v1/integrations/jira`, {
      headers,
      data: { apiUrl: jira.url, token: 'priya@example.com:ATATT3x-e2e-token' },
    });
    expect(put.status()).toBe(200);
    type Row = { id: string; targetDate: string; status: string };
    const { items } = (await (await priya.request.get(`${server.url}/api/v1/releases?limit=100`)).json()) as {
      items: Row[];
    };
    const open = items.filter((r) => r.status !== 'launched' && r.status !== 'rolled_back');
    const release = open[1] ?? open[0]!;
    jira.epic('ED-12', { duedate: release.targetDate, summary: 'Usage billing GA' });
    for (let i = 0; i < 5; i++) jira.issue('ED', { epic: 'ED-12', done: i < 2 });

    await priya.goto(`${server.url}/releases/${release.id}`);
    const panel = priya.getByRole('region', { name: 'Tracker' });
    await panel.waitFor(SLOW);
    if ((await panel.getByRole('button', { name: 'Unlink' }).count()) > 0)
      await panel.getByRole('button', { name: 'Unlink' }).click();
    await panel.getByLabel('What to link').selectOption({ label: 'Jira epic' });
    await panel.getByLabel('Epic key (as ED-12)').fill('ED-12');
    await panel.getByRole('button', { name: 'Link epic' }).click();
    await panel.getByText('Jira epic ED-12 · Usage billing GA').waitFor(SLOW);
    await panel.getByText('2 of 5 issues closed').waitFor(SLOW);
    await priya.close();
  });
});
