import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServe, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs } from './harness.ts';

/**
 * Strategy contracts (issue 15) in a browser on the demo org: the Billing pod's is signed, the Onboarding pod's
 * awaits Chris Park and Mina Ito; the pods list flags every pod without a signed one.
 */
let server: RunningServer;
let browser: Browser;

const podPage = async (email: string, pod: string): Promise<Page> => {
  const page = await signInAs(browser, server.url, email, { path: '/pods', heading: 'Pods' });
  await page.getByRole('heading', { name: pod, level: 2 }).getByRole('link').click();
  await page.getByRole('heading', { name: pod, level: 1 }).waitFor();
  return page;
};
const contractState = (page: Page) => page.locator('.pod-contract .contract-state').first();

describe('strategy contracts in a browser', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('flags pods without a signed contract; the signed one reads as one page with its markdown', async () => {
    const page = await signInAs(browser, server.url, 'maya@example.com', { path: '/pods', heading: 'Pods' });
    await page.locator('.pod-contract-badge').first().waitFor();
    const badges = await page.locator('.pod-contract-badge .badge').allInnerTexts();
    expect(badges.filter((b) => b === 'No signed contract')).toHaveLength(4);
    expect(badges.filter((b) => b === 'Contract signed')).toHaveLength(1);
    await page.getByText('without a signed strategy contract').waitFor();

    await page.getByRole('heading', { name: 'Billing pod', level: 2 }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Strategy contract', level: 2 }).waitFor();
    expect(await contractState(page).textContent()).toMatch(
      /^Signed by Hana Okafor on \d{4}-\d\d-\d\d, Sam Rivera on .+ and Erik Berg on .+\.$/,
    );
    for (const h of ['Goal', 'Hypothesis', 'Right to win', 'Metrics', 'Risks', 'Deadline', 'Sign-off'])
      await page.getByRole('heading', { name: h, level: 3, exact: true }).waitFor();
    expect(
      await page.locator('.pod-contract > .contract-page .contract-risks .badge').allInnerTexts(),
    ).toEqual(['One-way door', 'One-way door']);
    const href = await page.getByRole('link', { name: 'Download markdown' }).getAttribute('href');
    const md = await page.request.get(`${server.url}${href}`);
    expect(md.headers()['content-type']).toBe('text/markdown; charset=utf-8');
    expect(await md.text()).toContain('# Strategy contract: Billing pod');
    await page.close();
  });

  it('a named stakeholder signs it; another stakeholder sees no contract at all', async () => {
    const mina = await podPage('mina@example.com', 'Onboarding pod');
    await contractState(mina).getByText('Waiting for Chris Park and Mina Ito').waitFor();
    await mina.getByRole('button', { name: 'Sign version 1' }).click();
    await mina.getByText('You signed version 1.').waitFor();
    expect(await contractState(mina).textContent()).toMatch(
      /^⚠ Waiting for Chris Park \(signed by Hana Okafor/,
    );
    expect(await mina.getByRole('button', { name: /Sign version/ }).count()).toBe(0);
    await mina.close();

    const sam = await podPage('sam@example.com', 'Onboarding pod');
    await sam.getByRole('heading', { name: 'Members', level: 2 }).waitFor();
    // The contract's request answered (403) before looking: an absent heading is then not just a slow one.
    await sam.waitForLoadState('networkidle');
    expect(await sam.getByRole('heading', { name: 'Strategy contract' }).count()).toBe(0);
    await sam.close();
  });

  it("the pod's PM proposes a new version: bad input is named by field, then everyone is asked again", async () => {
    const page = await podPage('leo@example.com', 'Onboarding pod');
    await page.getByRole('button', { name: 'Propose a new version' }).click();
    const form = page.getByRole('form', { name: 'Propose version 2' });
    await form.getByLabel('Goal').fill('');
    await form.getByLabel('Deadline').fill('');
    await form.getByRole('button', { name: 'Propose version 2' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('Please fix these 2 problems:').waitFor();
    expect(await summary.textContent()).toMatch(/Goal is required[\s\S]*Deadline is required/);

    await form.getByLabel('Goal').fill('Every new workspace finishes setup on its first day.');
    await form.getByLabel('Deadline').fill('2031-03-14');
    await form.getByRole('button', { name: 'Add risk' }).click();
    await form.getByLabel('Risk 3', { exact: true }).fill('Dropping the welcome email for good');
    await form.getByLabel('One-way door').nth(2).check();
    await form.getByRole('button', { name: 'Propose version 2' }).click();
    await page.getByText('Version 2 proposed.').waitFor();
    await contractState(page).getByText('Waiting for Chris Park, Hana Okafor and Mina Ito').waitFor();
    expect(await page.locator('.pod-contract > .contract-page .contract-risks .badge').count()).toBe(2);
    await page.getByText('Earlier versions (1)').waitFor();
    await page.close();
  });
});
